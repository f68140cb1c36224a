// Timeline of a case's audit events (GET .../events): when, who, what, and the payload's plain fields.
import { h } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';

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
    .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${v}`)
    .concat(Object.entries(p).filter(([, v]) => Array.isArray(v) && v.every((x) => typeof x !== 'object')).map(([k, v]) => `${k}: ${v.join(', ')}`))
    .join(' · ');
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
        h('span', { class: 'what' }, label('action', e.action || e.kind)),
        e.actor ? h('span', { class: 'who' }, typeof e.actor === 'object' ? e.actor.display_name || e.actor.username : e.actor) : null,
        payloadText(e.payload) ? h('span', { class: 'payload' }, payloadText(e.payload)) : null,
      ),
    ),
  );
}
