// Shared helpers of the browser tests: launching Debian's Chromium through playwright-core, logging in,
// page objects for forms, and screenshots. Request and dispute flows can reuse `apiAs` to create their
// fixtures through the REST API and `casePage` to drive the action forms.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const baseUrl = process.env.PERKARA_URL || 'http://127.0.0.1:8080';
export const password = process.env.PERKARA_PASSWORD || 'test-web-password-1';
const screenshotDir = process.env.PERKARA_SCREENSHOTS || join(process.cwd(), '..', '..', 'build', 'screenshots');

/** The users scripts/test-web creates. */
export const users = {
  sysadmin: { username: 'sysadmin.web', name: 'Admin Sistem', org: 'Komisi Informasi Pusat' },
  kiAdmin: { username: 'admin.web', name: 'Rina Admin KI', org: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung' },
  registrar: { username: 'panitera.web', name: 'Budi Panitera', org: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung' },
  commissioner: { username: 'komisioner.web', name: 'Dewi Komisioner', org: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung' },
  ppid: { username: 'ppid.web', name: 'Siti Petugas PPID', org: 'KPU Kota Pangkalpinang' },
  superior: { username: 'atasan.web', name: 'Agus Atasan PPID', org: 'KPU Kota Pangkalpinang' },
};

/** The two widths every journey is checked at (issue 17): a laptop and a phone. */
export const wide = { width: 1366, height: 900 };
export const phone = { width: 390, height: 844 };

/**
 * A fresh browser profile per test file. Returns {context, page, errors, close}; `errors` collects
 * console errors and uncaught exceptions (a CSP violation shows up there), which tests assert empty.
 */
export async function launch({ viewport = wide } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'perkara-web-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PERKARA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(10000);
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  const expectedStatus = /Failed to load resource: the server responded with a status of (401|404|409|412|422|429)/;
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expectedStatus.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens '#/path' and waits for the page to finish loading. */
export async function open(page, hash) {
  await page.goto(`${baseUrl}/${hash.startsWith('#') ? hash : `#${hash}`}`);
  await settle(page);
}

export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('#main[aria-busy]') && !document.querySelector('#main .loading'));
}

export async function login(page, user) {
  await open(page, '#/login');
  await page.getByLabel(/Nama pengguna|Username/).fill(user.username);
  await page.getByLabel(/Kata sandi|Password/).fill(user.password || password);
  await page.locator('#login-form button[type=submit]').click();
  await page.waitForSelector('#who-name');
  await settle(page);
}

export async function logout(page) {
  await page.locator('#logout').click();
  await page.waitForSelector('#logged-out');
}

/** The error text shown next to the field whose data-field is `name` inside `form`. */
export function fieldError(page, form, name) {
  return page.locator(`${form} [data-field="${name}"] .field-error`);
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** No horizontal scrolling: the document is not wider than the viewport. */
export async function assertNoHorizontalScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, client: window.innerWidth }));
  assert.ok(scroll <= client, `${what}: page is ${scroll}px wide in a ${client}px viewport`);
}

/**
 * axe's "needs review" (incomplete) results a person has checked, by rule and CSS selector of the
 * element, with why axe cannot decide and why the element is fine. Anything else axe cannot decide
 * fails the test like a violation: fix the page so that axe can decide instead of adding to this list.
 */
const reviewed = [
  {
    rule: 'color-contrast',
    selector: '.mark[aria-hidden="true"]',
    why: 'axe does not judge a glyph (the checklists\' ✓ and ✗; the item says present or missing in words ' +
      'to screen readers); checked: --ok #1c5e20 and --danger #a3001b are at least 7.3:1 on white or --bg',
  },
  {
    rule: 'color-contrast',
    selector: '.audit-details [aria-hidden="true"]',
    why: 'axe does not judge a glyph (the audit trail\'s → between before and after, read "menjadi"); ' +
      'checked: --text #1b1f24 is at least 15:1 on white or --bg',
  },
  {
    rule: 'color-contrast',
    selector: '.bar-chart text',
    why: 'axe cannot find the background of text inside an SVG (components/charts.js); checked: labels ' +
      'and values are drawn beside the bars, never on them, in --text #1b1f24, at least 15:1 on white or --bg',
  },
];

/**
 * The page as it is now is accessible: axe finds no violations and nothing left to review beyond
 * `reviewed`, and on a phone-sized viewport nothing scrolls sideways (WCAG 1.4.10 Reflow). axe runs in
 * the page itself (legacy mode: no blank page opened to merge the frames' results; the UI has no
 * frames), several times faster than the default.
 */
export async function expectAccessible(page, what) {
  const result = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations', 'incomplete'] }).analyze();
  const nodes = (results) => results.flatMap((r) => r.nodes.map((n) => ({ rule: r.id, target: n.target.join(' '), why: [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ') })));
  const show = (n) => `${n.rule}: ${n.target} (${n.why})`;
  assert.deepEqual(nodes(result.violations).map(show), [], `axe violations on ${what}`);
  const incomplete = nodes(result.incomplete);
  const checked = await page.evaluate(({ targets, reviewed }) => targets.map(({ rule, target }) => {
    const el = document.querySelector(target);
    return Boolean(el) && reviewed.some((r) => r.rule === rule && el.matches(r.selector));
  }), { targets: incomplete, reviewed });
  assert.deepEqual(incomplete.filter((n, i) => !checked[i]).map(show), [], `axe "needs review" on ${what}`);
  if (page.viewportSize().width <= phone.width) await assertNoHorizontalScroll(page, what);
}

/** expectAccessible at both widths (wide first, then phone), the viewport put back afterwards. */
export async function expectAccessibleAtBothWidths(page, what) {
  const before = page.viewportSize();
  for (const viewport of [wide, phone]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `${what} at ${viewport.width} px`);
  }
  await page.setViewportSize(before);
}

/** A REST client logged in as `user` (bearer token), for creating fixtures of later flows. */
export async function apiAs(user) {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password || password }),
  });
  assert.equal(res.status, 201, `log in ${user.username}`);
  const { token } = await res.json();
  return async (method, path, body, headers = {}) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

/** An RFC 3339 instant `days` calendar days from now at hh:mm WIB (+07:00), and the matching date. */
export function wibInstant(days, hhmm = '09:00') {
  return `${wibDate(days)}T${hhmm}:00+07:00`;
}
export function wibDate(days) {
  return new Date(Date.now() + 7 * 3600000 + days * 86400000).toISOString().slice(0, 10);
}

/**
 * A complete dispute application against KPU Kota Pangkalpinang for a recapitulation record: requested
 * `daysBack` days ago, answered 5 days later, objected after 10 and the atasan's answer after 20; filed
 * `submittedDaysAgo` days ago at 09:00 WIB.
 */
export function beritaAcaraDispute({ applicant, email, daysBack, submittedDaysAgo }) {
  return {
    chronology: {
      request_date: wibDate(-daysBack), ppid_response_date: wibDate(-daysBack + 5),
      objection_date: wibDate(-daysBack + 10), objection_response_date: wibDate(-daysBack + 20),
    },
    applicant: { kind: 'individual', name: applicant, address: 'Jl. Sudirman 9, Pangkalpinang', email },
    respondent: 'kpu-pangkalpinang',
    information_requested: 'Salinan berita acara rekapitulasi Kecamatan Gerunggang',
    reasons: 'Permohonan tidak dipenuhi',
    grounds: ['e'],
    petitum: ['Memerintahkan Termohon memberikan salinan berita acara'],
    attachments: ['request_letter', 'request_receipt', 'ppid_response', 'objection_letter', 'objection_receipt', 'atasan_response', 'identity_document'],
    submitted_at: wibInstant(-submittedDaysAgo, '09:00'),
  };
}

/** A tag unique to this run, to find the fixtures a test created among everyone else's. */
export const runTag = `t${Date.now().toString(36)}`;

/** Page object of a case page (requests or disputes): run an allowed action through its form. */
export function casePage(page) {
  return {
    actionButton: (action) => page.locator(`.action-buttons button[data-action="${action}"]`),
    async openAction(action) {
      await this.actionButton(action).click();
      return page.locator(`form[data-action="${action}"]`);
    },
    async submitAction(action) {
      await page.locator(`form[data-action="${action}"] button[type=submit]`).click();
    },
    /** Opens the action's form, lets `fill(form)` fill it, submits, and waits for the new state. */
    async act(action, state, fill) {
      const form = await this.openAction(action);
      if (fill) await fill(form);
      await this.submitAction(action);
      await page.locator(`.case-status .badge.state-${state}`).waitFor();
      await settle(page);
    },
    deadline: (key) => page.locator(`.deadline[data-key="${key}"]`),
  };
}

/**
 * What a person must never read on a page: an internal id (8+ hex digits), a code (snake_case, as the
 * API's enums are) or an ISO date. Returns the offending snippets of #main and the header.
 */
export async function codesOnPage(page) {
  const text = await page.evaluate(() => [document.getElementById('site-header'), document.getElementById('main')].map((e) => (e ? e.innerText : '')).join('\n'));
  const patterns = [/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/g, /\b[a-z]+(?:_[a-z0-9]+)+\b/g, /\b\d{4}-\d{2}-\d{2}\b/g];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, ' ')));
}
