// The case file in the browser (docs/documents.md): the PPID uploads a PDF to a request with the file
// picker and sees it listed (kind by name, size, who, when), downloads it (the same bytes), sees a text
// file renamed .pdf refused in words, and retracts the PDF with a reason; the registrar drops the
// applicant's KTP on a dispute's drop zone from the checklist's "Unggah" (the checklist then says a
// document is attached), records a paper original as seen, uploads a decision from the keyboard and
// takes its publishable mark off; the PPID reads the dispute's file without write controls. Each page
// at 1366 and 390 px with axe (tests/web/support.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, open, login, logout, users, apiAs, runTag, wibInstant, wibDate, codesOnPage, screenshot, expectAccessible, expectAccessibleAtBothWidths } from './support.js';

const tag = `docs${runTag}`;
let b;
let request;
let dispute;

/** A tiny valid PDF: one empty page, with its cross-reference table. */
function tinyPdf(text) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>`,
  ];
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// The refused upload is a 415 the page reports in words; the browser logs the status as well.
const refusedUpload = /Failed to load resource: the server responded with a status of 415/;


before(async () => {
  const ppid = await apiAs(users.ppid);
  const r = await ppid('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-1, '08:30'),  // yesterday: today 08:30 WIB lies ahead until then
    channel: 'walk_in',
    applicant: { kind: 'individual', name: `Wulan Sari ${tag}`, address: 'Jl. Sudirman 5, Pangkalpinang' },
    information_requested: `Salinan formulir rekapitulasi ${tag}`,
    purpose: 'Penelitian',
    format: 'softcopy',
    delivery_medium: 'email',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  request = r.body;
  const registrar = await apiAs(users.registrar);
  const d = await registrar('POST', '/api/v1/disputes', {
    chronology: { request_date: wibDate(-40), objection_date: wibDate(-25), objection_response_date: wibDate(-15) },
    applicant: { kind: 'individual', name: `Wulan Sari ${tag}`, address: 'Jl. Sudirman 5, Pangkalpinang' },
    respondent: 'kpu-pangkalpinang',
    information_requested: `Salinan formulir rekapitulasi ${tag}`,
    grounds: ['c'],
    petitum: ['Memberikan salinan formulir'],
    // The KTP and the superior's answer are missing: the case file supplies them.
    attachments: ['request_letter', 'request_receipt', 'objection_letter', 'objection_receipt'],
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  dispute = d.body;
  b = await launch();
});
after(async () => {
  await b.close();
});

test('the PPID uploads a PDF to a request, downloads it, sees a renamed text refused and retracts the PDF', async () => {
  const { page, errors } = b;
  await b.context.clearCookies();  // a test that failed before its logout leaves no session behind
  await login(page, users.ppid);
  await open(page, `#/requests/${request.id}`);
  await page.locator('#document-list-empty').waitFor();
  const pdf = tinyPdf(tag);
  const name = 'Surat permohonan Wulan.pdf';

  // No kind chosen yet: nothing is sent, the select says why.
  await page.locator('#documents-file').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
  assert.equal(await page.locator('#documents-status').innerText(), 'Pilih jenis dokumen terlebih dahulu.');
  assert.equal(await page.getByLabel('Jenis dokumen').getAttribute('aria-invalid'), 'true');

  // The file picker, opened by the drop zone (a button).
  const chooserOpened = page.waitForEvent('filechooser');  // before the click: interception starts asynchronously
  await page.getByLabel('Jenis dokumen').selectOption({ label: 'Surat permohonan informasi' });
  await page.locator('#documents-drop').click();
  const chooser = await chooserOpened;
  // The upload is held at the network until the page has shown its progress bar and said what it sends.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const isUpload = (url) => url.pathname.endsWith('/documents') && url.searchParams.has('kind');
  await page.route(isUpload, async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#documents .upload-progress progress').waitFor();
  assert.equal(await page.locator('#documents-status').innerText(), `Mengunggah ${name}…`);
  assert.equal(await page.locator('#documents-drop').isDisabled(), true, 'one upload at a time');
  release();
  const item = page.locator('#document-list li.document', { hasText: name });
  await item.waitFor();
  await page.unroute(isUpload);  // after the held request is answered
  await page.locator('#documents-status', { hasText: `${name} diunggah sebagai Surat permohonan informasi.` }).waitFor();
  const text = await item.innerText();
  assert.match(text, /Surat permohonan informasi/);
  assert.match(text, /\d+,\d kB/);
  assert.match(text, /Diunggah oleh Siti Petugas PPID, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} \d{2}\.\d{2} WIB/);

  // Download: the same bytes under the same name.
  const [download] = await Promise.all([page.waitForEvent('download'), item.locator('a[data-action=download]').click()]);
  assert.equal(download.suggestedFilename(), name);
  assert.ok(readFileSync(await download.path()).equals(pdf), 'downloaded bytes');

  // A text file named .pdf: refused from its content, said in words, nothing listed.
  await page.getByLabel('Jenis dokumen').selectOption({ label: 'Jawaban PPID' });
  await page.locator('#documents-file').setInputFiles({ name: 'jawaban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Ini teks biasa, bukan PDF.\n') });
  await page.locator('#documents-status', { hasText: 'jawaban.pdf ditolak: isinya bukan PDF, JPEG, PNG, ODT, atau DOCX' }).waitFor();
  assert.equal(await page.locator('#document-list li.document').count(), 1);
  assert.deepEqual(await codesOnPage(page), [], 'request page');
  await expectAccessible(page, 'request page with its case file');

  // Retract with a reason: an empty reason is asked for, then the item is marked with who, when and why.
  await item.locator('button[data-action=retract]').click();
  await item.locator('button[data-action=confirm-retract]').click();
  assert.equal(await item.locator('.field-error').innerText(), 'Tuliskan alasan penarikan.');
  await item.getByLabel('Alasan penarikan').fill(`Salah unggah ${tag}`);
  await item.locator('button[data-action=confirm-retract]').click();
  const retracted = page.locator('#document-list li.document.retracted', { hasText: name });
  await retracted.waitFor();
  const marked = await retracted.innerText();
  assert.match(marked, /DITARIK/);
  assert.match(marked, /Ditarik oleh Siti Petugas PPID, \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB\./);
  assert.ok(marked.includes(`Alasan: Salah unggah ${tag}`), marked);
  assert.equal(await retracted.locator('button[data-action=retract]').count(), 0, 'no second retraction');
  assert.equal(await retracted.locator('a[data-action=download]').count(), 1, 'still downloadable');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('retracted')), true, 'focus on the marked item');
  await expectAccessibleAtBothWidths(page, 'request page with a retracted document');
  await screenshot(page, 'documents-request');
  await logout(page);
  assert.deepEqual(errors.filter((e) => !refusedUpload.test(e)), []);
});

test('the registrar completes the dispute checklist from the case file: a dropped KTP, a paper original, a decision', async () => {
  const { page, errors } = b;
  await b.context.clearCookies();  // a test that failed before its logout leaves no session behind
  await login(page, users.registrar);
  await open(page, `#/disputes/${dispute.id}`);
  const ktp = page.locator('#checklist li[data-kind=identity_document]');
  await ktp.locator('button[data-action=upload-for]').waitFor();
  assert.match(await ktp.getAttribute('class'), /missing/);

  // "Unggah" on the checklist item chooses the kind and puts the keyboard on the drop zone; drop the file.
  await ktp.locator('button[data-action=upload-for]').click();
  assert.equal(await page.getByLabel('Jenis dokumen').inputValue(), 'identity_document');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'documents-drop');
  const pdf = tinyPdf(`KTP ${tag}`);
  const transfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'KTP Wulan.pdf', { type: 'application/pdf' }));
    return dt;
  }, [...pdf]);
  await page.locator('#documents-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await page.locator('#document-list li.document', { hasText: 'KTP Wulan.pdf' }).waitFor();
  await page.locator('#checklist li.present[data-kind=identity_document] [data-why=document]').waitFor();
  assert.match(await page.locator('#checklist li[data-kind=identity_document]').innerText(), /KTP\/paspor[\s\S]*dokumen terlampir: KTP Wulan\.pdf/);
  await page.locator('#checklist li[data-kind=identity_document] button[data-action=show-document]').click();
  assert.match(await page.evaluate(() => document.activeElement.innerText), /KTP Wulan\.pdf/);

  // The superior's answer seen on paper.
  const answer = page.locator('#checklist li[data-kind=atasan_response]');
  await answer.locator('button[data-action=paper-seen]').click();
  await answer.getByLabel('Catatan (tidak wajib)').fill('Dibawa pemohon ke loket');
  await answer.locator('button[data-action=confirm-paper]').click();
  const seen = page.locator('#checklist li.present[data-kind=atasan_response]');
  await seen.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'atasan_response', 'focus on the item now present');
  assert.match(await seen.innerText(), /kertas asli dilihat oleh Budi Panitera, \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB/);
  assert.match(await page.locator('#paper-list').innerText(), /Tanggapan atasan PPID — dilihat oleh Budi Panitera.*\(Dibawa pemohon ke loket\)/);
  assert.equal(await page.locator('#checklist li.missing').count(), 0, 'the checklist is complete');

  // The keyboard alone: Enter on the drop zone opens the picker; a decision marked publishable, then unmarked.
  // Waiting for the chooser before any key is pressed: Playwright turns on its interception asynchronously.
  const chooserOpened = page.waitForEvent('filechooser');
  await page.getByLabel('Jenis dokumen').selectOption({ label: 'Putusan' });
  await page.getByLabel('Boleh dipublikasikan (salinan putusan yang sudah disamarkan)').check();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'documents-drop', 'Tab from the checkbox reaches the drop zone');
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  await chooser.setFiles({ name: 'Putusan disamarkan.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Putusan') });
  const decision = page.locator('#document-list li.document', { hasText: 'Putusan disamarkan.pdf' });
  await decision.waitFor();
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'documents-drop');  // ready for the next file
  assert.match(await decision.innerText(), /boleh dipublikasikan/);
  const toggle = decision.getByLabel('Boleh dipublikasikan', { exact: true });
  assert.equal(await toggle.isChecked(), true);
  await toggle.uncheck();
  await page.locator('#documents-status', { hasText: 'Putusan disamarkan.pdf tidak lagi boleh dipublikasikan.' }).waitFor();
  assert.equal(await page.locator('#document-list li.document', { hasText: 'Putusan disamarkan.pdf' }).getByLabel('Boleh dipublikasikan', { exact: true }).isChecked(), false);
  assert.deepEqual(await codesOnPage(page), [], 'dispute page');
  await expectAccessibleAtBothWidths(page, 'dispute page with its case file');
  await screenshot(page, 'documents-dispute');
  await logout(page);
  assert.deepEqual(errors.filter((e) => !refusedUpload.test(e)), []);
});

test('the respondent PPID reads the dispute file without upload, retraction or paper controls', async () => {
  const { page, errors } = b;
  await b.context.clearCookies();  // a test that failed before its logout leaves no session behind
  await login(page, users.ppid);
  await open(page, `#/disputes/${dispute.id}`);
  await page.locator('#document-list li.document', { hasText: 'KTP Wulan.pdf' }).waitFor();
  assert.equal(await page.locator('#document-upload').count(), 0);
  assert.equal(await page.locator('#documents button[data-action=retract]').count(), 0);
  assert.equal(await page.locator('#documents input[data-action=publishable]').count(), 0);
  assert.equal(await page.locator('#checklist button[data-action=paper-seen]').count(), 0);
  assert.equal(await page.locator('#document-list a[data-action=download]').count(), 2);
  await expectAccessibleAtBothWidths(page, 'dispute page read by the PPID');
  await logout(page);
  assert.deepEqual(errors.filter((e) => !refusedUpload.test(e)), []);
});
