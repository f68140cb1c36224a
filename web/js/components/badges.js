// Small status pieces: state badge, countdown badge (overdue is red, bold and says so in words, never by
// colour alone), and the "next deadline" of an item.
import { h } from '../dom.js';
import { t, label, daysText, formatDate } from '../i18n.js';

export function stateBadge(kind, state) {
  return h('span', { class: `badge state state-${state}` }, label(`state.${kind}`, state));
}

/** What the case waits for as a list: requests send one {party, action, due}, disputes a list of
 * {who, what, deadline_key, due}; both become [{party, action, key, due}]. */
export function awaitingList(awaiting) {
  if (!awaiting) return [];
  const list = Array.isArray(awaiting) ? awaiting : [awaiting];
  return list
    .map((a) => ({ party: a.party || a.who, action: a.action || a.what, key: a.deadline_key || null, due: a.due || null }))
    .filter((a) => a.party && a.party !== 'none');
}

/**
 * The deadline that matters now: the one the case is awaiting (a missed one stays there, overdue), else
 * the running deadline due first, else null.
 */
export function nextDeadline(item) {
  // A dispute of the list (GET /api/v1/disputes) carries its earliest open clock as next_due, overdue
  // and days_remaining (working days, counted by the server as on the case page).
  if (!Array.isArray(item.deadlines)) {
    if (!item.next_due) return null;
    return { key: null, due: item.next_due, status: item.overdue ? 'missed' : 'pending', days_remaining: item.days_remaining ?? null };
  }
  const live = (item.deadlines || []).filter((d) => (d.status === 'pending' || d.status === 'missed') && d.due);
  live.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  for (const a of awaitingList(item.awaiting)) {
    const match = live.find((d) => (a.key ? d.key === a.key : true) && d.due === a.due);
    if (match) return match;
  }
  return live.find((d) => d.status === 'pending') || null;
}

export function urgency(deadline) {
  if (!deadline) return 'none';
  if (deadline.status === 'missed') return 'overdue';
  const n = deadline.days_remaining;
  if (n === null || n === undefined) return 'none';
  if (n < 0) return 'overdue';
  if (n <= 1) return 'soon';
  return 'ok';
}

export function countdown(deadline) {
  if (!deadline) return h('span', { class: 'countdown none' }, '—');
  const u = urgency(deadline);
  let text;
  if (deadline.status === 'missed' && (deadline.days_remaining === null || deadline.days_remaining === undefined)) {
    text = t('deadline.missed');
  } else {
    text = daysText(deadline.days_remaining, deadline.status);
  }
  return h(
    'span',
    { class: `countdown ${u}` },
    u === 'overdue' ? h('span', { class: 'icon', 'aria-hidden': 'true' }, '⚠ ') : null,
    text,
  );
}

/** Who must act: an objection is answered by the atasan PPID, not by the PPID whose answer it contests. */
function partyName(party, action) {
  if (party === 'respondent' && action === 'answer_objection') return label('party', 'ppid_superior');
  return label('party', party);
}

/** "Party: action — by date", one line per awaited step ("serve_copy:applicant" names the party). */
export function awaitingText(awaiting, { withDue = true } = {}) {
  const list = awaitingList(awaiting);
  if (!list.length) return t('awaiting.none');
  return list
    .map((a) => {
      const [action, party] = String(a.action || '').split(':');
      let s = partyName(a.party, action);
      if (action) s += `: ${label('action', action)}${party ? ` (${label('party', party)})` : ''}`;
      if (a.due && withDue) s += ` — ${t('awaiting.by', { date: formatDate(a.due) })}`;
      return s;
    })
    .join('; ');
}
