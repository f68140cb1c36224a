// Public pages without logging in: the deadline calculator, case status, hearings and decisions; axe
// at 1366 and 390 px (the hearings and decisions with a case on them: workflow.test.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settle, screenshot, fieldError, codesOnPage, expectAccessible, expectAccessibleAtBothWidths, wide, phone } from './support.js';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b.close();
});

test('deadline calculator: 2024-02-07 + 3 working days is 15 Februari 2024, with the skipped days', async () => {
  const { page } = b;
  await open(page, '#/public/calculator');
  assert.equal(await page.locator('#who-name').count(), 0, 'not logged in');
  await page.getByLabel('Tanggal diterima').fill('2024-02-07');
  await page.getByLabel('Jumlah hari').fill('3');
  await page.locator('#calc-form button[type=submit]').click();
  await page.locator('#calc-due').waitFor();
  assert.equal(await page.locator('#calc-due').innerText(), 'Tenggat: Kamis, 15 Februari 2024');
  const rows = await page.locator('#calc-result table.skipped tbody tr').allInnerTexts();
  const text = rows.join('\n');
  assert.match(text, /Kamis, 8 Februari 2024\s+Libur nasional/);
  assert.match(text, /Jumat, 9 Februari 2024\s+Cuti bersama/);
  assert.match(text, /Sabtu, 10 Februari 2024\s+Libur nasional — Tahun Baru Imlek/);
  assert.match(text, /Minggu, 11 Februari 2024\s+Akhir pekan/);
  assert.match(text, /Rabu, 14 Februari 2024\s+Hari pemungutan suara/);
  assert.match(await page.locator('#calc-result').innerText(), /Dianggap diterima\s+Rabu, 7 Februari 2024/);
  assert.match(page.url(), /from=2024-02-07/, 'the inputs are in the URL');
  await screenshot(page, 'calculator');
  await expectAccessible(page, 'calculator with a result at 1366 px');  // at 390 px: the presets test below

  await page.locator('#lang-switch').click();
  await settle(page);
  assert.equal(await page.locator('#calc-due').innerText(), 'Due: Thursday, 15 February 2024');
  assert.match(await page.locator('#calc-result').innerText(), /Sunday, 11 February 2024\s+Weekend/);
  await page.locator('#lang-switch').click();
  await settle(page);
});

test('calculator: an invalid number of days is shown next to its field', async () => {
  const { page } = b;
  await open(page, '#/public/calculator?from=2024-02-07&days=9999');
  const err = fieldError(page, '#calc-form', 'days');
  await err.waitFor();
  assert.match(await err.innerText(), /harus antara/);
  assert.equal(await page.locator('#calc-form [name=days]').getAttribute('aria-invalid'), 'true');
});

test('public status, hearings and decisions pages render without logging in', async () => {
  const { page } = b;
  await open(page, '#/public/status');
  assert.equal(await page.locator('h1').innerText(), 'Status perkara');
  await page.getByLabel('Nomor register').fill('999/KIP-PSIP/II/2024');
  await page.locator('#status-form button[type=submit]').click();
  await page.locator('#main [role=status]').first().waitFor();
  await settle(page);
  assert.match(await page.locator('#main').innerText(), /tidak ditemukan/);
  await expectAccessibleAtBothWidths(page, 'status lookup of an unknown number');
  await screenshot(page, 'public-status');
  await open(page, '#/public/hearings');
  assert.equal(await page.locator('h1').innerText(), 'Jadwal sidang');
  await screenshot(page, 'public-hearings');
  await open(page, '#/public/decisions');
  assert.equal(await page.locator('h1').innerText(), 'Putusan');
  await screenshot(page, 'public-decisions');
});

test('the status lookup takes a number typed in lower case, with spaces around and inside', async () => {
  const { page } = b;
  await open(page, '#/public/status');
  await page.getByLabel('Nomor register').fill('  999 / kip-psip/ii /2024 ');
  await page.locator('#status-form button[type=submit]').click();
  await page.locator('#main [role=status]').first().waitFor();
  await settle(page);
  assert.match(page.url(), /register_number=999%2FKIP-PSIP%2FII%2F2024$/);
  assert.equal(await page.getByLabel('Nomor register').inputValue(), '999/KIP-PSIP/II/2024');
});


test('an unknown case reads "not found", a server that cannot answer reads differently', async () => {
  const { page } = b;
  await open(page, '#/public/status?register_number=404%2FKIP-PSIP%2FI%2F2024');
  assert.equal(await page.locator('#main [role=status]').last().innerText(), 'Nomor register tidak ditemukan.');
  await page.route('**/api/v1/public/disputes*', (route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Layanan tidak tersedia', status: 503, detail: 'Basis data tidak tersedia / Database unavailable' }) }));
  await open(page, '#/public/status?register_number=405%2FKIP-PSIP%2FI%2F2024');
  const text = await page.locator('#main .alert.error').innerText();
  assert.doesNotMatch(text, /tidak ditemukan/);
  assert.match(text, /tidak tersedia/);
  await page.unroute('**/api/v1/public/disputes*');
});

test('on a phone, a preset fills the calculator and the result is scrolled into view and announced', async () => {
  const { page } = b;
  await page.setViewportSize(phone);  // the same browser, resized: cheaper than a second one
  try {
    await open(page, '#/public/calculator');
    const preset = page.locator('.presets button[data-period="ppid_response"]');
    assert.match(await preset.innerText(), /Tanggapan PPID \(\d+ hari kerja\)/);
    await preset.click();
    assert.equal(await page.locator('#calc-form [name=unit]').inputValue(), 'working_days');
    const days = await page.locator('#calc-form [name=days]').inputValue();
    assert.match(days, /^\d+$/);
    await page.locator('#calc-form button[type=submit]').click();
    await page.locator('#calc-due').waitFor();
    await settle(page);
    assert.equal(await page.locator('#calc-result').getAttribute('aria-live'), 'polite');
    await page.waitForFunction(() => {
      const r = document.getElementById('calc-due').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.deepEqual(await codesOnPage(page), []);
    await expectAccessible(page, 'calculator with a result at 390 px');
  } finally {
    await page.setViewportSize(wide);
  }
});

test('no console errors or CSP violations', () => {
  // The 503 above is the test's own.
  assert.deepEqual(b.errors.filter((e) => !/status of 503/.test(e)), []);
});
