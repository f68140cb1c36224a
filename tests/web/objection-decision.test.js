// The atasan PPID's decision on an objection reads the way the domain means it: `overturned` annuls
// the PPID's answer, so the objection is granted (it was once labelled "Keberatan ditolak", the opposite).
// The request, the PPID's refusal and the objection are fixtures made through the API; the superior
// records the decision through the case page's form, and the label is read back on the case page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, settle, users, casePage, apiAs, wibInstant, runTag, expectAccessibleAtBothWidths } from './support.js';

let b;
let request;

before(async () => {
  const api = await apiAs(users.ppid);
  const r = await api('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-3, '08:30'),
    channel: 'letter',
    applicant: { kind: 'individual', name: `Rahmat Hidayat ${runTag}`, address: 'Jl. Sudirman 5, Pangkalpinang' },
    information_requested: 'Daftar pemilih tetap Kelurahan Bukit Merapin',
    purpose: 'Pemantauan pemilu',
    format: 'softcopy',
    delivery_medium: 'email',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  request = r.body;
  const respond = await api('POST', `/api/v1/requests/${request.id}/actions/respond`, {
    decision: 'refused',
    reasons: 'Informasi dikecualikan menurut Pasal 17 huruf h UU 14/2008',
    responded_at: wibInstant(-2, '10:00'),
  });
  assert.equal(respond.status, 200, JSON.stringify(respond.body));
  const objection = await api('POST', `/api/v1/requests/${request.id}/actions/file_objection`, {
    grounds: ['a'],
    reasons: 'Daftar pemilih bukan informasi yang dikecualikan',
    received_at: wibInstant(-1, '09:00'),
  });
  assert.equal(objection.status, 200, JSON.stringify(objection.body));
  b = await launch();
});
after(async () => {
  await b.close();
});

test('an atasan overturns the PPID answer on the case page; it reads back as the objection granted', async () => {
  const { page } = b;
  const c = casePage(page);
  await login(page, users.superior);
  await open(page, `#/requests/${request.id}`);
  await page.locator('.case-status .badge.state-objected').waitFor();

  // What the atasan chooses from says which side wins.
  const form = await c.openAction('answer_objection');
  const option = form.locator('[name=decision] option[value=overturned]');
  assert.match(await option.innerText(), /Jawaban PPID dibatalkan \(keberatan diterima\)/);
  assert.match(await form.locator('[name=decision] option[value=upheld]').innerText(), /Jawaban PPID dikuatkan \(keberatan ditolak\)/);
  await form.locator('[name=decision]').selectOption('overturned');
  await form.locator('[name=reasons]').fill('Daftar pemilih wajib tersedia; PPID diperintahkan memberikannya');
  await expectAccessibleAtBothWidths(page, "the atasan's decision form");
  await c.submitAction('answer_objection');
  await page.locator('.case-status .badge.state-objection_answered').waitFor();
  await settle(page);

  // Stored as overturned, shown as the objection granted: in the steps and in the timeline.
  const api = await apiAs(users.superior);
  assert.equal((await api('GET', `/api/v1/requests/${request.id}`)).body.objection_answer.decision, 'overturned');
  const steps = await page.locator('#main').innerText();
  assert.match(steps, /Jawaban PPID dibatalkan \(keberatan diterima\)/);
  assert.doesNotMatch(steps, /keberatan ditolak/i);
  assert.match(await page.locator('.timeline').innerText(), /keberatan diterima/);

  // The same in English.
  await page.locator('#lang-switch').click();
  await page.locator('html[lang=en]').waitFor();
  await settle(page);
  const english = await page.locator('#main').innerText();
  assert.match(english, /PPID answer overturned \(objection granted\)/);
  assert.doesNotMatch(english, /objection refused|objection rejected/i);
  await page.locator('#lang-switch').click();
  await page.locator('html[lang=id]').waitFor();
  await settle(page);
  await logout(page);
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
