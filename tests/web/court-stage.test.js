// The court stage on the dispute page (docs/deadlines.md "Court stage"): the registrar records each
// party's objection to the PTUN, the PTUN's decision with its instance and a cassation, through the
// case page's forms; the page names parties and instances in words (no codes). The decided case is a
// fixture made through the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, login, logout, settle, users, casePage, apiAs, wibDate, runTag, codesOnPage } from './support.js';

let b;
let dispute;

before(async () => {
  const registrar = await apiAs(users.registrar);
  const commissioner = await apiAs(users.commissioner);
  const submitted = await registrar('POST', '/api/v1/disputes', {
    chronology: { request_date: wibDate(-40), ppid_response_date: wibDate(-35), objection_date: wibDate(-30), objection_response_date: wibDate(-10) },
    applicant: { kind: 'individual', name: `Wahyu Pratama ${runTag}`, address: 'Jl. Sudirman 9, Pangkalpinang', email: 'wahyu@example.id' },
    respondent: 'kpu-pangkalpinang',
    information_requested: 'Salinan berita acara rekapitulasi Kecamatan Gerunggang',
    reasons: 'Permohonan tidak dipenuhi',
    grounds: ['e'],
    petitum: ['Memerintahkan Termohon memberikan salinan berita acara'],
    attachments: ['request_letter', 'request_receipt', 'ppid_response', 'objection_letter', 'objection_receipt', 'atasan_response', 'identity_document'],
  });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  dispute = submitted.body;
  const act = async (api, action, body = {}) => {
    const r = await api('POST', `/api/v1/disputes/${dispute.id}/actions/${action}`, body);
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  };
  await act(registrar, 'register');
  await act(commissioner, 'open_preliminary_examination');
  await act(commissioner, 'start_adjudication');
  await act(commissioner, 'decide', { outcome: 'granted', orders: [{ text: 'Memberikan salinan berita acara', due_days: 10 }] });
  await act(registrar, 'serve_copy', { party: 'applicant' });
  await act(registrar, 'serve_copy', { party: 'respondent' });
  b = await launch();
});
after(async () => {
  await b.close();
});

test('a registrar records both parties\' court objections, the PTUN decision and a cassation', async () => {
  const { page } = b;
  const c = casePage(page);
  await login(page, users.registrar);
  await open(page, `#/disputes/${dispute.id}`);
  await page.locator('.case-status .badge.state-decided').waitFor();

  const objection = (party, number) => async (form) => {
    await form.locator('[name=party]').selectOption(party);
    await form.locator('[name=instance]').selectOption('first_instance');
    await form.locator('[name=court]').fill('PTUN Pangkalpinang');
    await form.locator('[name=case_number]').fill(number);
  };
  await c.act('record_court_objection', 'court_objection', objection('respondent', '21/G/KI/2024/PTUN.PGP'));
  // The applicant may still object within its own window.
  assert.match(await page.locator('#awaiting').innerText(), /Pemohon/);
  await c.act('record_court_objection', 'court_objection', objection('applicant', '22/G/KI/2024/PTUN.PGP'));
  await c.act('record_court_decision', 'court_objection', async (form) => {
    await form.locator('[name=instance]').selectOption('first_instance');
    await form.locator('[name=result]').fill('Menguatkan putusan Komisi Informasi');
    await form.locator('[name=court]').fill('PTUN Pangkalpinang');
  });
  assert.match(await page.locator('#awaiting').innerText(), /dapat mengajukan kasasi/);
  await c.deadline('cassation:applicant').waitFor();
  await c.act('record_court_objection', 'court_objection', async (form) => {
    await form.locator('[name=party]').selectOption('respondent');
    await form.locator('[name=instance]').selectOption('cassation');
    await form.locator('[name=case_number]').fill('88 K/TUN/KI/2024');
  });
  const main = await page.locator('#main').innerText();
  assert.match(main, /Tingkat pertama \(PTUN\/PN\)/);
  assert.match(main, /Kasasi \(Mahkamah Agung\)[\s\S]*Mahkamah Agung/);
  assert.match(await page.locator('#awaiting').innerText(), /putusan kasasi Mahkamah Agung/);
  assert.deepEqual(await codesOnPage(page), []);

  const api = await apiAs(users.registrar);
  const stored = (await api('GET', `/api/v1/disputes/${dispute.id}`)).body;
  assert.deepEqual(stored.court_objections.map((o) => `${o.party}/${o.instance}`), ['respondent/first_instance', 'applicant/first_instance', 'respondent/cassation']);
  assert.equal(stored.court_decisions[0].instance, 'first_instance');
  await settle(page);
  await logout(page);
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(b.errors, []);
});
