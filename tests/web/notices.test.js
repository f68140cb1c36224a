// Notices (issue 16): the case's delivery log on the request page (this test server has no SMTP, so the
// applicant's email waits, in words), the admin page (email status, a webhook added with its secret
// shown once, tested, its delivery log), the caller's own preferences, and the public opt-out page.
// People read words and names, never codes; each page passes axe at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settle, login, logout, users, apiAs, wibInstant, runTag, screenshot, codesOnPage, expectAccessibleAtBothWidths } from './support.js';

let b;
let request;

before(async () => {
  const api = await apiAs(users.ppid);
  const r = await api('POST', '/api/v1/requests', {
    respondent: 'kpu-pangkalpinang',
    received_at: wibInstant(-1, '08:45'),  // yesterday: today 08:45 WIB lies ahead until then
    channel: 'email',
    applicant: { kind: 'individual', name: `Rahmat Hidayat ${runTag}`, email: `rahmat.${runTag}@example.id` },
    information_requested: `Salinan daftar pemilih tetap Kelurahan Bacang ${runTag}`,
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

test("the request page shows its delivery log: the applicant's email waits for SMTP, in words", async () => {
  const { page, errors } = b;
  await login(page, users.ppid);
  await open(page, `#/requests/${request.id}`);
  const row = page.locator('#case-notices-table tr[data-channel=email]').first();
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /Email — pemohon/);
  assert.match(text, new RegExp(`rahmat\\.${runTag}@example\\.id`));
  assert.match(text, /Menunggu dikirim/);
  assert.match(text, /Dicatat/);
  assert.match(text, /Belum dicoba/);
  assert.deepEqual(await codesOnPage(page), []);
  await expectAccessibleAtBothWidths(page, 'request page with its delivery log');
  await screenshot(page, 'case-notices');

  // The PPID's own preferences: the daily digest off, kept after a reload.
  await open(page, '#/me/notices');
  await page.getByLabel('Ringkasan harian').uncheck();
  await page.locator('#notice-preferences button[type=submit]').click();
  await page.getByText('Pilihan disimpan.').waitFor();
  await open(page, '#/me/notices');
  assert.equal(await page.getByLabel('Ringkasan harian').isChecked(), false);
  assert.equal(await page.getByLabel('Panggilan sidang').isChecked(), true);
  assert.deepEqual(await codesOnPage(page), []);
  await expectAccessibleAtBothWidths(page, 'own notice preferences');
  await logout(page);
  assert.deepEqual(errors, []);
});

test('the KI admin sees the email status, adds and tests a webhook, and reads its delivery log', async () => {
  const { page, errors } = b;
  await login(page, users.kiAdmin);
  await open(page, '#/admin/notices');
  assert.match(await page.locator('#email-configured').innerText(), /SMTP belum diatur/);
  const url = `http://127.0.0.1:9/perkara-${runTag}`;
  const form = page.locator('#webhook-form');
  await form.getByLabel('Alamat (URL)').fill(url);
  await form.locator('button[type=submit]').click();
  const secret = page.locator('#webhook-secret-value');
  await secret.waitFor();
  assert.match(await secret.innerText(), /^whsec_[0-9a-f]{48}$/);
  const row = page.locator(`#webhook-table tr[data-url="${url}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Aktif/);

  await row.getByRole('button', { name: 'Uji' }).click();
  const logRow = page.locator('#webhook-log-table tbody tr').first();
  await logRow.waitFor();
  const logText = await logRow.innerText();
  assert.match(logText, /Uji coba webhook/);
  assert.match(logText, /Webhook — sistem organisasi/);
  assert.match(logText, /Menunggu dikirim|Terkirim|Gagal/);
  await expectAccessibleAtBothWidths(page, 'notices admin with a new webhook');
  await screenshot(page, 'admin-notices');

  // After a reload the secret is gone for good; the page shows no codes.
  await page.reload();
  await settle(page);
  await page.locator(`#webhook-table tr[data-url="${url}"]`).waitFor();
  assert.equal(await page.locator('#webhook-secret-value').count(), 0);
  assert.deepEqual(await codesOnPage(page), []);
  await page.locator(`#webhook-table tr[data-url="${url}"]`).getByRole('button', { name: 'Hapus' }).click();
  await page.locator(`#webhook-table tr[data-url="${url}"]`).waitFor({ state: 'detached' });
  await logout(page);
  assert.deepEqual(errors, []);
});

test('the opt-out page asks before it acts and says so when the link is not known', async () => {
  const { page } = b;
  await open(page, '#/opt-out?token=0000000000000000');
  assert.match(await page.locator('h1').innerText(), /Berhenti menerima email/);
  await page.locator('#opt-out').click();
  await page.locator('.form-alert:not([hidden])').waitFor();
  assert.equal(await page.locator('#opt-out-result .alert').count(), 0);
  await expectAccessibleAtBothWidths(page, 'opt-out page');
});
