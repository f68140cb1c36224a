// The deadline board's ordering and overdue marking, on desktop and on a 360 px phone. Until
// GET /api/v1/requests exists on the server, the list is stubbed in the browser with items shaped
// exactly as api-v1.md "Information requests" describes; swap the stub for fixtures created through
// `apiAs(users.ppid)` once the endpoint lands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, users, screenshot, assertNoHorizontalScroll } from './support.js';

const deadline = (key, due, daysRemaining, status = 'pending') => ({
  key, due, status, met_on: null, days_remaining: daysRemaining,
  explanation: { ruleset: 'perki_1_2019', ruleset_version: 1, period: key, legal_source: 'PERKI 1/2019 Pasal 11', confidence: 'secondary', value_origin: 'statutory', unit: 'working_days', days: 3, extension_days: 0, total_days: 3, receipt_date: '2024-02-07', deemed_received: '2024-02-07', deemed_reason: 'on_time', due, skipped: [{ date: '2024-02-08', reason: 'national', name: 'Isra Mikraj', name_en: 'Isra Mi\'raj' }] },
});
const item = (id, number, name, state, due, daysRemaining, action) => ({
  id, number, respondent: 'kpu-pangkalpinang', state, version: 1, received_at: '2024-02-07T10:15:00+07:00',
  applicant: { kind: 'individual', name }, information_requested: 'Salinan DPT', deadlines: [deadline('ppid_response', due, daysRemaining)],
  awaiting: { party: 'respondent', action, due }, allowed_actions: ['extend', 'respond', 'close'],
});
const stub = {
  items: [
    item('r2', '0002/PPID-kpu-pangkalpinang/II/2024', 'Budi Santoso Wicaksono Panjang Sekali', 'received', '2024-02-20', 4, 'respond'),
    item('r1', '0001/PPID-kpu-pangkalpinang/II/2024', 'Ani <b>Lestari</b>', 'extended', '2024-02-12', -2, 'respond'),
    item('r3', '0003/PPID-kpu-pangkalpinang/II/2024', 'Citra', 'closed', '2024-02-01', null, null),
  ],
  next_cursor: null,
};

let b;
before(async () => {
  b = await launch();
  await b.context.route(/\/api\/v1\/requests(\?.*)?$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stub) }));
  await login(b.page, users.ppid);
});
after(async () => {
  await b.close();
});

test('open requests are ordered by due date; overdue ones say so in words; data is escaped', async () => {
  const { page } = b;
  await open(page, '#/board');
  const rows = page.locator('#board-table tbody tr');
  assert.equal(await rows.count(), 2, 'closed requests are not on the board');
  assert.match(await rows.nth(0).innerText(), /12 Februari 2024[\s\S]*TERLAMBAT 2 hari[\s\S]*0001\/PPID/);
  assert.equal(await rows.nth(0).getAttribute('data-urgency'), 'overdue');
  assert.match(await rows.nth(1).innerText(), /20 Februari 2024[\s\S]*4 hari kerja lagi/);
  assert.match(await rows.nth(0).innerText(), /Ani <b>Lestari<\/b>/, 'markup in data is shown as text');
  assert.match(await page.locator('#board-summary').innerText(), /2 perkara\.\s+1 melewati tenggat\./);
  await screenshot(page, 'board-stubbed');
});

test('the inbox lists the same requests with their action buttons', async () => {
  const { page } = b;
  await open(page, '#/inbox');
  assert.equal(await page.locator('.inbox-item').count(), 2);
  await page.locator('.inbox-item').first().locator('button[data-action="respond"]').click();
  await page.locator('form[data-action="respond"]').waitFor();
  assert.equal(await page.locator('form[data-action="respond"] [name=decision]').count(), 1);
  await screenshot(page, 'inbox-stubbed');
});

test('the stubbed board fits a 360 px phone', async () => {
  const { page } = b;
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '#/board');
  await assertNoHorizontalScroll(page, 'board with rows');
  await screenshot(page, 'board-stubbed-phone');
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
