// A case's hearings and decision as both the case page and the public status page show them (a
// component of its own, so the public page does not load the case page's module).
import { h } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export function hearingsList(hearings) {
  if (!hearings || !hearings.length) return h('p', { class: 'muted' }, t('hearing.none'));
  return h(
    'ul',
    { class: 'hearings' },
    hearings.map((x) =>
      h(
        'li',
        null,
        h('strong', null, formatInstant(x.scheduled_at)),
        ' — ',
        label('hearing', x.kind),
        x.location ? ` · ${x.location}` : '',
        x.online_link ? ` · ${t('hearing.online')}` : '',
        x.ki ? ` · ${x.ki}` : '',
        x.register_number ? ` · ${x.register_number}` : '',
        x.warning_after_deadline ? h('span', { class: 'badge overdue' }, ` ⚠ ${t('hearing.after_deadline')}`) : null,
      ),
    ),
  );
}

export function decisionView(d) {
  if (!d) return h('p', { class: 'muted' }, t('decision.none'));
  const orders = d.orders || [];
  return h(
    'div',
    { class: 'decision' },
    facts([
      [t('decision.number'), d.decision_number || d.number],
      [t('decision.outcome'), label('outcome', d.outcome)],
      [t('decision.read_at'), d.read_at ? formatInstant(d.read_at) : null],
    ]),
    orders.length
      ? h('ol', { class: 'orders' }, orders.map((o) => h('li', null, typeof o === 'string' ? o : o.text, o.due_days ? ` (${t('decision.due_days', { n: o.due_days })})` : '')))
      : null,
  );
}
