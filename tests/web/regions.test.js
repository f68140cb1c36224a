// Regional calendars and the national organisation list in the UI (issue 14): the holidays page shows
// where each holiday applies by name, a sysadmin declares a province's holiday, and organisation pickers
// with ~1,150 offices narrow by province and by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, users, screenshot } from './support.js';

let b;
before(async () => {
  b = await launch();
  await login(b.page, users.sysadmin);
});
after(async () => {
  await b.close();
});

test('the holidays list names the region of a regional holiday, never its code', async () => {
  const { page } = b;
  await open(page, '#/admin/holidays?year=2025');
  const row = page.locator('#holiday-list tr[data-date="2025-08-27"]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-scope'), 'regency');
  const appliesTo = await row.locator('td[data-label="Berlaku untuk"]').innerText();
  assert.equal(appliesTo, 'Kota Pangkal Pinang');
  assert.doesNotMatch(await page.locator('#holiday-list').innerText(), /19\.71/);
  await screenshot(page, 'holidays-regional');
});

test('a sysadmin previews a province holiday: only the province field is asked for', async () => {
  const { page } = b;
  await open(page, '#/admin/holidays?year=2025');
  const form = page.locator('#holiday-form');
  assert.equal(await page.locator('#holiday-province').isVisible(), false);
  await form.locator('select[name=scope]').selectOption('province');
  assert.equal(await page.locator('#holiday-province').isVisible(), true);
  assert.equal(await page.locator('#holiday-regency').isVisible(), false);
  await page.locator('#holiday-province select').selectOption({ label: 'Kepulauan Bangka Belitung' });
  await form.getByLabel('Tanggal').fill('2025-09-03');
  await form.locator('select[name=kind]').selectOption('local');
  await form.locator('[name=name]').fill('Libur daerah provinsi (uji peramban)');
  await form.getByLabel('Sumber / dasar hukum').fill('Pergub uji');
  await page.locator('#holiday-preview').click();
  await page.locator('#moved-deadlines').waitFor();
  // A preview changes nothing: the day is not listed.
  assert.equal(await page.locator('#holiday-list tr[data-date="2025-09-03"]').count(), 0);
});

test('an organisation picker narrows ~1,150 offices by province and by name', async () => {
  const { page } = b;
  await open(page, '#/public/calculator');
  const picker = page.locator('.org-picker').first();
  await picker.waitFor();
  const options = picker.locator('select[name="organisation"] option');
  assert.ok((await options.count()) > 1000, 'the national list is offered');
  await picker.getByLabel('Saring menurut provinsi').selectOption({ label: 'Kepulauan Bangka Belitung' });
  assert.equal(await options.count(), 1 + 17, 'placeholder + the 17 offices of the province');
  await picker.getByLabel('Cari nama').fill('pangkal');
  const names = await options.allInnerTexts();
  assert.deepEqual(names.slice(1).sort(), ['Bawaslu Kota Pangkalpinang', 'KPU Kota Pangkalpinang']);
  await picker.locator('select[name="organisation"]').selectOption({ label: 'KPU Kota Pangkalpinang' });
  await picker.getByLabel('Cari nama').fill('');
  assert.equal(await picker.locator('select[name="organisation"]').inputValue(), 'kpu-pangkalpinang');
});
