// The reports dashboard (#/reports) and the public statistics page (#/public/statistics): figures,
// charts drawn as SVG images with a title and a table beside each, numbers linking to the cases
// (staff), no codes or ids on the page, and axe finds nothing at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, users, settle, apiAs, wibInstant, runTag, codesOnPage, expectAccessibleAtBothWidths } from './support.js';

let b;
before(async () => {
  const ppid = await apiAs(users.ppid);
  const r = await ppid('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-1, '08:45'),  // yesterday: today 08:45 WIB lies ahead until then
    channel: 'letter',
    applicant: { kind: 'individual', name: `Laporan ${runTag}` },
    information_requested: `Rekapitulasi ${runTag}`,
    purpose: 'Penelitian',
    format: 'softcopy',
    delivery_medium: 'email',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  b = await launch();
});
after(async () => {
  await b.close();
});


test('a PPID sees its office: figures linking to its cases, charts with tables, annual tables', async () => {
  const { page, errors } = b;
  await login(page, users.ppid);
  await page.locator('nav a[href="#/reports"]').click();
  await page.locator('#chart-trend').waitFor();
  await settle(page);
  assert.match(await page.locator('#reports-scope').innerText(), /KPU Kota Pangkalpinang/);
  const received = page.locator('.figure', { hasText: 'Permohonan diterima' });
  assert.ok(Number(await received.locator('dd').innerText()) >= 1);
  assert.match(await received.locator('a').getAttribute('href'), /^#\/board\?respondent=kpu-pangkalpinang/);
  for (const id of ['chart-trend', 'chart-on-time', 'chart-outcomes', 'chart-channels']) {
    const chart = page.locator(`#${id}`);
    assert.equal(await chart.locator('svg[role=img] title').count(), 1, `${id} has a title`);
    assert.ok((await chart.locator('table tbody tr').count()) >= 1, `${id} has its table`);
  }
  assert.match(await page.locator('#chart-channels table').innerText(), /Surat\s+[1-9]/);
  assert.equal(await page.locator('a', { hasText: 'Tabel laporan tahunan (cetak)' }).count(), 1);
  assert.equal(await page.locator('h2', { hasText: 'Komisi Informasi' }).count(), 0, 'no KI part for a PPID');
  assert.deepEqual(await codesOnPage(page), []);
  await expectAccessibleAtBothWidths(page, '#/reports');
  assert.deepEqual(errors, []);
});

test('the public statistics page: national figures, small counts withheld, downloads; no login', async () => {
  const b2 = await launch();
  try {
    const { page, errors } = b2;
    await open(page, '#/public/statistics');
    await page.locator('#chart-public-on-time').waitFor();
    await settle(page);
    assert.equal(await page.locator('h1').innerText(), 'Statistik layanan informasi');
    assert.match(await page.locator('#main').innerText(), /tidak ditampilkan/);
    assert.equal(await page.locator('a[href^="/api/v1/public/statistics/offices.csv"]').count(), 1);
    // An election's stages as the period, chosen by name (docs/open-data.md "Periods").
    await page.locator('#statistics-filters select[name="election"]').selectOption({ label: 'Pemilihan Umum 2024' });
    await page.locator('#statistics-filters button[type="submit"]').click();
    await page.waitForURL(/period=pemilu-2024/);
    await page.locator('#chart-public-on-time').waitFor();
    await settle(page);
    assert.equal(await page.locator('#statistics-filters input[name="period"]').inputValue(), '');
    assert.equal(await page.locator('#statistics-filters select[name="election"] option:checked').innerText(), 'Pemilihan Umum 2024');
    assert.equal(await page.locator('a[href="/api/v1/public/statistics/offices.csv?period=pemilu-2024"]').count(), 1);
    assert.deepEqual(await codesOnPage(page), []);
    await expectAccessibleAtBothWidths(page, '#/public/statistics');
    assert.deepEqual(errors, []);
  } finally {
    await b2.close();
  }
});
