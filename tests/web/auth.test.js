// Logging in and out, the user's identity in the header, a wrong password, and the language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, users, settle, screenshot, baseUrl, expectAccessibleAtBothWidths } from './support.js';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b.close();
});

test('a wrong password shows the error and stays on the login page', async () => {
  const { page } = b;
  await open(page, '#/login');
  await screenshot(page, 'login');
  await page.getByLabel('Nama pengguna').fill(users.ppid.username);
  await page.getByLabel('Kata sandi').fill('not-the-password');
  await page.locator('#login-form button[type=submit]').click();
  const alert = page.locator('#login-form .form-alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Nama pengguna atau kata sandi salah/);
  assert.equal(await page.locator('#who-name').count(), 0);
  assert.match(page.url(), /#\/login/);
});

test('a PPID officer logs in and sees name, organisation and role on every page', async () => {
  const { page } = b;
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/sessions') && r.request().method() === 'POST');
  await login(page, users.ppid);
  // A cookie session: the token is only in the HttpOnly cookie, never in the answer script reads.
  assert.equal((await (await answer).json()).token, undefined, 'token in the login answer');
  assert.match(page.url(), /#\/board/);
  assert.equal(await page.locator('#who-name').innerText(), users.ppid.name);
  assert.equal(await page.locator('#who-org').innerText(), users.ppid.org);
  assert.equal(await page.locator('#who-roles').innerText(), 'PPID');
  assert.equal(await page.locator('h1').innerText(), 'Papan tenggat');
  await screenshot(page, 'board-ppid');
  for (const hash of ['#/inbox', '#/public/calculator', '#/requests/new']) {
    await open(page, hash);
    assert.equal(await page.locator('#who-name').innerText(), users.ppid.name, hash);
    assert.equal(await page.locator('#who-org').innerText(), users.ppid.org, hash);
  }
  await screenshot(page, 'request-new');
  await expectAccessibleAtBothWidths(page, 'request intake form');
  await open(page, '#/inbox');
  await screenshot(page, 'inbox');
});

test('the session cookie is HttpOnly and SameSite=Strict, never in storage or the URL', async () => {
  const { page, context } = b;
  const cookies = await context.cookies(baseUrl);
  assert.equal(cookies.length, 1);
  assert.equal(cookies[0].httpOnly, true);
  assert.equal(cookies[0].sameSite, 'Strict');
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }) + document.cookie);
  assert.ok(!stored.includes(cookies[0].value), 'token visible to script');
  assert.ok(!page.url().includes(cookies[0].value));
});

test('switching the language to English and back', async () => {
  const { page } = b;
  await open(page, '#/board');
  await page.locator('#lang-switch').click();
  await settle(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Deadline board');
  assert.equal(await page.locator('#who-roles').innerText(), 'PPID officer');
  assert.equal(await page.locator('#logout').innerText(), 'Log out');
  await page.reload();
  await settle(page);
  assert.equal(await page.locator('h1').innerText(), 'Deadline board', 'the choice survives a reload');
  await screenshot(page, 'board-ppid-en');
  await page.locator('#lang-switch').click();
  await settle(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.equal(await page.locator('h1').innerText(), 'Papan tenggat');
});

test('logging out ends the session', async () => {
  const { page } = b;
  await logout(page);
  assert.equal(await page.locator('#who-name').count(), 0);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert.equal(me, 401);
  await open(page, '#/board');
  await page.waitForSelector('#login-form');
  assert.match(page.url(), /#\/login\?next=/);
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
