// Published decisions (GET /api/v1/public/decisions?ki=&year=).
import { h, replace } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { field, todayIso } from '../forms.js';
import { go } from '../router.js';
import { startPage, loading, failure } from '../page.js';
import { loadOrgs } from '../orgs.js';
import { filterForm } from './public-hearings.js';

export async function publicDecisionsPage(main, { query, isCurrent }) {
  startPage(main, t('public.decisions_title'), t('public.decisions_intro'));
  const year = query.get('year') || todayIso().slice(0, 4);
  const ki = query.get('ki') || '';
  const orgs = await loadOrgs();
  main.append(
    filterForm(
      'decisions-filters',
      [
        field({ name: 'year', type: 'number', label: t('public.year'), value: year, min: 2010, max: 2100 }),
        field({ name: 'ki', type: 'select', label: t('board.ki'), value: ki, placeholder: t('board.all'), options: orgs.filter((o) => o.kind === 'ki').map((o) => [o.code, o.name]) }),
      ],
      (q) => go('/public/decisions', q),
    ),
  );
  const out = h('div', { 'aria-live': 'polite' }, loading());
  main.append(out);
  try {
    const r = await get('/api/v1/public/decisions', { year, ki });
    if (!isCurrent()) return;
    const items = (r && r.items) || [];
    if (!items.length) {
      replace(out, h('p', { class: 'empty' }, t('public.no_decisions')));
      return;
    }
    const th = (x) => h('th', { scope: 'col' }, x);
    replace(
      out,
      h(
        'table',
        { class: 'table board' },
        h('caption', { class: 'sr-only' }, t('public.decisions_title')),
        h('thead', null, h('tr', null, th(t('decision.number')), th(t('decision.read_at')), th(t('decision.outcome')), th(t('public.register_number')), th(t('dispute.ki')))),
        h(
          'tbody',
          null,
          items.map((d) => {
            const dec = d.decision || d;
            return h(
              'tr',
              null,
              h('th', { scope: 'row', 'data-label': t('decision.number') }, dec.decision_number || dec.number || '—'),
              h('td', { 'data-label': t('decision.read_at') }, dec.read_at ? formatInstant(dec.read_at) : '—'),
              h('td', { 'data-label': t('decision.outcome') }, label('outcome', dec.outcome)),
              h('td', { 'data-label': t('public.register_number') }, d.register_number ? h('a', { href: `#/public/status?${new URLSearchParams({ register_number: d.register_number })}` }, d.register_number) : '—'),
              h('td', { 'data-label': t('dispute.ki') }, (orgs.find((o) => o.code === d.ki) || {}).name || d.ki || '—'),
            );
          }),
        ),
      ),
    );
  } catch (err) {
    if (isCurrent()) replace(out, failure(err, { notAvailable: true }));
  }
}
