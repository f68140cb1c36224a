// Dispute case page (GET /api/v1/disputes/{id}): parties, state, awaiting, filing timeliness,
// completeness checklist, deadlines with "why this date", hearings, decision, actions and timeline.
import { h, replace } from '../dom.js';
import { t, label, formatDate, formatDateLong, formatInstant, currentLang, readable } from '../i18n.js';
import { get } from '../api.js';
import { startPage, loading, failure, section, setTitle } from '../page.js';
import { stateBadge, awaitingText } from '../components/badges.js';
import { deadlineList } from '../components/deadlines.js';
import { actionBar, commissioners } from '../components/actions.js';
import { timeline } from '../components/timeline.js';
import { orgName } from '../orgs.js';
import { applicantFacts } from './request.js';
import { lettersPanel } from '../components/letters.js';
import { noticesPanel } from '../components/notices.js';
import { hearingsList, decisionView } from '../components/case-record.js';
import { courtStage } from '../components/court-stage.js';
import { nameOf, fillName } from '../case-names.js';
import { documentsPanel } from '../components/documents.js';
import { documentsChecklist } from '../components/documents-checklist.js';
import { currentUser, hasRole } from '../session.js';

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/** filing_timely true/false/null with its reasoning, whichever shape the server uses. */
export function timeliness(item) {
  const f = item.filing || {};
  const timely = item.filing_timely !== undefined ? item.filing_timely : f.filing_timely;
  const en = currentLang() === 'en';
  const reasoning =
    (en ? item.filing_reasoning_en || f.reasoning_en : item.filing_reasoning_id || f.reasoning_id) ||
    item.filing_reasoning || f.reasoning || '';
  const cls = timely === true ? 'ok' : timely === false ? 'overdue' : 'none';
  return h(
    'div',
    { class: `timeliness ${cls}`, id: 'timeliness' },
    h('p', null, h('strong', null, t(`timely.${String(timely ?? null)}`))),
    reasoning ? h('p', null, readable(reasoning)) : null,
    f.due ? h('p', { class: 'muted' }, t('timely.due', { date: formatDate(f.due) })) : null,
  );
}

export function checklist(item) {
  const c = item.completeness;
  if (!c) return h('p', { class: 'muted' }, t('checklist.unknown'));
  const present = c.present || [];
  const missing = c.missing || c.missing_requested || [];
  const rows = present.map((a) => [a, true]).concat(missing.filter((a) => !present.includes(a)).map((a) => [a, false]));
  if (!rows.length) return h('p', { class: 'muted' }, t('checklist.empty'));
  return h(
    'ul',
    { class: 'checklist', id: 'checklist' },
    rows.map(([a, ok]) =>
      h('li', { class: ok ? 'present' : 'missing' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), label('attachment', a), h('span', { class: 'sr-only' }, ok ? ` (${t('checklist.present')})` : ` (${t('checklist.missing')})`)),
    ),
  );
}

export async function disputePage(main, { params, isCurrent }) {
  startPage(main, t('dispute.title'));
  const body = h('div', null, loading());
  main.append(body);
  const id = encodeURIComponent(params.id);
  let item;
  try {
    item = await get(`/api/v1/disputes/${id}`);
  } catch (err) {
    if (isCurrent()) replace(body, failure(err, { notAvailable: true }));
    return;
  }
  const events = await get(`/api/v1/disputes/${id}/events`).catch(() => null);
  if (!isCurrent()) return;
  const title = `${t('dispute.title')} ${nameOf('dispute', item)}`;
  setTitle(title);
  main.querySelector('h1').textContent = title;
  const [kiName, respondentName, staff] = await Promise.all([orgName(item.ki), orgName(item.respondent), item.mediator ? commissioners().catch(() => []) : []]);
  // The mediator by name (the KI's staff list); the record keeps the username.
  const mediator = item.mediator ? (staff.find(([username]) => username === item.mediator) || [null, item.mediator])[1] : null;
  const rerender = () => disputePage(main, { params, isCurrent });
  const rep = item.representative;
  // The case file: the handling KI's staff write (docs/documents.md "Endpoints"); the checklist below
  // follows it (an item present because a document is attached says so).
  const user = currentUser();
  const canWrite = hasRole('ki_admin', 'registrar', 'commissioner') && !!user && !!user.organisation && user.organisation.code === item.ki;
  const checklistBox = h('div', { class: 'checklist-box' }, checklist(item));
  const actionsBox = h('div', { class: 'actions-box' }, actionBar(item, `/api/v1/disputes/${id}`, rerender));
  let current = item;
  const panel = documentsPanel(`/api/v1/disputes/${id}`, {
    canWrite,
    onData: async (data, changed) => {
      if (changed) current = await get(`/api/v1/disputes/${id}`).catch(() => current);
      if (!isCurrent()) return;
      replace(checklistBox, documentsChecklist(current, data, panel, { canWrite }));
      // The action forms offer checklist items by what is present: fresh ones, unless a form is open.
      if (changed && current !== item && !actionsBox.querySelector('form')) replace(actionsBox, actionBar(current, `/api/v1/disputes/${id}`, rerender));
    },
  });
  replace(
    body,
    h(
      'div',
      { class: 'case-status' },
      stateBadge('dispute', item.state),
      item.outcome ? h('span', { class: 'badge outcome' }, label('outcome', item.outcome)) : null,
      h('p', { class: 'awaiting', id: 'awaiting' }, h('strong', null, `${t('case.awaiting')}: `), awaitingText(item.awaiting)),
      item.jurisdiction_flag ? h('p', { class: 'alert warning' }, t('dispute.jurisdiction_flag')) : null,
    ),
    section(t('case.actions'), actionsBox),
    section(t('case.deadlines'), deadlineList(item.deadlines)),
    ['submitted', 'incomplete'].includes(item.state) || item.filing_timely !== undefined
      ? section(t('intake.assessment'), h('h3', null, t('timely.title')), timeliness(item), h('h3', null, t('checklist.title')), checklistBox)
      : null,
    section(
      t('case.parties'),
      h('h3', null, t('dispute.applicant')),
      applicantFacts(item.applicant),
      rep ? [h('h3', null, t('dispute.representative')), applicantFacts(rep)] : null,
      h('h3', null, t('dispute.respondent')),
      h('p', null, respondentName),
      h('h3', null, t('dispute.ki')),
      h('p', null, kiName),
    ),
    section(
      t('dispute.details'),
      facts([
        [t('dispute.submitted_at'), item.submitted_at ? formatInstant(item.submitted_at) : null],
        [t('dispute.registered_at'), item.registered_at ? formatInstant(item.registered_at) : null],
        // The day the decision became final (berkekuatan hukum tetap): the compliance clocks run from it.
        [t('dispute.final_on'), item.final_on ? formatDateLong(item.final_on) : null],
        [t('dispute.grounds'), (item.grounds || []).map((g) => `${g}. ${t(`ground.${g}`)}`).join('; ')],
        [t('request.information'), item.information_requested],
        [t('dispute.reasons'), item.reasons],
        [t('dispute.petitum'), (item.petitum || []).length ? h('ol', null, item.petitum.map((p) => h('li', null, p))) : null],
        [t('dispute.mediator'), mediator],
        [t('dispute.request'), item.request_id ? fillName(h('a', { href: `#/requests/${encodeURIComponent(item.request_id)}` }), 'request', item.request_id) : null],
        [t('request.ruleset'), item.ruleset ? label('ruleset', item.ruleset) : null],
      ]),
    ),
    section(t('documents.title'), panel.el),
    section(t('case.hearings'), hearingsList(item.hearings)),
    section(t('case.decision'), decisionView(item.decision)),
    section(t('court.title'), courtStage(item)),
    section(t('letters.title'), lettersPanel(`/api/v1/disputes/${encodeURIComponent(params.id)}`)),
    section(t('notices.case_title'), noticesPanel(`/api/v1/disputes/${encodeURIComponent(params.id)}`)),
    section(t('case.timeline'), timeline(events)),
  );
}
