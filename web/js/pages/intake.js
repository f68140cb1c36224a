// Dispute intake for registrars (pendaftaran sengketa): the application form, from a tracked request or
// a typed chronology, with a live checklist of the documents the application needs. After submission
// the case page shows the server's completeness checklist, timeliness assessment and the register form.
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { get, post } from '../api.js';
import { form, field, localNow, messageFor } from '../forms.js';
import { go } from '../router.js';
import { orgOffset } from '../session.js';
import { startPage } from '../page.js';
import { loadOrgs } from '../orgs.js';
import { orgPicker } from '../org-picker.js';
import { attachmentKinds } from '../components/actions.js';

/** Documents an application needs (docs/dispute-workflow.md "Intake, completeness"), as a guide. */
export function requiredDocuments({ tracked, chronology = {}, applicantKind, representative }) {
  const need = [];
  if (!tracked) {
    need.push('request_letter', 'request_receipt', 'objection_letter', 'objection_receipt');
    if (chronology.ppid_response_date) need.push('ppid_response');
    if (chronology.objection_response_date) need.push('atasan_response');
  }
  need.push(applicantKind === 'legal_entity' ? 'articles_of_association' : 'identity_document');
  if (representative || applicantKind === 'group') need.push('power_of_attorney', 'grantor_identity');
  return attachmentKinds.filter((a) => need.includes(a));
}

export async function intakePage(main) {
  startPage(main, t('intake.title'), t('intake.intro'));
  const orgs = await loadOrgs();
  const sourceName = 'source';
  const radio = (value, text, checked) => {
    const id = `source-${value}`;
    return h('div', { class: 'checkbox' }, h('input', { type: 'radio', id, name: sourceName, value, checked, 'data-type': 'ignore' }), h('label', { for: id }, text));
  };
  // The tracked request by its number, or found by number, applicant or subject; choosing one prefills
  // the form (the server takes the number as well as the id).
  const findInput = h('input', { type: 'search', id: 'tracked-find', 'data-type': 'ignore', autocomplete: 'off' });
  const findResults = h('ul', { class: 'tracked-results', id: 'tracked-results', 'aria-live': 'polite' });
  const findStatus = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const search = async () => {
    const q = findInput.value.trim();
    if (!q) return;
    try {
      const found = await get('/api/v1/tracked-requests', { q });
      const items = found.items || [];
      findStatus.textContent = items.length ? '' : t('intake.found_none');
      replace(findResults, items.map((r) => h('li', null, h('strong', null, r.number), ` — ${r.applicant.name} — ${r.respondent_name} — ${r.information_requested} `, h('button', { type: 'button', class: 'button small', 'data-number': r.number, onclick: () => prefill(r) }, t('intake.use')))));
    } catch (err) {
      findStatus.textContent = messageFor(err);
    }
  };
  const trackedBox = h(
    'div',
    { class: 'group-body', id: 'tracked-fields', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'tracked-find' }, t('intake.find')), h('div', { class: 'inline' }, findInput, h('button', { type: 'button', class: 'button secondary', id: 'tracked-find-button', onclick: search }, t('intake.find_button')))),
    findResults,
    findStatus,
    field({ name: 'request_id', label: t('intake.request_id'), required: true, hint: t('intake.request_id_hint') }),
  );
  findInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      search();
    }
  });
  const chronoBox = h(
    'div',
    { class: 'group-body', id: 'chronology-fields' },
    field({ name: 'chronology.request_date', type: 'date', label: t('chronology.request_date'), required: true }),
    field({ name: 'chronology.ppid_response_date', type: 'date', label: t('chronology.ppid_response_date') }),
    field({ name: 'chronology.objection_date', type: 'date', label: t('chronology.objection_date') }),
    field({ name: 'chronology.objection_response_date', type: 'date', label: t('chronology.objection_response_date') }),
  );
  const guide = h('ul', { class: 'checklist', id: 'intake-guide', 'aria-live': 'polite' });
  const f = form({
    offset: orgOffset,
    submitLabel: t('intake.submit'),
    fields: [
      h('fieldset', { class: 'group' }, h('legend', null, t('intake.source')), h('div', { class: 'checkbox-list' }, radio('chronology', t('intake.source_chronology'), true), radio('tracked', t('intake.source_tracked'), false)), trackedBox, chronoBox),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', null, t('dispute.applicant')),
        field({ name: 'applicant.kind', type: 'select', label: t('applicant.kind'), required: true, value: 'individual', options: ['individual', 'legal_entity', 'group'].map((k) => [k, label('applicant_kind', k)]) }),
        field({ name: 'applicant.name', label: t('applicant.name'), required: true, autocomplete: 'off' }),
        field({ name: 'applicant.id_number', label: t('applicant.id_number'), autocomplete: 'off' }),
        field({ name: 'applicant.address', type: 'textarea', label: t('applicant.address'), rows: 2 }),
        field({ name: 'applicant.email', type: 'email', label: t('applicant.email'), autocomplete: 'off' }),
        field({ name: 'applicant.phone', type: 'tel', label: t('applicant.phone'), autocomplete: 'off' }),
        field({ name: 'representative.name', label: t('intake.representative_name'), hint: t('intake.representative_hint'), autocomplete: 'off' }),
      ),
      orgPicker({ name: 'respondent', label: t('dispute.respondent'), required: true, placeholder: t('form.choose'), orgs: orgs.filter((o) => o.kind !== 'ki') }),
      field({ name: 'ki', type: 'select', label: t('dispute.ki'), placeholder: t('intake.ki_default'), options: orgs.filter((o) => o.kind === 'ki').map((o) => [o.code, o.name]) }),
      field({ name: 'information_requested', type: 'textarea', label: t('request.information'), required: true }),
      field({ name: 'grounds', type: 'checkboxes', label: t('form.grounds'), required: true, options: 'abcdefg'.split('').map((g) => [g, `${g}. ${t(`ground.${g}`)}`]) }),
      field({ name: 'reasons', type: 'textarea', label: t('dispute.reasons') }),
      field({ name: 'petitum', type: 'lines', label: t('dispute.petitum'), required: true, hint: t('intake.petitum_hint') }),
      field({ name: 'submitted_at', type: 'datetime', label: t('dispute.submitted_at'), required: true, value: localNow(orgOffset()) }),
      // The track comes from the tracked request or the election period; another one needs a reason (docs/deadlines.md §5).
      field({ name: 'ruleset', type: 'select', label: t('request.ruleset'), hint: t('request.ruleset_hint'), placeholder: t('request.ruleset_auto'), options: ['perki_1_2019', 'general'].map((r) => [r, label('ruleset', r)]) }),
      field({ name: 'ruleset_override_reason', type: 'textarea', label: t('request.override_reason'), hint: t('request.override_hint'), rows: 2 }),
      h('section', { class: 'guide' }, h('h2', { class: 'h3' }, t('intake.guide')), guide),
      field({ name: 'attachments', type: 'checkboxes', label: t('intake.attachments'), options: attachmentKinds.map((a) => [a, label('attachment', a)]) }),
    ],
    onSubmit: async (data) => {
      const created = await post('/api/v1/disputes', data);
      go(`/disputes/${encodeURIComponent(created.id)}`);
    },
  });
  f.id = 'intake-form';
  function prefill(r) {
    const set = (name, value) => {
      const el = f.querySelector(`[name="${name}"]`);
      if (el && value !== undefined && value !== null) el.value = value;
    };
    set('request_id', r.number);
    set('applicant.kind', r.applicant.kind);
    set('applicant.name', r.applicant.name);
    set('respondent', r.respondent);
    set('information_requested', r.information_requested);
    for (const box of f.querySelectorAll('input[name="grounds"]')) box.checked = (r.objection_grounds || []).includes(box.value);
    findStatus.textContent = t('intake.prefilled', { number: r.number });
    update();
  }
  const update = () => {
    const tracked = f.querySelector(`input[name="${sourceName}"][value="tracked"]`).checked;
    trackedBox.hidden = !tracked;
    chronoBox.hidden = tracked;
    const value = (n) => (f.querySelector(`[name="${n}"]`) || {}).value || '';
    const docs = requiredDocuments({
      tracked,
      chronology: { ppid_response_date: value('chronology.ppid_response_date'), objection_response_date: value('chronology.objection_response_date') },
      applicantKind: value('applicant.kind'),
      representative: value('representative.name').trim() !== '',
    });
    const delivered = [...f.querySelectorAll('input[name="attachments"]:checked')].map((c) => c.value);
    replace(
      guide,
      docs.map((a) => {
        const ok = delivered.includes(a);
        return h('li', { class: ok ? 'present' : 'missing' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), label('attachment', a), h('span', { class: 'sr-only' }, ok ? ` (${t('checklist.present')})` : ` (${t('checklist.missing')})`));
      }),
    );
  };
  f.addEventListener('change', update);
  f.addEventListener('input', update);
  update();
  main.append(h('section', { class: 'card' }, f));
}
