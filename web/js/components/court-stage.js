// A dispute's decision copies (served and received, per party) and its court stage: each party's
// objection per instance and each court's decision (docs/deadlines.md "Receipt facts", "Court stage").
import { h } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';

const list = (title, items, line) => (items.length ? [h('h3', null, title), h('ul', { class: 'court-stage' }, items.map((x) => h('li', null, ...line(x))))] : null);

export function courtStage(item) {
  const services = item.services || [];
  const objections = item.court_objections || [];
  const decisions = item.court_decisions || [];
  if (!services.length && !objections.length && !decisions.length) return h('p', { class: 'muted' }, t('court.none'));
  return h(
    'div',
    null,
    list(t('court.copies'), services, (s) => [
      h('strong', null, label('party', s.party)),
      ` — ${t('court.served')} ${formatInstant(s.served_at)} · `,
      s.delivered_at ? `${t('court.received')} ${formatInstant(s.delivered_at)}` : t('court.presumed'),
    ]),
    list(t('court.objections'), objections, (o) => [
      h('strong', null, label('party', o.party)),
      ` — ${label('instance', o.instance)} · ${formatInstant(o.filed_at)} · ${o.court}${o.case_number ? ` · ${o.case_number}` : ''}`,
      o.after_window ? h('span', { class: 'badge overdue' }, ` ⚠ ${t('court.after_window')}`) : null,
    ]),
    list(t('court.decisions'), decisions, (d) => [
      h('strong', null, label('instance', d.instance)),
      ` — ${formatInstant(d.decided_at)}${d.court ? ` · ${d.court}` : ''}${d.case_number ? ` · ${d.case_number}` : ''} · ${d.result}`,
    ]),
  );
}
