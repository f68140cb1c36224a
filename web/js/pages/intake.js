// Dispute intake for registrars (pendaftaran sengketa): the application form, from a tracked request or
// a typed chronology, with a live checklist of the documents the application needs. After submission
// the case page shows the server's completeness checklist, timeliness assessment and the register form.
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { post } from '../api.js';
import { form, field, localNow } from '../forms.js';
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
  const trackedBox = h('div', { class: 'group-body', id: 'tracked-fields', hidden: true }, field({ name: 'request_id', label: t('intake.request_id'), required: true, hint: t('intake.request_id_hint') }));
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
      field({ name: 'ruleset', type: 'select', label: t('request.ruleset'), placeholder: t('request.ruleset_auto'), options: ['perki_1_2019', 'general'].map((r) => [r, label('ruleset', r)]) }),
      h('section', { class: 'guide' }, h('h2', { class: 'h3' }, t('intake.guide')), guide),
      field({ name: 'attachments', type: 'checkboxes', label: t('intake.attachments'), options: attachmentKinds.map((a) => [a, label('attachment', a)]) }),
    ],
    onSubmit: async (data) => {
      const created = await post('/api/v1/disputes', data);
      go(`/disputes/${encodeURIComponent(created.id)}`);
    },
  });
  f.id = 'intake-form';
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
