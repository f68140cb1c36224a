// Administration by a KI admin: users (validation errors next to their fields) and holidays (preview of
// moved deadlines before saving, then save and remove; axe at 1366 and 390 px). Also the registrar's
// intake form renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, users, screenshot, fieldError, expectAccessibleAtBothWidths } from './support.js';

let b;
before(async () => {
  b = await launch();
  await login(b.page, users.kiAdmin);
});
after(async () => {
  await b.close();
});

test('creating a user with a too-short password shows the message next to the password field', async () => {
  const { page } = b;
  await open(page, '#/admin/users');
  assert.match(await page.locator('#user-list').innerText(), /admin\.web/);
  const form = page.locator('#user-form');
  await form.getByLabel('Nama pengguna').fill('pendek.web');
  await form.getByLabel('Nama lengkap').fill('Pengguna Pendek');
  await form.getByLabel('Kata sandi awal').fill('short');
  await form.getByLabel('Panitera').check();
  await form.locator('button[type=submit]').click();
  const err = fieldError(page, '#user-form', 'password');
  await err.waitFor();
  assert.match(await err.innerText(), /minimal 10 karakter/);
  assert.equal(await form.getByLabel('Kata sandi awal').getAttribute('aria-invalid'), 'true');
  assert.equal(await fieldError(page, '#user-form', 'username').isVisible(), false, 'only the wrong field is marked');
  await screenshot(page, 'users-validation');

  await form.getByLabel('Kata sandi awal').fill('panjang-sekali-123');
  await form.locator('button[type=submit]').click();
  await page.getByText('Pengguna pendek.web dibuat.').waitFor();
  assert.equal(await fieldError(page, '#user-form', 'password').isVisible(), false);
  assert.match(await page.locator('#user-list').innerText(), /pendek\.web/);
  await screenshot(page, 'users');
});

test('holiday: empty name is refused next to the name field', async () => {
  const { page } = b;
  await open(page, '#/admin/holidays?year=2024');
  const form = page.locator('#holiday-form');
  await form.getByLabel('Tanggal').fill('2024-03-05');
  await form.getByLabel('Sumber / dasar hukum').fill('SK Ketua KI Babel 1/2024');
  await page.locator('#holiday-preview').click();
  const err = fieldError(page, '#holiday-form', 'name');
  await err.waitFor();
  assert.match(await err.innerText(), /wajib diisi/);
});

test('holiday: preview shows which open deadlines move and changes nothing; then save and remove', async () => {
  const { page } = b;
  await open(page, '#/admin/holidays?year=2024');
  const list = page.locator('#holiday-list');
  assert.match(await list.innerText(), /8 Februari 2024/);
  assert.doesNotMatch(await list.innerText(), /Rapat pleno/);
  const form = page.locator('#holiday-form');
  await form.getByLabel('Tanggal').fill('2024-03-05');
  await form.locator('[name=name]').fill('Rapat pleno KI');
  await form.getByLabel('Sumber / dasar hukum').fill('SK Ketua KI Babel 1/2024');
  await page.locator('#holiday-preview').click();
  await page.locator('#holiday-result #moved-deadlines').waitFor();
  assert.match(await page.locator('#holiday-result').innerText(), /Pratinjau \(belum disimpan\)[\s\S]*Tidak ada tenggat perkara terbuka yang bergeser/);
  assert.doesNotMatch(await list.innerText(), /Rapat pleno/, 'the preview saved nothing');
  await expectAccessibleAtBothWidths(page, 'holidays with a preview');
  await screenshot(page, 'holidays-preview');

  await form.locator('button[type=submit]:not(#holiday-preview)').click();
  await page.getByText('Hari libur disimpan').waitFor();
  await page.locator('#holiday-list tr[data-date="2024-03-05"]').waitFor();
  assert.match(await page.locator('#holiday-list tr[data-date="2024-03-05"]').innerText(), /Selasa, 5 Maret 2024\s+Rapat pleno KI\s+Libur lokal/);
  await screenshot(page, 'holidays');

  await page.getByRole('button', { name: 'Hapus hari libur 5 Maret 2024' }).click();
  await page.locator('#holiday-list tr[data-date="2024-03-05"] #moved-deadlines').waitFor();
  assert.match(await page.locator('#holiday-list tr[data-date="2024-03-05"]').innerText(), /Tidak ada tenggat perkara terbuka yang bergeser/);
  await page.getByRole('button', { name: 'Ya, hapus' }).click();
  await page.getByText('Hari libur dihapus').waitFor();
  await page.locator('#holiday-list tr[data-date="2024-03-05"]').waitFor({ state: 'detached' });
});

test('the registrar sees the dispute intake form with its document checklist', async () => {
  const { page } = b;
  await logout(page);
  await login(page, users.registrar);
  await open(page, '#/disputes/new');
  assert.equal(await page.locator('h1').innerText(), 'Pendaftaran sengketa');
  const guide = page.locator('#intake-guide');
  assert.match(await guide.innerText(), /Surat permohonan informasi/);
  await page.getByLabel('Permohonan yang tercatat di sistem').check();
  assert.doesNotMatch(await guide.innerText(), /Surat permohonan informasi/, 'a tracked request needs no copies of its letters');
  assert.match(await guide.innerText(), /KTP\/paspor/);
  await page.getByLabel('Kronologi diketik (permohonan tidak tercatat di sistem)').check();
  await screenshot(page, 'intake');
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
