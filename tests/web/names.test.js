// People read numbers, names and Indonesian dates, never internal ids, codes or ISO dates: the
// registrar's board with a dispute not registered yet (at the top, named by its filing date), the case
// page of that dispute, at 1366 and 390 px, with axe finding no violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, users, apiAs, runTag, codesOnPage, wibDate, expectAccessible, wide, phone } from './support.js';

const tag = `names${runTag}`;
let dispute;

before(async () => {
  const api = await apiAs(users.registrar);
  const r = await api('POST', '/api/v1/disputes', {
    chronology: { request_date: wibDate(-40), objection_date: wibDate(-25), objection_response_date: wibDate(-15) },
    applicant: { kind: 'individual', name: `Rahmat ${tag}`, id_number: '3171999988887777', address: 'Jl. Merdeka 1', email: 'rahmat@example.id', phone: '0812-000-111' },
    respondent: 'kpu-pangkalpinang',
    information_requested: `Salinan DPT ${tag}`,
    grounds: ['c'],
    petitum: ['Memberikan salinan DPT'],
    attachments: ['request_letter', 'request_receipt', 'objection_letter', 'objection_receipt', 'atasan_response', 'identity_document'],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  dispute = r.body;
});


for (const viewport of [wide, phone]) {
  test(`the registrar's board and case page name the unregistered dispute by its filing date (${viewport.width} px)`, async () => {
    const b = await launch({ viewport });
    try {
      const { page } = b;
      await login(page, users.registrar);
      await open(page, '#/board');
      if (viewport.width < 500) {
        // The logged-in header on a phone: brand, language, name and logout, then the menu button (was 232 of 844 px).
        const height = await page.locator('#site-header').evaluate((e) => e.getBoundingClientRect().height);
        assert.ok(height <= 120, `header ${height}px high`);  // measured 112 px
        assert.equal(await page.locator('#who-org').innerText(), users.registrar.org, 'still there for screen readers');
      }
      const first = await page.locator('#board-table tbody tr').first().innerText();
      assert.match(first, /belum teregistrasi \(diajukan \d{1,2} [A-Z][a-z]+ \d{4}\)/, 'the intake queue comes first');
      assert.deepEqual(await codesOnPage(page), [], 'board');
      await expectAccessible(page, `board at ${viewport.width} px`);

      await open(page, `#/disputes/${encodeURIComponent(dispute.id)}`);
      assert.match(await page.locator('h1').innerText(), /belum teregistrasi \(diajukan \d{1,2} [A-Z][a-z]+ \d{4}\)/);
      assert.ok(!(await page.locator('h1').innerText()).includes(dispute.id.slice(0, 8)));
      assert.deepEqual(await codesOnPage(page), [], 'case page');
      // "Batal" closes an action's form and gives the keyboard focus back to its button.
      const action = page.locator('.action-buttons button').first();
      const name = await action.getAttribute('data-action');
      await action.click();
      await page.locator(`form[data-action="${name}"]`).waitFor();
      await page.locator(`form[data-action="${name}"] button`, { hasText: 'Batal' }).click();
      assert.equal(await page.locator(`form[data-action="${name}"]`).count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.action), name);
      assert.equal(await action.getAttribute('aria-expanded'), 'false');
      await expectAccessible(page, `case page at ${viewport.width} px`);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
}
