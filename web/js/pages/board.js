// Deadline board (papan tenggat): the open requests and disputes of the user's organisation (for a PPID:
// its requests and the disputes against its office), ordered by the due date of what is awaited, with
// working days remaining; overdue rows are marked in words and colour.
import { nameOf } from '../case-names.js';
import { h, replace } from '../dom.js';
import { t, label, formatDate } from '../i18n.js';
import { get } from '../api.js';
import { field } from '../forms.js';
import { go } from '../router.js';
import { isPpid, isKiStaff, currentUser } from '../session.js';
import { startPage, loading, failure } from '../page.js';
import { stateBadge, nextDeadline, countdown, urgency, awaitingText } from '../components/badges.js';
import { loadOrgs } from '../orgs.js';

export const requestStates = ['received', 'extended', 'answered', 'objected', 'objection_answered', 'closed', 'disputed'];
export const disputeStates = ['submitted', 'incomplete', 'registered', 'preliminary_examination', 'mediation', 'adjudication', 'decided', 'court_objection', 'final', 'closed'];
const closedStates = { request: ['closed', 'disputed'], dispute: ['closed'] };

/** Loads one kind's list; a 404 means that part of the API is not offered yet. */
export async function loadList(kind, query) {
  const path = kind === 'request' ? '/api/v1/requests' : '/api/v1/disputes';
  try {
    const r = await get(path, { limit: 500, ...query });
    return { kind, items: ((r && r.items) || []).map((item) => ({ ...item, _kind: kind })) };
  } catch (err) {
    return { kind, error: err };
  }
}

/** The respondent bodies the caller can see cases of: a PPID its own office, KI staff the bodies of their KI. */
export function visibleRespondents(orgs, user) {
  const own = user && user.organisation && user.organisation.code;
  if (isKiStaff()) {
    const competent = orgs.filter((o) => o.kind !== 'ki' && o.competent_ki === own);
    return competent.length ? competent : orgs.filter((o) => o.kind !== 'ki');
  }
  return orgs.filter((o) => o.code === own);
}

export function byNextDue(a, b) {
  const da = nextDeadline(a);
  const db = nextDeadline(b);
  if (!da && !db) return 0;
  if (!da) return 1;
  if (!db) return -1;
  return da.due < db.due ? -1 : da.due > db.due ? 1 : 0;
}

function itemLink(item) {
  const id = encodeURIComponent(item.id);
  const text = nameOf(item._kind, item);
  return h('a', { href: `#/${item._kind === 'request' ? 'requests' : 'disputes'}/${id}` }, text);
}

export function boardTable(items, orgs, caption) {
  const name = (code) => (orgs.find((o) => o.code === code) || {}).name || code || '—';
  const th = (text) => h('th', { scope: 'col' }, text);
  return h(
    'table',
    { class: 'table board', id: 'board-table' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', null, h('tr', null, th(t('board.col.due')), th(t('board.col.number')), th(t('board.col.kind')), th(t('board.col.applicant')), th(t('board.col.respondent')), th(t('board.col.state')), th(t('board.col.awaiting')))),
    h(
      'tbody',
      null,
      items.map((item) => {
        const d = nextDeadline(item);
        const u = urgency(d);
        return h(
          'tr',
          { class: `row-${u}`, 'data-urgency': u },
          h('td', { 'data-label': t('board.col.due') }, d ? [h('span', { class: 'due-date' }, formatDate(d.due)), ' ', countdown(d)] : h('span', { class: 'muted' }, '—')),
          h('th', { scope: 'row', 'data-label': t('board.col.number') }, itemLink(item)),
          h('td', { 'data-label': t('board.col.kind') }, t(`kind.${item._kind}`)),
          h('td', { 'data-label': t('board.col.applicant') }, (item.applicant && item.applicant.name) || item.applicant_name || '—'),
          h('td', { 'data-label': t('board.col.respondent') }, name(item.respondent)),
          h('td', { 'data-label': t('board.col.state') }, stateBadge(item._kind, item.state)),
          h('td', { 'data-label': t('board.col.awaiting') }, item.awaiting === undefined ? '—' : awaitingText(item.awaiting, { withDue: false })),
        );
      }),
    ),
  );
}

export async function boardPage(main, { query, isCurrent }) {
  startPage(main, t('board.title'), t('board.intro'));
  const kinds = [];
  // Case files are for the case staff only (docs/security.md): a sysadmin administers, it reads no cases.
  // A PPID sees its requests and the disputes against its office (GET /api/v1/disputes scopes them).
  if (isPpid()) kinds.push('request', 'dispute');
  else if (isKiStaff()) kinds.push('dispute');
  if (!kinds.length) {
    main.append(h('p', { class: 'alert info' }, t('board.no_kinds')));
    return;
  }
  const orgs = await loadOrgs();
  const stateOptions = [];
  if (kinds.includes('request')) requestStates.forEach((s) => stateOptions.push([s, `${label('state.request', s)} (${t('kind.request')})`]));
  if (kinds.includes('dispute')) disputeStates.forEach((s) => stateOptions.push([s, `${label('state.dispute', s)} (${t('kind.dispute')})`]));
  const current = Object.fromEntries(query.entries());
  const filters = h(
    'form',
    { class: 'filters card', role: 'search', 'aria-label': t('board.filters'), id: 'board-filters' },
    field({ name: 'q', type: 'search', label: t('board.search'), value: current.q || '' }),
    field({ name: 'state', type: 'select', label: t('board.state'), options: stateOptions, value: current.state || '', placeholder: t('board.open_only') }),
    field({ name: 'respondent', type: 'select', label: t('board.respondent'), options: visibleRespondents(orgs, currentUser()).map((o) => [o.code, o.name]), value: current.respondent || '', placeholder: t('board.all') }),
    isKiStaff() ? field({ name: 'ki', type: 'select', label: t('board.ki'), options: orgs.filter((o) => o.kind === 'ki').map((o) => [o.code, o.name]), value: current.ki || '', placeholder: t('board.all') }) : null,
    field({ name: 'overdue', type: 'checkbox', label: t('board.overdue_only'), value: current.overdue === 'true' }),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button primary' }, t('board.apply')), h('a', { class: 'button', href: '#/board' }, t('board.reset'))),
  );
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(filters);
    go('/board', { q: fd.get('q'), state: fd.get('state'), respondent: fd.get('respondent'), ki: fd.get('ki'), overdue: fd.get('overdue') ? 'true' : '' });
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loading());
  main.append(filters, results);

  const apiQuery = { q: current.q, state: current.state, respondent: current.respondent, overdue: current.overdue };
  const shown = kinds.filter((k) => !current.state || (k === 'request' ? requestStates : disputeStates).includes(current.state));
  const queryOf = (k, q) => (k === 'dispute' ? { ...q, ki: current.ki } : q);
  // "N melewati tenggat" counts what the overdue filter shows: the same lists asked with overdue=true.
  const [lists, overdueLists] = await Promise.all([
    Promise.all(shown.map((k) => loadList(k, queryOf(k, apiQuery)))),
    current.overdue === 'true' ? null : Promise.all(shown.map((k) => loadList(k, queryOf(k, { ...apiQuery, overdue: 'true' })))),
  ]);
  if (!isCurrent()) return;
  const notices = [];
  let items = [];
  for (const l of lists) {
    if (l.error) notices.push(h('div', null, h('h2', { class: 'h3' }, t(`kind.${l.kind}.plural`)), failure(l.error, { notAvailable: true })));
    else items = items.concat(l.items.filter((i) => current.state || !closedStates[l.kind].includes(i.state)));
  }
  const overdueKeys = new Set((overdueLists || lists).flatMap((l) => (l.items || []).map((i) => `${i._kind}:${i.id}`)));
  // The registrar's intake queue first: disputes not registered yet, then everything by next due date.
  const unregistered = (i) => (i._kind === 'dispute' && !i.register_number && i.state === 'submitted' ? 0 : 1);
  items.sort((a, b) => unregistered(a) - unregistered(b) || byNextDue(a, b));
  const overdue = items.filter((i) => overdueKeys.has(`${i._kind}:${i.id}`)).length;
  replace(
    results,
    notices,
    lists.some((l) => !l.error)
      ? [
          h('p', { class: 'summary', id: 'board-summary' }, t('board.summary', { n: items.length }), overdue ? h('strong', { class: 'overdue-text' }, ` ${t('board.summary_overdue', { n: overdue })}`) : null),
          items.length ? boardTable(items, orgs, t('board.title')) : h('p', { class: 'empty' }, t('board.empty')),
        ]
      : null,
  );
}
