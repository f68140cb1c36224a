// Timeline of a case's audit events (GET .../events): when, who, what, and the payload's plain fields.
import { h } from '../dom.js';
import { t, label, formatDate, formatInstant, pickLang, readable } from '../i18n.js';

// Keys that are bookkeeping rather than news (codes, sequence numbers, false flags are dropped below);
// `complete` and a moved clock's key and dates are told in words by payloadText.
const hiddenKeys = new Set(['ki', 'respondent', 'register_seq', 'hearing_id', 'ruleset_version', 'ruleset_reason', 'majelis', 'basis', 'request_id', 'dispute_id', 'from_state', 'complete', 'key', 'from', 'to']);
const labelled = { deadline: 'deadline', outcome: 'outcome', decision: 'decision', kind: 'hearing', channel: 'channel', ruleset: 'ruleset', party: 'party', instance: 'instance', document: 'document' };
// Lists of codes and the dictionary that names them.
const listLabelled = { missing: 'attachment', attachments: 'attachment', present: 'attachment', grounds: 'ground' };
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const date = /^\d{4}-\d{2}-\d{2}$/;

// A list's member: an order's text, or a party's receipt ("Pemohon 23 Feb 2024 08.00").
function objectText(x) {
  if (x.party && x.delivered_at) return `${label('party', x.party)} ${formatInstant(x.delivered_at)}`;
  return x.text || '';
}

function valueText(key, v) {
  if (typeof v === 'boolean') return v ? t('timeline.yes') : null;
  if (Array.isArray(v)) {
    const parts = v.map((x) => (x && typeof x === 'object' ? objectText(x) : listLabelled[key] ? label(listLabelled[key], x) : readable(x))).filter(Boolean);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof v === 'object') return null;
  const s = String(v);
  if (key === 'extra_days') return t('timeline.working_days', { n: s });
  if (labelled[key]) return label(labelled[key], s);
  if (instant.test(s)) return formatInstant(s);
  return readable(s);
}

/** A clock's name: "Batas keberatan ke pengadilan (Pemohon)" for `court_objection:applicant`. */
export function deadlineName(key) {
  const [base, party] = String(key || '').split(':');
  return `${label('deadline', base)}${party ? ` (${/^\d+$/.test(party) ? party : label('party', party)})` : ''}`;
}

/** What the payload says in words before its plain facts: a moved clock, the file's completeness. */
function storyText(p) {
  const out = [];
  if (p.key && p.from && p.to) out.push(t('timeline.moved', { name: deadlineName(p.key), from: formatDate(p.from), to: formatDate(p.to) }));
  if (p.complete === true) out.push(t('timeline.file_complete'));
  if (p.complete === false) out.push(t('timeline.file_incomplete'));
  return out;
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
  const facts = Object.entries(p)
    .filter(([k, v]) => !hiddenKeys.has(k) && v !== null && v !== '' && v !== false && !(Array.isArray(v) && !v.length))
    // A calendar change's reason is the server's bilingual sentence; what people typed stays whole.
    .map(([k, v]) => [k, p.key && k === 'reason' ? pickLang(v) : valueText(k, v)])
    .filter(([, v]) => v)
    .map(([k, v]) => `${label('field', k)}: ${v}`);
  return storyText(p).concat(facts).join(' · ');
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
