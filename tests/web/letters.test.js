// Letters (issue 15): the PPID issues the receipt of a request on its case page, prints it to PDF with
// Chromium and the PDF's text (pdftotext, poppler-utils) carries the letter: title, number, the
// applicant and the date in Indonesian; the case's documents then list it with its own "Cetak". The registrar then finds the same request by its number on the
// dispute intake form, which the search prefills.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, open, login, logout, settle, users, apiAs, wibInstant, runTag, baseUrl, expectAccessibleAtBothWidths } from './support.js';

let b;
let request;
const applicant = `Larasati Putri ${runTag}`;

before(async () => {
  const api = await apiAs(users.ppid);
  const r = await api('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-1, '08:30'),  // yesterday: today 08:30 WIB lies ahead until then
    channel: 'walk_in',
    applicant: { kind: 'individual', name: applicant, address: 'Jl. Mentok No. 7, Pangkalpinang' },
    information_requested: `Salinan berita acara rekapitulasi Kecamatan Gerunggang ${runTag}`,
    purpose: 'Penelitian',
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

test('the PPID issues a receipt and prints it to PDF; the PDF text is the letter', async () => {
  const { page, context, errors } = b;
  await login(page, users.ppid);
  await open(page, `#/requests/${request.id}`);
  const available = page.locator('#letters-available li[data-key=request_receipt]');
  await available.waitFor();
  assert.equal(await available.locator('a[data-action=print-preview]').innerText(), 'Cetak');
  await available.locator('button[data-action=issue]').click();
  const issued = page.locator('#letters-issued li').first();
  await issued.waitFor();
  const number = await issued.getAttribute('data-number');
  assert.match(number, /^\d{3}\/TBP\/PPID-KPU-PANGKALPINANG\/[IVX]+\/\d{4}$/);

  // "Cetak" opens the stored copy in a new tab; print that page to PDF.
  const href = await issued.locator('a[data-action=print-issued]').getAttribute('href');
  assert.match(href, /^\/api\/v1\/letters\/[0-9a-f]+#print$/);
  const letter = await context.newPage();
  const letterErrors = [];
  letter.on('console', (msg) => {
    if (msg.type() === 'error') letterErrors.push(msg.text());
  });
  await letter.goto(`${baseUrl}${href.replace(/#print$/, '')}`);
  await letter.locator('h1').waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'perkara-letter-'));
  try {
    const pdf = join(dir, 'letter.pdf');
    await letter.pdf({ path: pdf, format: 'A4', printBackground: false });
    // Lines wrap where the page is narrow: compare with runs of blanks as one space.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK/);
    assert.ok(text.includes(`Nomor: ${number}`), text);
    assert.ok(text.includes(applicant), text);
    assert.ok(text.includes(request.number), text);
    assert.match(text, /KPU Kota Pangkalpinang/i);
    assert.match(text, /\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/);
    assert.doesNotMatch(text, /Cetak \/ Print/);  // the toolbar is not printed
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(letterErrors, []);  // the page's own CSP admits its style and script
  await letter.close();

  // The issued letter is also a document of the case, with its number and its own "Cetak".
  await page.reload();
  const filed = page.locator('#document-list li[data-kind=request_receipt]');
  await filed.waitFor();
  assert.ok((await filed.locator('.document-letter').innerText()).includes(number));
  const print = filed.locator('a[data-action=print-letter]');
  assert.equal(await print.innerText(), 'Cetak');
  assert.match(await print.getAttribute('href'), /^\/api\/v1\/requests\/[0-9a-f]+\/documents\/[0-9a-f]+\?inline=true#print$/);
  await logout(page);
  assert.deepEqual(errors, []);
});

test('the registrar finds the request by its number on the intake form, which it prefills', async () => {
  const { page, errors } = b;
  await login(page, users.registrar);
  await open(page, '#/disputes/new');
  await page.locator('#source-tracked').check();
  await page.locator('#tracked-find').fill(`  ${request.number.toLowerCase()} `);
  await page.locator('#tracked-find-button').click();
  const use = page.locator(`#tracked-results button[data-number="${request.number}"]`);
  await use.waitFor();
  await use.click();
  const form = page.locator('#intake-form');
  assert.equal(await form.locator('[name=request_id]').inputValue(), request.number);
  assert.equal(await form.locator('[name="applicant.name"]').inputValue(), applicant);
  assert.equal(await form.locator('[name=respondent]').inputValue(), 'kpu-pangkalpinang');
  assert.match(await form.locator('[name=information_requested]').inputValue(), /Kecamatan Gerunggang/);
  await settle(page);
  await logout(page);
  assert.deepEqual(errors, []);
});

test('the KI admin sets the letterhead with a logo; a file that is no image is refused', async () => {
  const { page, errors } = b;
  await login(page, users.kiAdmin);
  await open(page, '#/admin/letterhead');
  const form = page.locator('#letterhead-form');
  await form.locator('[name=address]').fill(`Jl. Pulau Bangka No. 1, Pangkalpinang ${runTag}`);
  await form.locator('[name=phone]').fill('(0717) 438000');
  // A 1x1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await form.locator('[name=logo]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await form.locator('button[type=submit]').click();
  await page.locator('#logo-preview img').waitFor();
  await page.getByText('Kop surat disimpan.').waitFor();
  // A text file named like an image: refused from its content.
  await form.locator('[name=logo]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await form.locator('button[type=submit]').click();
  await page.getByText(/PNG atau JPEG/).waitFor();
  await expectAccessibleAtBothWidths(page, 'letterhead form with a refused logo');
  await logout(page);
  assert.deepEqual(errors, []);
});
