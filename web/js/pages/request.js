// Request case page (GET /api/v1/requests/{id} and /events) and the form to register a new request.
import { h, replace } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';
import { get, post } from '../api.js';
import { form, field, localNow } from '../forms.js';
import { go } from '../router.js';
import { currentUser, orgOffset, hasRole } from '../session.js';
import { startPage, loading, failure, section, setTitle } from '../page.js';
import { stateBadge, awaitingText } from '../components/badges.js';
import { deadlineList } from '../components/deadlines.js';
import { actionBar } from '../components/actions.js';
import { timeline } from '../components/timeline.js';
import { orgName } from '../orgs.js';
import { lettersPanel } from '../components/letters.js';
import { noticesPanel } from '../components/notices.js';
import { documentsPanel } from '../components/documents.js';

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export function applicantFacts(a) {
  if (!a) return h('p', { class: 'muted' }, '—');
  return facts([
    [t('applicant.kind'), a.kind ? label('applicant_kind', a.kind) : null],
    [t('applicant.name'), a.name],
    [t('applicant.id_number'), a.id_number],
    [t('applicant.address'), a.address],
    [t('applicant.email'), a.email],
    [t('applicant.phone'), a.phone],
  ]);
}

export async function requestPage(main, { params, isCurrent }) {
  startPage(main, t('request.title'));
  const body = h('div', null, loading());
  main.append(body);
  const id = encodeURIComponent(params.id);
  let item;
  try {
    item = await get(`/api/v1/requests/${id}`);
  } catch (err) {
    if (isCurrent()) replace(body, failure(err, { notAvailable: true }));
    return;
  }
  const events = await get(`/api/v1/requests/${id}/events`).catch(() => null);
  if (!isCurrent()) return;
  const title = `${t('request.title')} ${item.number || item.id}`;
  setTitle(title);
  main.querySelector('h1').textContent = title;
  const respondentName = await orgName(item.respondent);
  const rerender = () => requestPage(main, { params, isCurrent });
  // The case file: the respondent's PPID and PPID superior write (docs/documents.md "Endpoints").
  const user = currentUser();
  const canWrite = hasRole('ppid', 'ppid_superior') && !!user && !!user.organisation && user.organisation.code === item.respondent;
  replace(
    body,
    h('div', { class: 'case-status' }, stateBadge('request', item.state), h('p', { class: 'awaiting', id: 'awaiting' }, h('strong', null, `${t('case.awaiting')}: `), awaitingText(item.awaiting))),
    section(t('case.actions'), actionBar(item, `/api/v1/requests/${id}`, rerender)),
    section(t('case.deadlines'), deadlineList(item.deadlines)),
    section(
      t('case.parties'),
      h('h3', null, t('request.applicant')),
      applicantFacts(item.applicant),
      h('h3', null, t('request.respondent')),
      h('p', null, respondentName),
    ),
    section(
      t('request.details'),
      facts([
        [t('request.received_at'), formatInstant(item.received_at)],
        [t('request.channel'), item.channel ? label('channel', item.channel) : null],
        [t('request.information'), item.information_requested],
        [t('request.purpose'), item.purpose],
        [t('request.format'), item.format],
        [t('request.delivery_medium'), item.delivery_medium],
        [t('request.ruleset'), typeof item.ruleset === 'object' && item.ruleset ? [label('ruleset', item.ruleset.name || item.ruleset.ruleset), item.ruleset.election_name ? ` — ${item.ruleset.election_name}` : ''] : label('ruleset', item.ruleset)],
        [t('request.dispute'), item.dispute_id ? h('a', { href: `#/disputes/${encodeURIComponent(item.dispute_id)}` }, item.dispute_id) : null],
      ]),
    ),
    steps(item),
    section(t('documents.title'), documentsPanel(`/api/v1/requests/${id}`, { canWrite }).el),
    section(t('letters.title'), lettersPanel(`/api/v1/requests/${id}`)),
    section(t('notices.case_title'), noticesPanel(`/api/v1/requests/${id}`)),
    section(t('case.timeline'), timeline(events)),
  );
}

/** The PPID's response, the objection (with its register number) and the superior's answer. */
function steps(item) {
  const r = item.response;
  const o = item.objection;
  const a = item.objection_answer;
  const c = item.closed;
  if (!r && !o && !a && !c && !item.extension) return null;
  return section(
    t('request.steps'),
    item.extension ? [h('h3', null, label('action', 'extend')), facts([[t('form.reason'), item.extension.reason], [t('form.when'), item.extension.at ? formatInstant(item.extension.at) : null]])] : null,
    r ? [h('h3', null, t('request.response')), facts([[t('form.decision'), label('decision', r.decision)], [t('form.reasons'), r.reasons], [t('form.responded_at'), formatInstant(r.responded_at)]])] : null,
    o ? [h('h3', null, t('request.objection')), facts([[t('request.objection_number'), o.number], [t('form.grounds'), (o.grounds || []).map((g) => `${g}. ${t(`ground.${g}`)}`).join('; ')], [t('form.reasons'), o.reasons], [t('form.objection_received_at'), formatInstant(o.received_at)]])] : null,
    a ? [h('h3', null, t('request.objection_answer')), facts([[t('form.decision'), label('decision', a.decision)], [t('form.reasons'), a.reasons], [t('form.answered_at'), formatInstant(a.answered_at)]])] : null,
    c ? [h('h3', null, label('action', 'close')), facts([[t('form.reason'), c.reason], [t('form.when'), c.at ? formatInstant(c.at) : null]])] : null,
  );
}

export async function newRequestPage(main) {
  startPage(main, t('request.new_title'), t('request.new_intro'));
  const user = currentUser();
  const f = form({
    offset: orgOffset,
    submitLabel: t('request.create'),
    fields: [
      field({ name: 'received_at', type: 'datetime', label: t('request.received_at'), required: true, value: localNow(orgOffset()) }),
      field({ name: 'channel', type: 'select', label: t('request.channel'), required: true, value: 'walk_in', options: ['web', 'email', 'walk_in', 'letter', 'phone', 'fax'].map((c) => [c, label('channel', c)]) }),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', null, t('request.applicant')),
        field({ name: 'applicant.kind', type: 'select', label: t('applicant.kind'), required: true, value: 'individual', options: ['individual', 'legal_entity', 'group'].map((k) => [k, label('applicant_kind', k)]) }),
        field({ name: 'applicant.name', label: t('applicant.name'), required: true, autocomplete: 'off' }),
        field({ name: 'applicant.id_number', label: t('applicant.id_number'), autocomplete: 'off' }),
        field({ name: 'applicant.address', type: 'textarea', label: t('applicant.address'), rows: 2 }),
        field({ name: 'applicant.email', type: 'email', label: t('applicant.email'), autocomplete: 'off' }),
        field({ name: 'applicant.phone', type: 'tel', label: t('applicant.phone'), autocomplete: 'off' }),
      ),
      field({ name: 'information_requested', type: 'textarea', label: t('request.information'), required: true }),
      field({ name: 'purpose', type: 'textarea', label: t('request.purpose'), required: true, rows: 2 }),
      field({ name: 'format', label: t('request.format'), required: true, hint: t('request.format_hint') }),
      field({ name: 'delivery_medium', label: t('request.delivery_medium'), required: true, hint: t('request.delivery_hint') }),
      field({ name: 'ruleset', type: 'select', label: t('request.ruleset'), hint: t('request.ruleset_hint'), placeholder: t('request.ruleset_auto'), options: ['perki_1_2019', 'general'].map((r) => [r, label('ruleset', r)]) }),
      field({ name: 'ruleset_override_reason', type: 'textarea', label: t('request.override_reason'), hint: t('request.override_hint'), rows: 2 }),
    ],
    onSubmit: async (data) => {
      const created = await post('/api/v1/requests', { respondent: user.organisation && user.organisation.code, ...data });
      go(`/requests/${encodeURIComponent(created.id)}`);
    },
  });
  f.id = 'new-request-form';
  main.append(h('section', { class: 'card' }, f));
}
