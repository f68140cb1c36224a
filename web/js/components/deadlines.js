// Deadlines with their "why this date" explanation: rule set, legal source and confidence, deemed
// receipt, and every skipped day with its reason (deadline.explanation = the calculator's answer, docs/deadlines.md).
import { h } from '../dom.js';
import { t, label, formatDate, formatDateLong, formatInstant, currentLang, pickLang } from '../i18n.js';
import { countdown } from './badges.js';

function row(term, ...value) {
  return [h('dt', null, term), h('dd', null, ...value)];
}

export function skippedTable(skipped) {
  if (!skipped || !skipped.length) return h('p', { class: 'muted' }, t('explain.no_skipped'));
  return h(
    'table',
    { class: 'table compact skipped' },
    h('caption', null, t('explain.skipped_caption', { n: skipped.length })),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('explain.date')), h('th', { scope: 'col' }, t('explain.reason')))),
    h(
      'tbody',
      null,
      skipped.map((d) =>
        h(
          'tr',
          { class: `skip-${d.reason}` },
          h('td', null, formatDateLong(d.date)),
          h(
            'td',
            null,
            label('reason', d.reason),
            d.name || d.name_en ? ` — ${currentLang() === 'en' && d.name_en ? d.name_en : d.name}` : null,
          ),
        ),
      ),
    ),
  );
}

/** The explanation as a definition list plus the skipped-days table. */
export function explanation(e) {
  if (!e) return h('p', { class: 'muted' }, t('explain.none'));
  const items = [];
  if (e.ruleset) items.push(row(t('explain.ruleset'), label('ruleset', e.ruleset), e.ruleset_version ? ` (v${e.ruleset_version})` : ''));
  if (e.period) items.push(row(t('explain.period'), label('period', e.period)));
  if (e.legal_source) items.push(row(t('explain.legal_source'), e.legal_source));
  if (e.confidence) items.push(row(t('explain.confidence'), h('span', { class: `confidence ${e.confidence}` }, label('confidence', e.confidence))));
  if (e.value_origin && e.value_origin !== 'caller') items.push(row(t('explain.value_origin'), label('origin', e.value_origin)));
  if (e.note) items.push(row(t('explain.note'), pickLang(e.note)));
  if (e.start_event) items.push(row(t('explain.start_event'), label('event', e.start_event)));
  if (e.start_basis) items.push(row(t('explain.start_basis'), label('basis', e.start_basis)));
  if (e.received_at) items.push(row(t('explain.received_at'), formatInstant(e.received_at)));
  if (e.receipt_date) items.push(row(t('explain.receipt_date'), formatDateLong(e.receipt_date)));
  if (e.deemed_received) {
    items.push(row(t('explain.deemed_received'), formatDateLong(e.deemed_received), ' — ', label('deemed', e.deemed_reason)));
  }
  if (e.receipt_closure) {
    items.push(row(t('explain.receipt_closure'), label('reason', e.receipt_closure.reason), e.receipt_closure.name ? ` — ${e.receipt_closure.name}` : ''));
  }
  const total = e.total_days ?? e.days;
  items.push(
    row(
      t('explain.count'),
      t('explain.count_value', { n: total, unit: label('unit', e.unit) }),
      e.extension_days ? ` (${t('explain.extension', { n: e.extension_days })})` : '',
    ),
  );
  if (e.rolled_from) items.push(row(t('explain.rolled_from'), formatDateLong(e.rolled_from.date), ' — ', label('reason', e.rolled_from.reason)));
  if (e.due) items.push(row(t('explain.due'), h('strong', null, formatDateLong(e.due))));
  return h('div', { class: 'explanation' }, h('dl', { class: 'facts' }, items), skippedTable(e.skipped));
}

/** One deadline as a card with its countdown and a disclosure "why this date?". */
export function deadlineCard(d) {
  return h(
    'li',
    { class: `deadline status-${d.status}`, 'data-key': d.key },
    h(
      'div',
      { class: 'deadline-head' },
      h('span', { class: 'deadline-name' }, label('deadline', d.key.split(':')[0]), d.key.includes(':') ? ` (${label('party', d.key.split(':')[1])})` : ''),
      h('span', { class: 'deadline-due' }, formatDateLong(d.due)),
      h('span', { class: `badge status ${d.status}` }, label('dstatus', d.status)),
      d.status === 'pending' ? countdown(d) : d.met_on ? h('span', { class: 'muted' }, t('deadline.met_on', { date: formatDate(d.met_on) })) : null,
    ),
    h('details', { class: 'why' }, h('summary', null, t('explain.why')), explanation(d.explanation)),
  );
}

export function deadlineList(deadlines) {
  if (!deadlines || !deadlines.length) return h('p', { class: 'muted' }, t('deadline.none'));
  return h('ul', { class: 'deadlines' }, deadlines.map(deadlineCard));
}
