// Public hearing calendar (GET /api/v1/public/hearings?from=&to=&ki=), grouped by day.
import { h, replace } from '../dom.js';
import { t, label, formatDateLong, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { field, todayIso, parseDate } from '../forms.js';
import { go } from '../router.js';
import { startPage, loading, failure } from '../page.js';
import { loadOrgs } from '../orgs.js';

function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function filterForm(id, fields, onSubmit) {
  const f = h('form', { class: 'filters card', role: 'search', id }, fields, h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button primary' }, t('board.apply'))));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    // Date inputs are typed dd/mm/yyyy; the query carries ISO dates.
    const dates = new Set([...f.querySelectorAll('input[data-type="date"]')].map((el) => el.name));
    onSubmit(Object.fromEntries([...new FormData(f).entries()].map(([k, v]) => [k, dates.has(k) ? parseDate(v) || v : v])));
  });
  return f;
}

export async function publicHearingsPage(main, { query, isCurrent }) {
  startPage(main, t('public.hearings_title'), t('public.hearings_intro'));
  const from = query.get('from') || todayIso();
  const to = query.get('to') || plusDays(from, 30);
  const ki = query.get('ki') || '';
  const orgs = await loadOrgs();
  main.append(
    filterForm(
      'hearings-filters',
      [
        field({ name: 'from', type: 'date', label: t('public.from'), value: from }),
        field({ name: 'to', type: 'date', label: t('public.to'), value: to }),
        field({ name: 'ki', type: 'select', label: t('board.ki'), value: ki, placeholder: t('board.all'), options: orgs.filter((o) => o.kind === 'ki').map((o) => [o.code, o.name]) }),
      ],
      (q) => go('/public/hearings', q),
    ),
  );
  const out = h('div', { 'aria-live': 'polite' }, loading());
  main.append(out);
  try {
    const r = await get('/api/v1/public/hearings', { from, to, ki });
    if (!isCurrent()) return;
    const items = (r && r.items) || [];
    if (!items.length) {
      replace(out, h('p', { class: 'empty' }, t('public.no_hearings')));
      return;
    }
    const orgLabel = (code) => (orgs.find((o) => o.code === code) || {}).name || code;
    const byDay = new Map();
    for (const x of items) {
      const day = String(x.scheduled_at || '').slice(0, 10);
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(x);
    }
    replace(
      out,
      [...byDay.entries()].sort().map(([day, list]) =>
        h(
          'section',
          { class: 'card' },
          h('h2', { class: 'h3' }, formatDateLong(day)),
          h('ul', { class: 'hearings' }, list.map((x) => h('li', null, h('strong', null, formatInstant(x.scheduled_at).split(' ').slice(3).join(' ')), ' — ', label('hearing', x.kind), x.register_number ? [' · ', h('a', { href: `#/public/status?${new URLSearchParams({ register_number: x.register_number })}` }, x.register_number)] : '', x.respondent ? ` · ${orgLabel(x.respondent)}` : '', x.location ? ` · ${x.location}` : '', x.ki ? ` · ${orgLabel(x.ki)}` : ''))),
        ),
      ),
    );
  } catch (err) {
    if (isCurrent()) replace(out, failure(err, { notAvailable: true }));
  }
}
