// A dispute's decision copies (served and received, per party) and its court stage: each party's
// objection per instance and each court's decision (docs/deadlines.md "Receipt facts", "Court stage").
import { h } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';

const list = (title, items, line) => (items.length ? [h('h3', null, title), h('ul', { class: 'court-stage' }, items.map((x) => h('li', null, ...line(x))))] : null);

// Each party's receipt of the first-instance decision: its cassation window runs from it, or from the
// pronouncement when it is not recorded.
const parties = ['applicant', 'respondent'];
function receipt(decision, party) {
  const got = (decision.deliveries || []).find((x) => x.party === party);
  return [h('strong', null, label('party', party)), ` — ${got ? `${t('court.received')} ${formatInstant(got.delivered_at)}` : t('court.presumed_pronounced')}`];
}

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
      d.instance === 'first_instance' ? h('ul', { class: 'court-receipts' }, parties.map((p) => h('li', null, receipt(d, p)))) : null,
    ]),
  );
}
