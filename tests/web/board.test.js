// The deadline board and the PPID inbox with real requests created through the API: ordering by the
// awaited due date, overdue marked in words, data shown as text, search, and the 360 px phone view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, users, screenshot, assertNoHorizontalScroll, apiAs, wibInstant, runTag } from './support.js';

const tag = `board${runTag}`;
let b;
const created = {};

async function createRequest(api, name, receivedDaysAgo) {
  const r = await api('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-receivedDaysAgo, '10:15'),
    channel: 'walk_in',
    applicant: { kind: 'individual', name, email: 'pemohon@example.id' },
    information_requested: `Salinan DPT ${tag}`,
    purpose: 'Penelitian',
    format: 'softcopy',
    delivery_medium: 'email',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

before(async () => {
  const api = await apiAs(users.ppid);
  // Received 40 days ago and never answered: the PPID's response period has long passed.
  created.late = await createRequest(api, 'Ani <b>Lestari</b>', 40);
  created.fresh = await createRequest(api, 'Budi Santoso Wicaksono Panjang Sekali Namanya', 1);
  b = await launch();
  await login(b.page, users.ppid);
});
after(async () => {
  await b.close();
});

test('the board orders open requests by due date; overdue ones say so in words; data is escaped', async () => {
  const { page } = b;
  await open(page, `#/board?q=${tag}`);
  const rows = page.locator('#board-table tbody tr');
  assert.equal(await rows.count(), 2);
  const first = await rows.nth(0).innerText();
  assert.match(first, new RegExp(created.late.number.replace(/\//g, '\\/')));
  assert.match(first, /TERLAMBAT \d+ hari/);
  assert.equal(await rows.nth(0).getAttribute('data-urgency'), 'overdue');
  assert.match(first, /Ani <b>Lestari<\/b>/, 'markup in data is shown as text');
  const second = await rows.nth(1).innerText();
  assert.match(second, new RegExp(created.fresh.number.replace(/\//g, '\\/')));
  assert.match(second, /\d+ hari kerja lagi|Jatuh tempo hari ini/);
  assert.match(await page.locator('#board-summary').innerText(), /2 perkara\.\s+1 melewati tenggat\./);
  await screenshot(page, 'board');
});

test('the overdue filter keeps only the late request', async () => {
  const { page } = b;
  await open(page, `#/board?q=${tag}`);
  await page.locator('#board-filters [name=overdue]').check();
  await page.locator('#board-filters button[type=submit]').click();
  await page.waitForFunction(() => location.hash.includes('overdue=true'));
  await page.locator('#board-summary').waitFor();
  const rows = page.locator('#board-table tbody tr');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.nth(0).getAttribute('data-urgency'), 'overdue');
});

test('the inbox lists the requests with their countdown and action buttons', async () => {
  const { page } = b;
  await open(page, '#/inbox');
  const card = page.locator(`.inbox-item[data-id="${created.fresh.id}"]`);
  await card.waitFor();
  assert.match(await card.innerText(), /hari kerja lagi|Jatuh tempo hari ini/);
  assert.match(await page.locator(`.inbox-item[data-id="${created.late.id}"]`).innerText(), /TERLAMBAT/);
  await card.locator('button[data-action="respond"]').click();
  await card.locator('form[data-action="respond"]').waitFor();
  assert.equal(await card.locator('form[data-action="respond"] [name=decision]').count(), 1);
  await screenshot(page, 'inbox');
});

test('the board fits a 360 px phone', async () => {
  const { page } = b;
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, `#/board?q=${tag}`);
  await page.locator('#board-table').waitFor();
  await assertNoHorizontalScroll(page, 'board with rows');
  await screenshot(page, 'board-phone');
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
