// Timeline of a case's audit events (GET .../events): when, who, what, and the payload's plain fields.
import { h } from '../dom.js';
import { t, label, formatDate, formatInstant } from '../i18n.js';

// Keys that are bookkeeping rather than news (codes, sequence numbers, false flags are dropped below).
const hiddenKeys = new Set(['ki', 'respondent', 'register_seq', 'hearing_id', 'ruleset_version', 'ruleset_reason', 'majelis', 'basis']);
const labelled = { deadline: 'deadline', outcome: 'outcome', decision: 'decision', kind: 'hearing', channel: 'channel', ruleset: 'ruleset', party: 'party' };
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const date = /^\d{4}-\d{2}-\d{2}$/;

function valueText(key, v) {
  if (typeof v === 'boolean') return v ? t('timeline.yes') : null;
  if (Array.isArray(v)) {
    const parts = v.map((x) => (x && typeof x === 'object' ? x.text || '' : String(x))).filter(Boolean);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof v === 'object') return null;
  const s = String(v);
  if (labelled[key]) return label(labelled[key], s);
  if (instant.test(s)) return formatInstant(s);
  if (date.test(s)) return formatDate(s);
  return s;
}

/** The payload's plain facts as "name: value" in the current language; technical keys left out. */
function payloadText(payload) {
  let p = payload;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      return p;
    }
  }
  if (!p || typeof p !== 'object') return '';
  return Object.entries(p)
    .filter(([k, v]) => !hiddenKeys.has(k) && v !== null && v !== '' && v !== false)
    .map(([k, v]) => [k, valueText(k, v)])
    .filter(([, v]) => v)
    .map(([k, v]) => `${label('field', k)}: ${v}`)
    .join(' · ');
}

/** A recorded event by its noun ("Perpanjangan"); the verb of the action's button when none is written. */
function eventName(action) {
  const noun = t(`record.${action}`);
  return noun === `record.${action}` ? label('action', action) : noun;
}

export function timeline(events) {
  const items = events && Array.isArray(events.items) ? events.items : Array.isArray(events) ? events : null;
  if (!items) return h('p', { class: 'muted' }, t('timeline.unavailable'));
  if (!items.length) return h('p', { class: 'muted' }, t('timeline.empty'));
  return h(
    'ol',
    { class: 'timeline' },
    items.map((e) =>
      h(
        'li',
        null,
        h('span', { class: 'when' }, formatInstant(e.at || e.time || e.occurred_at || e.created_at)),
        h('span', { class: 'what' }, eventName(e.action || e.kind)),
        // The API gives the actor as an opaque user id; only a named actor is worth showing.
        e.actor && typeof e.actor === 'object' ? h('span', { class: 'who' }, e.actor.display_name || e.actor.username) : null,
        payloadText(e.payload) ? h('span', { class: 'payload' }, payloadText(e.payload)) : null,
      ),
    ),
  );
}
