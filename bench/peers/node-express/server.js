// The public dispute-status lookup as a typical Node 20 + Express 4 + better-sqlite3 service would
// write it (README.md): one prepared statement on one read-only connection, JSON out.
//   node server.js PORT peer.db
const express = require('express');
const Database = require('better-sqlite3');

const port = Number(process.argv[2] || 18090);
const db = new Database(process.argv[3] || 'peer.db', { readonly: true, fileMustExist: true });
const byNumber = db.prepare(`SELECT register_number, ki, respondent, state, outcome, registered_on,
  next_deadline_key, next_deadline_due, information_requested FROM disputes WHERE register_number = ?`);

const app = express();
app.get('/api/v1/public/disputes', (req, res) => {
  const number = String(req.query.register_number || '').replace(/\s+/g, '').toUpperCase();
  if (!number) {
    return res.status(400).json({ title: 'Bad request', errors: { register_number: 'required' } });
  }
  const row = byNumber.get(number);
  if (!row) {
    return res.status(404).json({ title: 'Not found' });
  }
  res.json({
    register_number: row.register_number,
    ki: row.ki,
    respondent: row.respondent,
    state: row.state,
    outcome: row.outcome,
    registered_on: row.registered_on,
    next_deadline: row.next_deadline_key ? { key: row.next_deadline_key, due: row.next_deadline_due } : null,
    information_requested: row.information_requested,
  });
});
app.get('/healthz', (req, res) => res.json({ status: 'ok' }));

const server = app.listen(port, '127.0.0.1', () => {
  console.error(`listening on http://127.0.0.1:${server.address().port}`);
});
