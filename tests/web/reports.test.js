// The reports dashboard (#/reports) and the public statistics page (#/public/statistics): figures,
// charts drawn as SVG images with a title and a table beside each, numbers linking to the cases
// (staff), no codes or ids on the page, and axe finds nothing at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, open, login, users, settle, apiAs, baseUrl, wibDate, wibInstant, runTag, beritaAcaraDispute, codesOnPage, expectAccessibleAtBothWidths } from './support.js';

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
  // Two disputes registered yesterday: the public register has at least two rows this year.
  const registrar = await apiAs(users.registrar);
  for (const i of [1, 2]) {
    const submitted = await registrar('POST', '/api/v1/disputes', beritaAcaraDispute({
      applicant: `Pemohon ${i} ${runTag}`, email: 'pemohon@example.id', daysBack: 40, submittedDaysAgo: 1,
    }));
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const registered = await registrar('POST', `/api/v1/disputes/${submitted.body.id}/actions/register`, { registered_at: wibInstant(-1, '10:00') });
    assert.equal(registered.status, 200, JSON.stringify(registered.body));
  }
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

test('the public register as CSV part by part: each part offers the next, every registered dispute once', async () => {
  const b3 = await launch();
  try {
    const { page, errors } = b3;
    const year = wibDate(-1).slice(0, 4);
    const register = await (await fetch(`${baseUrl}/api/v1/public/dispute-register?period=${year}&limit=500`)).json();
    assert.ok(register.disputes.length >= 2);
    // One row a file (`limit`, as the API takes it), so the fixtures' register spans several files.
    await open(page, `#/public/statistics?period=${year}&limit=1`);
    await page.locator('#register-parts').waitFor();
    assert.match(await page.locator('#register-downloads').innerText(), /paling banyak 1 baris per berkas/);
    const numbers = [];
    for (let n = 1; n <= register.disputes.length; n += 1) {
      const link = page.getByRole('link', { name: `CSV register sengketa, bagian ${n}`, exact: true });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), `register-sengketa-${year}-${n}.csv`);
      const lines = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
      assert.equal(lines[0].split(',')[0], 'register_number');
      assert.equal(lines.length, 2, `part ${n}: the header and one row`);
      numbers.push(lines[1].split(',')[0].replace(/"/g, ''));
      await page.locator('#register-downloads [role=status]', { hasText: `Bagian ${n} sudah diunduh` }).waitFor();
    }
    assert.match(await page.locator('#register-downloads [role=status]').innerText(), /berkas terakhir/);
    assert.equal(await page.locator('#register-parts li').count(), register.disputes.length);
    assert.deepEqual(numbers, register.disputes.map((d) => d.register_number));
    assert.deepEqual(await codesOnPage(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await b3.close();
  }
});
