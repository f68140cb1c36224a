// Allowed actions as buttons, each opening its form; submits POST .../actions/{action} with If-Match.
// The field names are exactly the body fields of the API (api/openapi/), so 422 errors land next to their inputs.
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { get, post } from '../api.js';
import { form, field, localNow } from '../forms.js';
import { orgOffset, hasRole } from '../session.js';

let staffList = null;

/**
 * The active commissioners of the caller's KI as [username, display name] (GET /api/v1/ki-staff, for
 * every KI role): the register form's majelis and the mediator are picked from it, never typed.
 */
export function commissioners() {
  if (!hasRole('ki_admin', 'registrar', 'commissioner')) return Promise.resolve([]);
  if (!staffList) {
    staffList = get('/api/v1/ki-staff').catch((err) => {
      staffList = null;
      throw err;
    });
  }
  return staffList.then((r) => ((r && r.items) || []).filter((u) => (u.roles || []).includes('commissioner')).map((u) => [u.username, u.display_name]));
}

const grounds = () => 'abcdefg'.split('').map((g) => [g, `${g}. ${t(`ground.${g}`)}`]);
const opts = (prefix, values) => values.map((v) => [v, label(prefix, v)]);
const when = (name, key = 'form.when') => ({ name, type: 'datetime', label: t(key), required: true, value: localNow(orgOffset()) });
// Dispute actions: the server takes "now" when the time is left empty (docs/dispute-workflow.md).
const whenOrNow = (name, key = 'form.when') => ({ name, type: 'datetime', label: t(key), hint: t('form.now_hint') });
// When the applicant received an answer: optional, the presumption applies when empty (docs/deadlines.md §5).
const delivered = () => ({ name: 'delivered_at', type: 'datetime', label: t('form.delivered_at'), hint: t('form.delivered_hint') });
const party = () => ({ name: 'party', type: 'select', label: t('form.party'), required: true, placeholder: t('form.choose'), options: opts('party', ['applicant', 'respondent']) });
// The court instance (UU 14/2008 Pasal 47-50): the PTUN / PN first, then a cassation at the Mahkamah Agung.
const instance = () => ({ name: 'instance', type: 'select', label: t('form.instance'), required: true, options: opts('instance', ['first_instance', 'cassation']) });
const reason = (name = 'reason') => ({ name, type: 'textarea', label: t('form.reason'), required: true });

export const attachmentKinds = [
  'request_letter', 'request_receipt', 'ppid_response', 'objection_letter', 'objection_receipt',
  'atasan_response', 'identity_document', 'articles_of_association', 'power_of_attorney', 'grantor_identity',
];

/** Field specs per action (requests and disputes share this table; names do not collide in meaning).
 * `people.commissioners`: [username, name] of the KI's commissioners (the pickers' options). */
export function actionFields(action, item = {}, people = {}) {
  const picked = people.commissioners || [];
  switch (action) {
    // Information requests
    case 'extend': return [reason(), whenOrNow('extended_at', 'form.extended_at')];
    case 'respond':
      return [
        { name: 'decision', type: 'select', label: t('form.decision'), required: true, placeholder: t('form.choose'), options: opts('decision', ['granted', 'partly_granted', 'refused', 'not_held']) },
        { name: 'reasons', type: 'textarea', label: t('form.reasons'), hint: t('form.reasons_hint') },
        when('responded_at', 'form.responded_at'),
        delivered(),
      ];
    case 'file_objection':
      return [
        { name: 'grounds', type: 'checkboxes', label: t('form.grounds'), required: true, options: grounds() },
        { name: 'reasons', type: 'textarea', label: t('form.reasons') },
        when('received_at', 'form.objection_received_at'),
      ];
    case 'answer_objection':
      return [
        { name: 'decision', type: 'select', label: t('form.decision'), required: true, placeholder: t('form.choose'), options: opts('decision', ['upheld', 'overturned']) },
        { name: 'reasons', type: 'textarea', label: t('form.reasons'), required: true },
        when('answered_at', 'form.answered_at'),
        delivered(),
      ];
    case 'close': return [reason()];
    // Dispute cases
    case 'request_completion': {
      const present = (item.completeness && item.completeness.present) || [];
      return [{ name: 'missing', type: 'checkboxes', label: t('form.missing'), required: true, options: opts('attachment', attachmentKinds.filter((a) => !present.includes(a))) }];
    }
    case 'complete':
      return [{ name: 'attachments', type: 'checkboxes', label: t('form.attachments_delivered'), options: opts('attachment', attachmentKinds) }];
    case 'register':
      return [
        whenOrNow('registered_at', 'form.registered_at'),
        { name: 'attachments', type: 'checkboxes', label: t('form.attachments_confirmed'), hint: t('form.attachments_hint'), options: opts('attachment', attachmentKinds) },
        { name: 'majelis', type: 'checkboxes', label: t('form.majelis'), hint: t('form.majelis_pick_hint'), options: picked },
      ];
    case 'reject_registration': return [reason()];
    case 'open_preliminary_examination': return [whenOrNow('held_at', 'form.held_at')];
    case 'start_mediation':
      return [
        { name: 'mediator', type: 'select', label: t('form.mediator_pick'), required: true, placeholder: t('form.choose'), options: picked, hint: t('form.mediator_hint') },
        whenOrNow('held_at', 'form.held_at'),
        { name: 'exemption_claim_withdrawn', type: 'checkbox', label: t('form.exemption_withdrawn') },
      ];
    case 'mediation_failed': return [reason()];
    case 'start_adjudication': return [whenOrNow('held_at', 'form.held_at')];
    case 'schedule_hearing':
      return [
        { name: 'kind', type: 'select', label: t('form.hearing_kind'), required: true, placeholder: t('form.choose'), options: opts('hearing', ['preliminary_examination', 'mediation', 'evidence', 'closed_examination', 'site_inspection', 'conclusions', 'decision_reading']) },
        when('scheduled_at', 'form.scheduled_at'),
        { name: 'location', label: t('form.location') },
        { name: 'online_link', type: 'url', label: t('form.online_link') },
      ];
    case 'decide':
      return [
        { name: 'outcome', type: 'select', label: t('form.outcome'), required: true, placeholder: t('form.choose'), options: opts('outcome', decidableOutcomes[item.state] || []) },
        { name: 'decision_number', label: t('form.decision_number'), hint: t('form.decision_number_hint') },
        whenOrNow('read_at', 'form.read_at'),
        { name: 'orders', type: 'lines', label: t('form.orders'), hint: t('form.orders_hint'), rows: 4 },
      ];
    case 'serve_copy':
      return [
        party(),
        whenOrNow('served_at', 'form.served_at'),
        { name: 'delivered_at', type: 'datetime', label: t('form.copy_delivered_at'), hint: t('form.copy_delivered_hint') },
      ];
    case 'record_delivery': {
      // Whose receipt: the KI's decision copy, or once the PTUN / PN decided, its decision (docs/deadlines.md
      // "Receipt facts"); the later document is the likelier one.
      const courtDecided = (item.court_decisions || []).some((d) => d.instance === 'first_instance');
      return [
        party(),
        { name: 'document', type: 'select', label: t('form.document'), required: true, value: courtDecided ? 'court_decision' : 'decision_copy', options: opts('document', courtDecided ? ['decision_copy', 'court_decision'] : ['decision_copy']) },
        when('delivered_at', 'form.document_delivered_at'),
      ];
    }
    case 'record_court_objection':
      return [
        party(),
        instance(),
        when('filed_at', 'form.filed_at'),
        { name: 'court', label: t('form.court'), hint: t('form.court_hint') },
        { name: 'case_number', label: t('form.case_number') },
      ];
    case 'record_court_decision':
      return [
        instance(),
        when('decided_at', 'form.decided_at'),
        { name: 'result', type: 'textarea', label: t('form.result'), required: true },
        { name: 'court', label: t('form.court') },
        { name: 'case_number', label: t('form.case_number') },
        // Each party's receipt of a first-instance decision, when known: its cassation window runs from it.
        ...courtParties.map((p) => ({ name: `deliveries.${p}`, type: 'datetime', label: t('form.court_delivered_at', { party: label('party', p) }), hint: t('form.court_delivered_hint') })),
      ];
    case 'mark_final': return [];
    case 'record_compliance':
      return [
        { name: 'complied', type: 'checkbox', label: t('form.complied') },
        whenOrNow('recorded_at', 'form.recorded_at'),
        { name: 'evidence', type: 'textarea', label: t('form.evidence') },
      ];
    case 'withdraw':
    case 'lapse':
      return [reason(), whenOrNow('at')];
    default: return [];
  }
}

const courtParties = ['applicant', 'respondent'];

/** The parties' receipts typed per party ({applicant, respondent}) -> [{party, delivered_at}], in that order. */
function shapeDeliveries(body) {
  const typed = body.deliveries || {};
  const parties = courtParties.filter((p) => typed[p]);
  if (parties.length) body.deliveries = parties.map((p) => ({ party: p, delivered_at: typed[p] }));
  else delete body.deliveries;
  return parties;
}

/** A 422 on `deliveries[i].x` goes next to that party's input (`deliveries.<party>`). */
function deliveryErrors(err, parties) {
  for (const e of (err && err.errors) || []) {
    const m = /^deliveries\[(\d+)\]/.exec(e.field || '');
    if (m && parties[Number(m[1])]) e.field = `deliveries.${parties[Number(m[1])]}`;
  }
  return err;
}

/** Orders typed one per line, "text | days" -> [{text, due_days}]. */
function shapeBody(action, body) {
  if (action === 'decide' && Array.isArray(body.orders)) {
    body.orders = body.orders.map((line) => {
      const m = /^(.*?)\s*\|\s*(\d+)\s*$/.exec(line);
      return m ? { text: m[1], due_days: Number(m[2]) } : { text: line };
    });
  }
  return body;
}

/** The outcomes `decide` accepts in each state (docs/dispute-workflow.md; domain decidable_outcomes). */
const decidableOutcomes = {
  preliminary_examination: ['inadmissible', 'no_jurisdiction'],
  mediation: ['mediation_agreement'],
  adjudication: ['granted', 'partly_granted', 'rejected', 'inadmissible', 'no_jurisdiction'],
};

/**
 * The allowed actions of `item` as buttons; clicking one shows its form in `panel`. `base` is
 * '/api/v1/requests/ID' or '/api/v1/disputes/ID'; onDone(updated) receives the new aggregate.
 */
export function actionBar(item, base, onDone) {
  const allowed = item.allowed_actions || [];
  const panel = h('div', { class: 'action-panel' });
  if (!allowed.length) return h('p', { class: 'muted' }, t('actions.none'));
  const buttons = allowed.map((action) =>
    h(
      'button',
      {
        type: 'button',
        class: `button ${['close', 'withdraw', 'lapse', 'reject_registration'].includes(action) ? 'danger' : ''}`,
        'data-action': action,
        'aria-expanded': 'false',
        onclick: (ev) => {
          buttonsEl.querySelectorAll('button').forEach((b) => b.setAttribute('aria-expanded', 'false'));
          ev.currentTarget.setAttribute('aria-expanded', 'true');
          openForm(action);
        },
      },
      label('action', action),
    ),
  );
  const buttonsEl = h('div', { class: 'action-buttons', role: 'group', 'aria-label': t('actions.title') }, buttons);

  function closeForm(action) {
    replace(panel);
    const button = buttonsEl.querySelector(`button[data-action="${action}"]`);
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  async function openForm(action) {
    const heading = h('h3', { tabindex: '-1' }, label('action', action));
    const people = ['register', 'start_mediation'].includes(action) ? { commissioners: await commissioners().catch(() => []) } : {};
    const f = form({
      fields: actionFields(action, item, people).map(field),
      submitLabel: t('actions.submit', { action: label('action', action) }),
      offset: orgOffset,
      ariaLabel: label('action', action),
      // "Batal" closes the form and gives the focus back to the action's button.
      extraButtons: [h('button', { type: 'button', class: 'button', onclick: () => closeForm(action) }, t('form.cancel'))],
      onSubmit: async (body) => {
        const parties = action === 'record_court_decision' ? shapeDeliveries(body) : [];
        const updated = await post(`${base}/actions/${action}`, shapeBody(action, body), { ifMatch: item.version }).catch((err) => {
          throw deliveryErrors(err, parties);
        });
        onDone(updated, action);
      },
    });
    f.dataset.action = action;
    replace(panel, h('section', { class: 'card action-form' }, heading, f));
    heading.focus();
  }

  return h('div', { class: 'actions' }, buttonsEl, panel);
}
