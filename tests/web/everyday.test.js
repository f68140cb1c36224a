// Everyday use (issue 17): the PPID's board shows the disputes against its office beside its requests,
// counts as overdue exactly what the overdue filter shows, offers only its own office as Termohon, says
// the atasan PPID is awaited on an objection and counts a dispute's working days; the atasan's inbox
// shows the objection's grounds and text and the PPID's answer; forms offer only what is allowed
// (roles by organisation kind, the KI's commissioners as majelis), dates are typed dd/mm/yyyy hh.mm,
// and the timeline names events as nouns. Each page at 1366 and 390 px with axe.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, settle, users, apiAs, casePage, wibInstant, wibDate, runTag, codesOnPage, assertNoHorizontalScroll, fieldError, baseUrl, expectAccessible, wide, phone } from './support.js';

const tag = `everyday${runTag}`;
const viewports = [wide, phone];
const fx = {};

async function newRequest(api, name, receivedDaysAgo) {
  const r = await api('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-receivedDaysAgo, '08:30'),
    channel: 'letter',
    applicant: { kind: 'individual', name, address: 'Jl. Sudirman 5, Pangkalpinang' },
    information_requested: `Daftar pemilih tetap ${tag}`,
    purpose: 'Pemantauan pemilu',
    format: 'softcopy',
    delivery_medium: 'email',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function newDispute(api, name) {
  const r = await api('POST', '/api/v1/disputes', {
    chronology: { request_date: wibDate(-40), objection_date: wibDate(-25), objection_response_date: wibDate(-15) },
    applicant: { kind: 'individual', name, id_number: '3171999988887777', address: 'Jl. Merdeka 1', email: 'rahmat@example.id', phone: '0812-000-111' },
    respondent: 'kpu-pangkalpinang',
    information_requested: `Salinan DPT ${tag}`,
    grounds: ['c'],
    petitum: ['Memberikan salinan DPT'],
    attachments: ['request_letter', 'request_receipt', 'objection_letter', 'objection_receipt', 'atasan_response', 'identity_document'],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

before(async () => {
  const ppid = await apiAs(users.ppid);
  // Received 40 days ago and never answered: overdue for the PPID.
  fx.late = await newRequest(ppid, 'Ani Lestari', 40);
  // Refused, then objected on two grounds: the atasan PPID must answer.
  fx.objected = await newRequest(ppid, 'Rahmat Hidayat', 3);
  const respond = await ppid('POST', `/api/v1/requests/${fx.objected.id}/actions/respond`, {
    decision: 'refused',
    reasons: `Informasi dikecualikan menurut Pasal 17 huruf h ${tag}`,
    responded_at: wibInstant(-2, '10:00'),
  });
  assert.equal(respond.status, 200, JSON.stringify(respond.body));
  const objection = await ppid('POST', `/api/v1/requests/${fx.objected.id}/actions/file_objection`, {
    grounds: ['a', 'c'],
    reasons: `Daftar pemilih bukan informasi yang dikecualikan ${tag}`,
    received_at: wibInstant(-1, '09:00'),
  });
  assert.equal(objection.status, 200, JSON.stringify(objection.body));
  // Two requests the PPID's forms test works on, one per viewport.
  fx.forForms = [await newRequest(ppid, 'Dedi Formulir', 3), await newRequest(ppid, 'Eka Formulir', 3)];

  const registrar = await apiAs(users.registrar);
  // A registered dispute against the PPID's office: its completion clock runs in working days.
  fx.dispute = await newDispute(registrar, `Sari ${tag}`);
  const reg = await registrar('POST', `/api/v1/disputes/${fx.dispute.id}/actions/register`, {}, { 'If-Match': `"${fx.dispute.version}"` });
  assert.equal(reg.status, 200, JSON.stringify(reg.body));
  fx.dispute = reg.body;
  // Two unregistered disputes the ki_admin registers with a panel, one per viewport.
  fx.toRegister = [await newDispute(registrar, `Tono ${tag}`), await newDispute(registrar, `Umi ${tag}`)];
  // Two the registrar registers and a commissioner takes to mediation, one per viewport.
  fx.toMediate = [await newDispute(registrar, `Vina ${tag}`), await newDispute(registrar, `Wati ${tag}`)];
  // Two users whose password the ki_admin resets, one per viewport.
  const admin = await apiAs(users.kiAdmin);
  fx.resetUsers = [];
  for (const n of [0, 1]) {
    const u = { username: `reset.${tag}.${n}`, display_name: `Petugas Reset ${n}`, password: 'sandi-awal-1234', roles: ['registrar'] };
    const r = await admin('POST', '/api/v1/users', u);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    fx.resetUsers.push(u);
  }
});

const focusedText = (page) => page.evaluate(() => (document.activeElement ? document.activeElement.textContent.trim() : ''));
const loginStatus = async (username, pass) =>
  (await fetch(`${baseUrl}/api/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: pass }) })).status;


const rowOf = (page, text) => page.locator('#board-table tbody tr', { hasText: text });
const cell = (row, key) => row.locator(`[data-label="${key}"]`);

viewports.forEach((viewport, i) => {
  test(`the PPID's board: requests and the disputes against its office, the overdue count, the atasan awaited (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      await login(page, users.ppid);
      await open(page, `#/board?q=${tag}`);

      const dispute = rowOf(page, fx.dispute.register_number);
      assert.equal(await dispute.count(), 1, 'the dispute against the office is on the board');
      assert.equal(await cell(dispute, 'Jenis').innerText(), 'Sengketa');
      const awaited = await cell(dispute, 'Menunggu').innerText();
      assert.notEqual(awaited.trim(), '—', 'a dispute says who is awaited');
      assert.match(awaited, /Komisi Informasi/);
      const due = await cell(dispute, 'Tenggat').innerText();
      assert.match(due, /hari kerja lagi|Jatuh tempo hari ini|TERLAMBAT \d+ hari/, 'working days from the record');
      assert.doesNotMatch(due, /kalender/);

      const objected = rowOf(page, fx.objected.number);
      const who = await cell(objected, 'Menunggu').innerText();
      assert.match(who, /^Atasan PPID/, 'the atasan answers an objection');
      assert.doesNotMatch(who, /Termohon/);
      assert.equal(await rowOf(page, fx.late.number).count(), 1);

      // Only the officer's own office is offered as Termohon, and no KI filter.
      const respondents = await page.locator('#board-filters [name=respondent] option').allInnerTexts();
      assert.deepEqual(respondents.slice(1), [users.ppid.org]);
      assert.equal(await page.locator('#board-filters [name=ki]').count(), 0);

      const summary = await page.locator('#board-summary').innerText();
      const m = /(\d+) melewati tenggat/.exec(summary);
      const counted = m ? Number(m[1]) : 0;
      assert.ok(counted >= 1, summary);
      assert.deepEqual(await codesOnPage(page), [], 'board');
      await expectAccessible(page, `PPID board at ${viewport.width} px`);

      // The overdue filter shows exactly the cases the summary counted.
      await page.locator('#board-filters [name=overdue]').check();
      await page.locator('#board-filters button[type=submit]').click();
      await page.waitForFunction(() => location.hash.includes('overdue=true'));
      await settle(page);
      assert.equal(await page.locator('#board-table tbody tr').count(), counted, `the summary said: ${summary}`);
      assert.equal(await rowOf(page, fx.late.number).count(), 1);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`the atasan's inbox shows the objection's grounds and text and the PPID's answer (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      await login(page, users.superior);
      await open(page, '#/inbox');
      const card = page.locator('li.inbox-item', { hasText: fx.objected.number });
      assert.equal(await card.count(), 1);
      const text = await card.innerText();
      assert.match(text, /penolakan berdasarkan alasan pengecualian \(Pasal 17\)/, 'ground a by name');
      assert.match(text, /permohonan tidak ditanggapi/, 'ground c by name');
      assert.match(text, new RegExp(`Daftar pemilih bukan informasi yang dikecualikan ${tag}`), 'the objection text');
      assert.match(await card.locator('.ppid-answer').innerText(), /Ditolak/, 'the PPID decision by name');
      assert.match(text, new RegExp(`Informasi dikecualikan menurut Pasal 17 huruf h ${tag}`), 'the PPID reasons');
      assert.match(text, /Atasan PPID/);
      assert.deepEqual(await codesOnPage(page), [], 'inbox');
      await expectAccessible(page, `inbox at ${viewport.width} px`);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`forms: dates typed dd/mm/yyyy hh.mm, events named as nouns (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      const c = casePage(page);
      const request = fx.forForms[i];
      await login(page, users.ppid);
      await open(page, `#/requests/${request.id}`);
      await c.act('extend', 'extended', (f) => f.locator('[name=reason]').fill('Informasi perlu dihimpun dari beberapa satuan kerja'));
      assert.match(await page.locator('.timeline').innerText(), /Perpanjangan/, 'the extension as a noun');
      assert.doesNotMatch(await page.locator('.timeline').innerText(), /Perpanjang\b/);

      const form = await c.openAction('respond');
      const when = form.locator('[name=responded_at]');
      assert.equal(await when.getAttribute('type'), 'text');
      assert.match(await when.inputValue(), /^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}$/, 'now, shown dd/mm/yyyy hh.mm');
      await expectAccessible(page, `respond form at ${viewport.width} px`);
      const [y, mo, d] = wibDate(-1).split('-');
      await form.locator('[name=decision]').selectOption('granted');
      await when.fill(`${d}/${mo}/${y} 14.30`);
      await c.submitAction('respond');
      await page.locator('.case-status .badge.state-answered').waitFor();
      await settle(page);
      const api = await apiAs(users.ppid);
      const stored = await api('GET', `/api/v1/requests/${request.id}`);
      assert.equal(stored.body.response.responded_at.slice(0, 16), `${wibDate(-1)}T14:30`, 'parsed as 24-hour WIB');
      assert.match(await page.locator('.timeline').innerText(), /Tanggapan PPID/);
      assert.deepEqual(await codesOnPage(page), [], 'request page');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`forms: the KI admin gives KI roles only and picks the majelis from the KI's commissioners (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      const c = casePage(page);
      await login(page, users.kiAdmin);
      await open(page, '#/admin/users');
      const roles = await page.locator('#user-form [data-field=roles] label').allInnerTexts();
      assert.ok(roles.includes('Panitera') && roles.includes('Komisioner'), roles.join(', '));
      assert.ok(!roles.includes('PPID') && !roles.includes('Atasan PPID'), `no PPID roles at a KI: ${roles.join(', ')}`);
      await expectAccessible(page, `users at ${viewport.width} px`);

      const dispute = fx.toRegister[i];
      await open(page, `#/disputes/${encodeURIComponent(dispute.id)}`);
      const form = await c.openAction('register');
      const panel = form.locator('[data-field=majelis]');
      await panel.getByLabel(users.commissioner.name).check();
      await expectAccessible(page, `register form at ${viewport.width} px`);
      await c.submitAction('register');
      await page.locator('.case-status .badge.state-registered').waitFor();
      await settle(page);
      const api = await apiAs(users.registrar);
      const stored = await api('GET', `/api/v1/disputes/${dispute.id}`);
      assert.deepEqual(stored.body.majelis, [users.commissioner.username]);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`forms: the registrar picks the majelis and the commissioner the mediator by name; "Batal" gives the keyboard back; the case reads in words in both languages (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      const c = casePage(page);
      const dispute = fx.toMediate[i];
      const path = `#/disputes/${encodeURIComponent(dispute.id)}`;
      await login(page, users.registrar);
      await open(page, path);
      let form = await c.openAction('register');
      await form.locator('button', { hasText: 'Batal' }).click();
      assert.equal(await focusedText(page), await c.actionButton('register').innerText(), 'the keyboard is back on "Registrasi"');
      form = await c.openAction('register');
      await form.locator('[data-field=majelis]').getByLabel(users.commissioner.name).check();
      await c.submitAction('register');
      await page.locator('.case-status .badge.state-registered').waitFor();
      await settle(page);
      assert.match(await page.locator('.timeline').innerText(), /berkas (belum )?lengkap/, 'the file as it came in, in words');
      assert.deepEqual(await codesOnPage(page), [], 'registered dispute');
      await logout(page);

      await login(page, users.commissioner);
      await open(page, path);
      await c.act('open_preliminary_examination', 'preliminary_examination');
      form = await c.openAction('start_mediation');
      const mediator = form.locator('[name=mediator]');
      assert.equal(await mediator.evaluate((el) => el.tagName), 'SELECT', 'the mediator is picked, not typed');
      await mediator.selectOption({ label: users.commissioner.name });
      await c.submitAction('start_mediation');
      await page.locator('.case-status .badge.state-mediation').waitFor();
      await settle(page);
      const details = (await page.locator('dl.facts').allInnerTexts()).join('\n');
      assert.match(details, new RegExp(users.commissioner.name), 'the mediator by name');
      assert.doesNotMatch(details, new RegExp(users.commissioner.username.replace('.', '\\.')));
      assert.deepEqual(await codesOnPage(page), [], 'dispute in mediation');
      await expectAccessible(page, `dispute in mediation at ${viewport.width} px`);

      // English: the reasoning and the timeline with English dates, no ISO dates or codes.
      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await settle(page);
      const reasoning = await page.locator('#timeliness').innerText();
      assert.doesNotMatch(reasoning, /\d{4}-\d{2}-\d{2}/);
      assert.doesNotMatch(reasoning, /Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember/, 'English month names');
      assert.match(await page.locator('.timeline').innerText(), /file (in)?complete/);
      assert.deepEqual(await codesOnPage(page), [], 'dispute page in English');
      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'id');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`the KI admin resets a user's password ("Batal" gives the keyboard back); an unknown case reads "not found", unlike an unavailable server (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      const u = fx.resetUsers[i];
      await login(page, users.kiAdmin);
      await open(page, '#/admin/users');
      const row = page.locator('#user-list tr', { hasText: u.username });
      const opener = row.getByRole('button', { name: 'Setel ulang kata sandi' });
      await opener.click();
      await row.locator('form.password-reset button', { hasText: 'Batal' }).click();
      assert.equal(await focusedText(page), 'Setel ulang kata sandi');
      assert.equal(await row.locator('form.password-reset').count(), 0);
      await opener.click();
      await row.locator('form.password-reset [name=password]').fill('pendek');
      await row.locator('form.password-reset button[type=submit]').click();
      await fieldError(page, '#user-list form.password-reset', 'password').filter({ hasText: /10 karakter/ }).waitFor();
      await expectAccessible(page, `password reset form at ${viewport.width} px`);
      await row.locator('form.password-reset [name=password]').fill('sandi-baru-5678');
      await row.locator('form.password-reset button[type=submit]').click();
      await row.locator('.reset-status', { hasText: 'telah diganti' }).waitFor();
      assert.equal(await focusedText(page), 'Setel ulang kata sandi');
      assert.equal(await loginStatus(u.username, u.password), 401, 'the old password no longer works');
      assert.equal(await loginStatus(u.username, 'sandi-baru-5678'), 201);
      if (viewport.width < 500) await assertNoHorizontalScroll(page, 'users page');

      await open(page, '#/disputes/tidak-ada-perkara');
      const missing = await page.locator('#main').innerText();
      assert.match(missing, /tidak ditemukan/);
      assert.doesNotMatch(missing, /belum tersedia/);
      await open(page, '#/requests/tidak-ada-perkara');
      assert.match(await page.locator('#main').innerText(), /tidak ditemukan/);
      await page.route('**/api/v1/disputes/server-sibuk', (r) =>
        r.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'Basis data sedang tidak tersedia / The database is unavailable' }) }));
      await open(page, '#/disputes/server-sibuk');
      const down = await page.locator('#main').innerText();
      assert.match(down, /Basis data sedang tidak tersedia/);
      assert.doesNotMatch(down, /tidak ditemukan/);
      await expectAccessible(page, `unavailable case at ${viewport.width} px`);
      assert.deepEqual(b.errors.filter((e) => !/status of 503/.test(e)), []);
    } finally {
      await b.close();
    }
  });
});
