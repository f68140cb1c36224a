// Small status pieces: state badge, countdown badge (overdue is red, bold and says so in words, never by
// colour alone), and the "next deadline" of an item.
import { h } from '../dom.js';
import { t, label, daysText, formatDate } from '../i18n.js';

export function stateBadge(kind, state) {
  return h('span', { class: `badge state state-${state}` }, label(`state.${kind}`, state));
}

/** The pending deadline due first, or null. */
export function nextDeadline(item) {
  const pending = (item.deadlines || []).filter((d) => d.status === 'pending' && d.due);
  pending.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  if (item.awaiting && item.awaiting.due) {
    const match = pending.find((d) => d.due === item.awaiting.due);
    if (match) return match;
  }
  return pending[0] || null;
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
  const text =
    deadline.status === 'missed' && (deadline.days_remaining === null || deadline.days_remaining === undefined)
      ? t('deadline.missed')
      : daysText(deadline.days_remaining, deadline.status);
  return h(
    'span',
    { class: `countdown ${u}` },
    u === 'overdue' ? h('span', { class: 'icon', 'aria-hidden': 'true' }, '⚠ ') : null,
    text,
  );
}

export function awaitingText(awaiting) {
  if (!awaiting || !awaiting.party) return t('awaiting.none');
  const parts = [label('party', awaiting.party)];
  if (awaiting.action) parts.push(label('action', awaiting.action));
  let s = parts.join(': ');
  if (awaiting.due) s += ` — ${t('awaiting.by', { date: formatDate(awaiting.due) })}`;
  return s;
}
