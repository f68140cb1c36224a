// PPID inbox (kotak masuk PPID): requests awaiting the PPID's answer, objections awaiting the atasan
// PPID, each with its countdown and the forms to answer, extend, record an objection or answer it. An
// objection shows its grounds, its text and the PPID's answer it contests, so the atasan decides here.
import { h, replace } from '../dom.js';
import { t, label, formatDate, formatInstant } from '../i18n.js';
import { hasRole } from '../session.js';
import { startPage, loading, failure } from '../page.js';
import { loadList, byNextDue } from './board.js';
import { stateBadge, nextDeadline, countdown, urgency, awaitingText } from '../components/badges.js';
import { actionBar } from '../components/actions.js';

export function inboxStates() {
  const states = [];
  if (hasRole('ppid')) states.push('received', 'extended', 'answered');
  if (hasRole('ppid_superior')) states.push('objected');
  return states;
}

/** The objection (grounds by name, its text) and the PPID's answer it contests; nothing without an objection. */
function objectionFacts(item) {
  const o = item.objection;
  if (!o) return null;
  const r = item.response;
  const dd = (text) => h('dd', { class: 'prose' }, text || t('inbox.none_given'));
  return h(
    'section',
    { class: 'objection-facts', 'aria-label': t('inbox.objection') },
    h('h3', { class: 'h4' }, t('inbox.objection')),
    h(
      'dl',
      { class: 'facts compact' },
      h('dt', null, t('inbox.objection_received')), h('dd', null, formatInstant(o.received_at)),
      h('dt', null, t('inbox.grounds')),
      h('dd', null, (o.grounds || []).length ? h('ul', { class: 'grounds' }, o.grounds.map((g) => h('li', null, label('ground', g)))) : '—'),
      h('dt', null, t('inbox.objection_text')), dd(o.reasons),
    ),
    h('h3', { class: 'h4' }, t('inbox.ppid_answer')),
    r
      ? h(
          'dl',
          { class: 'facts compact ppid-answer' },
          h('dt', null, t('inbox.decision')), h('dd', null, label('decision', r.decision)),
          h('dt', null, t('inbox.answered_at')), h('dd', null, formatInstant(r.responded_at)),
          h('dt', null, t('inbox.reasons')), dd(r.reasons),
        )
      : h('p', { class: 'ppid-answer' }, t('inbox.no_answer')),
  );
}

function inboxCard(item, rerender) {
  const d = nextDeadline(item);
  const id = encodeURIComponent(item.id);
  return h(
    'li',
    { class: `card inbox-item row-${urgency(d)}`, 'data-id': item.id },
    h(
      'div',
      { class: 'inbox-head' },
      h('h2', { class: 'h3' }, h('a', { href: `#/requests/${id}` }, item.number || item.id)),
      stateBadge('request', item.state),
      h('span', { class: 'inbox-due' }, d ? `${t('board.col.due')}: ${formatDate(d.due)} ` : '', countdown(d)),
    ),
    h(
      'dl',
      { class: 'facts compact' },
      h('dt', null, t('request.applicant')), h('dd', null, (item.applicant && item.applicant.name) || item.applicant_name || '—'),
      h('dt', null, t('request.received_at')), h('dd', null, formatInstant(item.received_at)),
      h('dt', null, t('request.information')), h('dd', { class: 'clamp' }, item.information_requested || '—'),
      h('dt', null, t('board.col.awaiting')), h('dd', null, awaitingText(item.awaiting)),
    ),
    objectionFacts(item),
    actionBar(item, `/api/v1/requests/${id}`, rerender),
  );
}

export async function inboxPage(main, { isCurrent }) {
  startPage(main, t('inbox.title'), t('inbox.intro'));
  const results = h('div', { class: 'results' }, loading());
  main.append(results);
  const render = async () => {
    const list = await loadList('request', {});
    if (!isCurrent()) return;
    if (list.error) {
      replace(results, failure(list.error, { notAvailable: true }));
      return;
    }
    const states = inboxStates();
    const items = list.items.filter((i) => states.includes(i.state)).sort(byNextDue);
    replace(
      results,
      h('p', { class: 'summary' }, t('inbox.summary', { n: items.length })),
      items.length ? h('ul', { class: 'inbox' }, items.map((i) => inboxCard(i, render))) : h('p', { class: 'empty' }, t('inbox.empty')),
    );
  };
  await render();
}
