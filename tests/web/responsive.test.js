// A 360 px wide phone: no horizontal scrolling on the board and the public pages; the menu folds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, users, screenshot, assertNoHorizontalScroll } from './support.js';

let b;
before(async () => {
  b = await launch({ viewport: { width: 360, height: 740 } });
});
after(async () => {
  await b.close();
});

test('public pages fit a 360 px screen', async () => {
  const { page } = b;
  for (const [hash, name] of [
    ['#/public/calculator?from=2024-02-07&days=3', 'calculator-phone'],
    ['#/public/status', 'public-status-phone'],
    ['#/public/hearings', null],
    ['#/public/decisions', null],
    ['#/login', null],
  ]) {
    await open(page, hash);
    await assertNoHorizontalScroll(page, hash);
    if (name) await screenshot(page, name);
  }
});

test('the menu folds behind a button and opens by keyboard', async () => {
  const { page } = b;
  await open(page, '#/public/status');
  const toggle = page.locator('.nav-toggle');
  assert.equal(await page.locator('#main-nav-list').isVisible(), false);
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#main-nav-list').isVisible(), true);
  await assertNoHorizontalScroll(page, 'open menu');
});

test('the board fits a 360 px screen', async () => {
  const { page } = b;
  await login(page, users.ppid);
  await open(page, '#/board');
  await assertNoHorizontalScroll(page, 'board');
  await open(page, '#/inbox');
  await assertNoHorizontalScroll(page, 'inbox');
  await screenshot(page, 'inbox-phone');
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
