// The day's work end to end through the UI, against the real server: a PPID officer answers a request
// (after a 422 shown next to its field), records the applicant's objection and the superior answers it;
// a registrar submits a dispute from a typed chronology and registers it; a commissioner takes it to a
// decision; anyone looks it up on the public status page by its register number. The forms and pages
// on the way are checked with axe at 1366 and 390 px (tests/web/support.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, settle, users, screenshot, fieldError, casePage, apiAs, wibInstant, wibDate, runTag, expectAccessibleAtBothWidths } from './support.js';

let b;
let request;
let disputeId;
let registerNumber;

before(async () => {
  const api = await apiAs(users.ppid);
  const r = await api('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-1, '08:30'),
    channel: 'letter',
    applicant: { kind: 'individual', name: `Citra Wulandari ${runTag}`, address: 'Jl. Merdeka 1, Pangkalpinang' },
    information_requested: 'Berita acara rekapitulasi suara tingkat kecamatan',
    purpose: 'Pemantauan pemilu',
    format: 'softcopy',
    delivery_medium: 'email',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  request = r.body;
  b = await launch();
});
after(async () => {
  await b.close();
});

test('a PPID officer answers a request; a refusal without reasons is refused next to the field', async () => {
  const { page } = b;
  const c = casePage(page);
  await login(page, users.ppid);
  await open(page, `#/requests/${request.id}`);
  await page.locator('.case-status .badge.state-received').waitFor();
  await c.deadline('ppid_response').locator('summary').click();
  assert.match(await c.deadline('ppid_response').innerText(), /Dasar hukum[\s\S]*(PERKI|UU 14\/2008)/);
  await screenshot(page, 'request');

  const form = await c.openAction('respond');
  await form.locator('[name=decision]').selectOption('refused');
  await c.submitAction('respond');
  const err = fieldError(page, 'form[data-action="respond"]', 'reasons');
  await err.waitFor();
  assert.ok((await err.innerText()).trim().length > 0, 'a message next to the reasons field');
  assert.equal(await form.locator('[name=reasons]').getAttribute('aria-invalid'), 'true');
  await expectAccessibleAtBothWidths(page, 'request page with a refused answer');
  await screenshot(page, 'request-422');

  await form.locator('[name=reasons]').fill('Informasi dikecualikan menurut Pasal 17 huruf h UU 14/2008');
  await c.submitAction('respond');
  await page.locator('.case-status .badge.state-answered').waitFor();
  await settle(page);
  assert.match(await page.locator('#awaiting').innerText(), /Pemohon/);
  assert.equal(await page.locator('.timeline li').count(), 2);
});

test('the objection is recorded, and the superior answers it from the inbox', async () => {
  const { page } = b;
  const c = casePage(page);
  await c.act('file_objection', 'objected', (form) => form.locator('input[name=grounds][value=a]').check());
  await logout(page);

  await login(page, users.superior);
  await open(page, '#/inbox');
  const card = page.locator(`.inbox-item[data-id="${request.id}"]`);
  await card.locator('button[data-action="answer_objection"]').click();
  const form = card.locator('form[data-action="answer_objection"]');
  await form.locator('[name=decision]').selectOption('upheld');
  await form.locator('[name=reasons]').fill('Atasan PPID menguatkan tanggapan PPID');
  await form.locator('button[type=submit]').click();
  await card.waitFor({ state: 'detached' });
  await open(page, `#/requests/${request.id}`);
  await page.locator('.case-status .badge.state-objection_answered').waitFor();
  assert.match(await page.locator('#awaiting').innerText(), /sengketa/i);
  await logout(page);
});

test('a registrar submits a dispute from the tracked request; the request becomes disputed', async () => {
  const { page } = b;
  await login(page, users.registrar);
  await open(page, '#/disputes/new');
  const f = page.locator('#intake-form');
  await f.locator('#source-tracked').check();
  await f.locator('[name=request_id]').fill(request.id);
  assert.equal(await f.locator('[name="chronology.request_date"]').isVisible(), false);
  await f.locator('[name="applicant.name"]').fill(`Citra Wulandari ${runTag}`);
  await f.locator('[name="applicant.address"]').fill('Jl. Merdeka 1, Pangkalpinang');
  await f.locator('[name=respondent]').selectOption('kpu-pangkalpinang');
  await f.locator('[name=information_requested]').fill('Berita acara rekapitulasi suara tingkat kecamatan');
  await f.locator('input[name=grounds][value=a]').check();
  await f.locator('[name=petitum]').fill('Membatalkan tanggapan atasan PPID');
  await f.locator('input[name=attachments][value=identity_document]').check();
  await f.locator('button[type=submit]').click();
  await page.waitForURL(/#\/disputes\/[0-9a-f]+$/);
  await page.locator('.case-status .badge.state-submitted').waitFor();
  await settle(page);
  assert.equal(await page.locator('#checklist li.missing').count(), 0, 'the system holds the request documents');
  assert.match(await page.locator('#timeliness').innerText(), /tepat waktu|Tanggapan atasan PPID/i);
  const api = await apiAs(users.ppid);
  assert.equal((await api('GET', `/api/v1/requests/${request.id}`)).body.state, 'disputed');
  await logout(page);
});

test('a registrar submits a dispute from a typed chronology, sees the checklist and timeliness, and registers it', async () => {
  const { page } = b;
  await login(page, users.registrar);
  await open(page, '#/disputes/new');
  const f = page.locator('#intake-form');
  await f.locator('[name="chronology.request_date"]').fill(wibDate(-30));
  await f.locator('[name="chronology.ppid_response_date"]').fill(wibDate(-25));
  await f.locator('[name="chronology.objection_date"]').fill(wibDate(-20));
  await f.locator('[name="chronology.objection_response_date"]').fill(wibDate(-6));
  await f.locator('[name="applicant.name"]').fill(`Dedi Kurniawan ${runTag}`);
  await f.locator('[name="applicant.email"]').fill('dedi@example.id');
  await f.locator('[name=respondent]').selectOption('kpu-pangkalpinang');
  await f.locator('[name=information_requested]').fill('Salinan DPT Kecamatan Bukit Intan');
  await f.locator('input[name=grounds][value=a]').check();
  await f.locator('[name=petitum]').fill('Memerintahkan Termohon memberikan salinan DPT');
  for (const a of ['request_letter', 'request_receipt', 'objection_letter', 'objection_receipt', 'ppid_response', 'atasan_response']) {
    await f.locator(`input[name=attachments][value=${a}]`).check();
  }
  assert.match(await page.locator('#intake-guide').innerText(), /✗ KTP|✗ .*identitas/i, 'identity document still missing in the guide');
  await expectAccessibleAtBothWidths(page, 'dispute intake form');
  await screenshot(page, 'intake');
  await f.locator('button[type=submit]').click();
  await page.waitForURL(/#\/disputes\/[0-9a-f]+$/);
  await page.locator('.case-status .badge.state-submitted').waitFor();
  await settle(page);
  disputeId = page.url().split('/').pop();
  assert.match(await page.locator('#timeliness').innerText(), /tepat waktu|tidak tepat waktu|Tanggapan atasan PPID/i);
  assert.equal(await page.locator('#checklist li.missing').count(), 1);
  await screenshot(page, 'dispute-submitted');

  const c = casePage(page);
  await c.act('register', 'registered', (form) => form.locator('input[name=attachments][value=identity_document]').check());
  const title = await page.locator('h1').innerText();
  registerNumber = /(\d{3}\/KI-BABEL-PSIP\/[IVX]+\/\d{4})/.exec(title)[1];
  await c.deadline('ki_completion').locator('summary').click();
  assert.match(await c.deadline('ki_completion').innerText(), /PERKI 1\/2019|UU 14\/2008/);
  await screenshot(page, 'dispute-registered');

  // The KI's board lists the registered case with its next due date, counted in working days.
  await open(page, `#/board?q=${encodeURIComponent(registerNumber)}`);
  const row = page.locator('#board-table tbody tr');
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /Sengketa[\s\S]*Teregistrasi/);
  assert.match(await row.innerText(), /hari kerja lagi|Jatuh tempo hari ini/);
  await screenshot(page, 'board-ki');
  await logout(page);
});

test('a commissioner takes the case through examination and adjudication to a decision', async () => {
  const { page } = b;
  const c = casePage(page);
  await login(page, users.commissioner);
  await open(page, `#/disputes/${disputeId}`);
  await c.act('open_preliminary_examination', 'preliminary_examination');
  await c.act('schedule_hearing', 'preliminary_examination', async (form) => {
    await form.locator('[name=kind]').selectOption('evidence');
    await form.locator('[name=scheduled_at]').fill(`${wibDate(3)}T09:30`);
    await form.locator('[name=location]').fill('Ruang Sidang KI Babel');
  });
  await page.locator('.hearings li').waitFor();
  await c.act('start_adjudication', 'adjudication');
  await c.act('decide', 'decided', async (form) => {
    await form.locator('[name=outcome]').selectOption('granted');
    await form.locator('[name=orders]').fill('Memberikan salinan DPT kepada Pemohon | 10');
    await expectAccessibleAtBothWidths(page, 'decide form');
  });
  assert.match(await page.locator('.decision').innerText(), /KI-BABEL-PSIP-A[\s\S]*Dikabulkan/i);
  assert.match(await page.locator('.orders').innerText(), /Memberikan salinan DPT/);
  assert.ok((await page.locator('.timeline li').count()) >= 6);
  await screenshot(page, 'dispute-decided');

  // The language switch re-renders the case page in English, the server's reasoning included.
  await page.locator('#lang-switch').click();
  await page.locator('html[lang=en]').waitFor();
  await settle(page);
  assert.match(await page.locator('#timeliness').innerText(), /Filed|filing/i);
  await page.locator('#lang-switch').click();
  await page.locator('html[lang=id]').waitFor();
  await settle(page);
  await logout(page);
});

test('anyone finds the decided case on the public status page by its register number', async () => {
  const { page } = b;
  await open(page, '#/public/status');
  await page.locator('#status-form [name=register_number]').fill(registerNumber);
  await page.locator('#status-form button[type=submit]').click();
  const view = page.locator('#public-case');
  await view.waitFor();
  const text = await view.innerText();
  assert.match(text, new RegExp(registerNumber.replace(/\//g, '\\/')));
  assert.match(text, /Diputus/);
  assert.match(text, /D\. K\./, 'only the applicant\'s initials');
  assert.doesNotMatch(text, /dedi@example\.id|Dedi Kurniawan/);
  assert.match(text, /KI-BABEL-PSIP-A/);
  await screenshot(page, 'public-status');
  await expectAccessibleAtBothWidths(page, 'public status of a decided case');

  // The hearing and the decision are on the public calendar and list too.
  await open(page, '#/public/hearings');
  assert.match(await page.locator('#main').innerText(), new RegExp(`${registerNumber.replace(/\//g, '\\/')}[\\s\\S]*Ruang Sidang KI Babel`));
  await expectAccessibleAtBothWidths(page, 'public hearings');
  await screenshot(page, 'public-hearings');
  await open(page, '#/public/decisions');
  assert.match(await page.locator('#main').innerText(), /KI-BABEL-PSIP-A/);
  await expectAccessibleAtBothWidths(page, 'public decisions');
  await screenshot(page, 'public-decisions');
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
