// The court stage on the dispute page (docs/deadlines.md "Receipt facts" and "Court stage"): a registrar
// serves the decision copy, records a party's receipt, a court objection, the PTUN's decision with the
// applicant's receipt of it, a cassation and the Mahkamah Agung's decision, through the case page's
// forms, and reads the due dates, their basis and the finality back. The decided case is a fixture made
// through the API with every act dated days earlier, and each form is given the date of its act, so the
// acts follow each other as the server requires (an objection is not earlier than the service).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, settle, users, casePage, apiAs, wibDate, wibInstant, runTag, beritaAcaraDispute, codesOnPage, expectAccessibleAtBothWidths } from './support.js';

let b;
let dispute;

// A datetime field's text ("dd/mm/yyyy hh.mm", WIB) `days` calendar days from now.
const typed = (days, hhmm) => {
  const [y, m, d] = wibDate(days).split('-');
  return `${d}/${m}/${y} ${hhmm.replace(':', '.')}`;
};

before(async () => {
  const registrar = await apiAs(users.registrar);
  const commissioner = await apiAs(users.commissioner);
  const submitted = await registrar('POST', '/api/v1/disputes', beritaAcaraDispute({
    applicant: `Wahyu Pratama ${runTag}`, email: 'wahyu@example.id', daysBack: 80, submittedDaysAgo: 50,
  }));
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  dispute = submitted.body;
  const act = async (api, action, body) => {
    const r = await api('POST', `/api/v1/disputes/${dispute.id}/actions/${action}`, body);
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  };
  await act(registrar, 'register', { registered_at: wibInstant(-49, '09:00') });
  await act(commissioner, 'open_preliminary_examination', { held_at: wibInstant(-45, '09:00') });
  await act(commissioner, 'start_adjudication', { held_at: wibInstant(-44, '09:00') });
  await act(commissioner, 'decide', {
    outcome: 'granted',
    read_at: wibInstant(-40, '10:00'),
    orders: [{ text: 'Memberikan salinan berita acara', due_days: 10 }],
  });
  b = await launch();
});
after(async () => {
  await b.close();
});

test('a registrar records the court stage with its receipts and reads the due dates and the finality back', async () => {
  const { page } = b;
  const c = casePage(page);
  const api = await apiAs(users.registrar);
  const stored = async () => (await api('GET', `/api/v1/disputes/${dispute.id}`)).body;
  // Submits an action's form and waits until the page shows the stored result (the form is gone).
  const record = async (action, fill) => {
    const form = await c.openAction(action);
    await fill(form);
    await c.submitAction(action);
    await page.locator(`form[data-action="${action}"]`).waitFor({ state: 'detached' });
    await settle(page);
  };
  const fillDate = (form, name, days, hhmm) => form.locator(`[name="${name}"]`).fill(typed(days, hhmm));
  // The page's own long date ("Senin, 2 September 2024") of an ISO date.
  const longDate = (iso) => page.evaluate(async (d) => (await import('/js/i18n.js')).formatDateLong(d), iso);
  const currentClock = (v, key) => v.deadlines.find((d) => d.key === key && d.status !== 'stopped');

  await login(page, users.registrar);
  await open(page, `#/disputes/${dispute.id}`);
  await page.locator('.case-status .badge.state-decided').waitFor();

  // The copy is served to both parties; the applicant's reached it by post three days later.
  await record('serve_copy', async (form) => {
    await form.locator('[name=party]').selectOption('applicant');
    await fillDate(form, 'served_at', -39, '10:00');
    await fillDate(form, 'delivered_at', -36, '10:00');
  });
  await record('serve_copy', async (form) => {
    await form.locator('[name=party]').selectOption('respondent');
    await fillDate(form, 'served_at', -39, '11:00');
  });
  // The respondent's receipt, recorded afterwards.
  await record('record_delivery', async (form) => {
    await form.locator('[name=party]').selectOption('respondent');
    assert.equal(await form.locator('[name=document]').inputValue(), 'decision_copy');
    await fillDate(form, 'delivered_at', -38, '09:00');
  });
  let v = await stored();
  assert.deepEqual(v.services.map((s) => s.delivered_at), [wibInstant(-36, '10:00'), wibInstant(-38, '09:00')]);

  // The respondent objects to the PTUN.
  await record('record_court_objection', async (form) => {
    await form.locator('[name=party]').selectOption('respondent');
    await form.locator('[name=instance]').selectOption('first_instance');
    await fillDate(form, 'filed_at', -30, '10:00');
    await form.locator('[name=court]').fill('PTUN Pangkalpinang');
    await form.locator('[name=case_number]').fill('21/G/KI/2024/PTUN.PGP');
  });
  await page.locator('.case-status .badge.state-court_objection').waitFor();

  // The PTUN decides; its decision reached the applicant three days later (the respondent's receipt is
  // not known: presumed at the pronouncement). A receipt before the decision is refused next to its input.
  const ptun = await c.openAction('record_court_decision');
  await ptun.locator('[name=instance]').selectOption('first_instance');
  await fillDate(ptun, 'decided_at', -12, '10:00');
  await ptun.locator('[name=result]').fill('Menguatkan putusan Komisi Informasi');
  await ptun.locator('[name=court]').fill('PTUN Pangkalpinang');
  await fillDate(ptun, 'deliveries.applicant', -13, '10:00');
  await expectAccessibleAtBothWidths(page, 'the court decision form');
  await c.submitAction('record_court_decision');
  await ptun.locator('[data-field="deliveries.applicant"] .field-error').waitFor();
  assert.match(await ptun.locator('[data-field="deliveries.applicant"] .field-error').innerText(), /tidak boleh sebelum/);
  await fillDate(ptun, 'deliveries.applicant', -9, '10:00');
  await c.submitAction('record_court_decision');
  await ptun.waitFor({ state: 'detached' });
  await settle(page);

  v = await stored();
  assert.deepEqual(v.court_decisions[0].deliveries, [{ party: 'applicant', delivered_at: wibInstant(-9, '10:00') }]);
  const applicantWindow = currentClock(v, 'cassation:applicant');
  const respondentWindow = currentClock(v, 'cassation:respondent');
  assert.equal(applicantWindow.explanation.start_basis, 'receipt');
  assert.equal(respondentWindow.explanation.start_basis, 'presumed_receipt');
  // The page shows each party's due date and says on what it rests.
  const applicantCard = c.deadline('cassation:applicant');
  const respondentCard = c.deadline('cassation:respondent');
  assert.equal(await applicantCard.locator('.deadline-due').innerText(), await longDate(applicantWindow.due));
  assert.equal(await respondentCard.locator('.deadline-due').innerText(), await longDate(respondentWindow.due));
  assert.match(await applicantCard.textContent(), /tanggal diterima yang dicatat/);
  assert.match(await respondentCard.textContent(), /dianggap diterima/);
  const courtSection = await page.locator('ul.court-receipts').innerText();
  assert.match(courtSection, /Pemohon — diterima/);
  assert.match(courtSection, /Termohon[^\n—]* — dianggap diterima saat diucapkan/);
  await expectAccessibleAtBothWidths(page, 'the dispute page in the court stage');

  // The respondent seeks cassation; the Mahkamah Agung decides: the decision is final that day.
  await record('record_court_objection', async (form) => {
    await form.locator('[name=party]').selectOption('respondent');
    await form.locator('[name=instance]').selectOption('cassation');
    await fillDate(form, 'filed_at', -5, '10:00');
    await form.locator('[name=case_number]').fill('88 K/TUN/KI/2024');
  });
  await record('record_court_decision', async (form) => {
    await form.locator('[name=instance]').selectOption('cassation');
    await fillDate(form, 'decided_at', -2, '10:00');
    await form.locator('[name=result]').fill('Menolak permohonan kasasi');
  });
  await page.locator('.case-status .badge.state-final').waitFor();
  v = await stored();
  assert.equal(v.final_on, wibDate(-2));
  const main = await page.locator('#main').innerText();
  assert.match(main, new RegExp(`Berkekuatan hukum tetap sejak\\s+${await longDate(v.final_on)}`));
  assert.match(main, /Kasasi \(Mahkamah Agung\)[\s\S]*Mahkamah Agung/);
  assert.equal(await c.deadline('compliance:1').locator('.deadline-due').innerText(), await longDate(currentClock(v, 'compliance:1').due));
  assert.deepEqual(await codesOnPage(page), []);
  await expectAccessibleAtBothWidths(page, 'the final dispute page');
  await logout(page);
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
