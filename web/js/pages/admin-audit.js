// The audit trail (GET /api/v1/audit): who did what, when, newest first, with filters and keyset paging.
// A ki_admin sees its own organisation's entries, a sysadmin every organisation's (or one's). Action
// codes are shown through the dictionaries (audit.action.*), and a change as "before → after" per field.
import { h, replace } from '../dom.js';
import { t, label, formatDate, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { field, parseDate } from '../forms.js';
import { go } from '../router.js';
import { hasRole } from '../session.js';
import { startPage, loading, failure } from '../page.js';
import { loadOrgs } from '../orgs.js';
import { auditActions, actionGroups } from '../audit-actions.js';

const objectTypes = ['user', 'holiday', 'ruleset', 'organisation', 'request', 'dispute'];

/** The readable name of an action code; a code the dictionaries do not know yet is never shown raw. */
export function actionLabel(code) {
  const key = `audit.action.${code}`;
  const s = t(key);
  return s === key ? t('audit.action.other') : s;
}

function actorText(e) {
  if (e.actor) return h('span', null, e.actor.display_name, ' ', h('span', { class: 'muted' }, `(${e.actor.username})`));
  return h('span', { class: 'muted' }, t(`audit.actor.${e.actor_kind || 'anonymous'}`));
}

function objectText(e) {
  const o = e.object || {};
  if (!o.type) return '—';
  // People read the label (a username, a register number, a date), never the internal id.
  let text = o.type === 'holiday' ? formatDate(o.id) : o.label;
  if (!text && o.type === 'dispute' && o.id) text = t('audit.unregistered');
  const link = text && (o.type === 'request' || o.type === 'dispute') ? h('a', { href: `#/${o.type}s/${encodeURIComponent(o.id)}` }, text) : text;
  return h('span', null, label('audit.object', o.type), text ? [' ', link] : null);
}

// One value of a field, readably: roles by name, booleans as yes/no, dates in Indonesian, periods by count.
function valueText(key, v) {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => label('role', r)).join(', ');
  if (key === 'muted' && Array.isArray(v)) return v.length ? v.map((k) => label('notices.kind', k)).join(', ') : t('audit.no');
  if (key === 'kind') return label('reason', v);
  if (key === 'reason') return label('audit.reason', v);
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatInstant(v);
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.join(', ') : t('audit.items', { n: v.length });
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${label('audit.field', k)}: ${valueText(k, x)}`).join('; ');
  return String(v);
}

function periodText(p) {
  if (!p) return '—';
  return p.value === null || p.value === undefined ? '—' : `${p.value} ${label('unit', p.unit)}`;
}

// "before → after" rows for each field that differs; a rule set's periods compared period by period.
function changeRows(before, after) {
  const rows = [];
  const b = before || {};
  const a = after || {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  for (const key of keys) {
    if (before && after && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    if (key === 'periods' && Array.isArray(a[key] || b[key])) {
      const byKey = (list) => Object.fromEntries((list || []).map((p) => [p.key, p]));
      const pb = byKey(b[key]);
      const pa = byKey(a[key]);
      for (const pk of [...new Set([...Object.keys(pb), ...Object.keys(pa)])]) {
        if (before && after && JSON.stringify(pb[pk]) === JSON.stringify(pa[pk])) continue;
        rows.push([`${t('audit.field.period')}: ${label('deadline', pk)}`, before ? periodText(pb[pk]) : null, after ? periodText(pa[pk]) : null]);
      }
      continue;
    }
    rows.push([label('audit.field', key), before ? valueText(key, b[key]) : null, after ? valueText(key, a[key]) : null]);
  }
  return rows;
}

/** The details of an entry: a change as before → after per field, anything else as field: value. */
export function detailsView(details) {
  const d = details || {};
  const items = [];
  if ('before' in d || 'after' in d) {
    for (const [name, was, is] of changeRows(d.before, d.after)) {
      items.push(
        h(
          'li',
          { class: 'change' },
          h('span', { class: 'field-name' }, `${name}: `),
          was === null ? null : h('del', null, was),
          was === null || is === null ? null : h('span', { 'aria-hidden': 'true' }, ' → '),
          was !== null && is !== null ? h('span', { class: 'sr-only' }, ` ${t('audit.became')} `) : null,
          is === null ? h('span', { class: 'muted' }, ` (${t('audit.removed')})`) : h('ins', null, is),
        ),
      );
    }
  }
  if (d.password_changed) items.push(h('li', { class: 'change' }, h('span', { class: 'field-name' }, `${t('audit.field.password')}: `), t('audit.password_changed')));
  if (Array.isArray(d.moved_deadlines) && d.moved_deadlines.length) items.push(h('li', null, t('audit.moved_deadlines', { n: d.moved_deadlines.length })));
  for (const [key, v] of Object.entries(d)) {
    if (['before', 'after', 'password_changed', 'moved_deadlines'].includes(key)) continue;
    items.push(h('li', null, h('span', { class: 'field-name' }, `${label('audit.field', key)}: `), valueText(key, v)));
  }
  return items.length ? h('ul', { class: 'audit-details' }, items) : h('span', { class: 'muted' }, '—');
}

function auditTable(items) {
  const th = (x) => h('th', { scope: 'col' }, x);
  return h(
    'table',
    { class: 'table board audit', id: 'audit-table' },
    h('caption', { class: 'sr-only' }, t('audit.title')),
    h('thead', null, h('tr', null, th(t('audit.col.at')), th(t('audit.col.actor')), th(t('audit.col.organisation')), th(t('audit.col.action')), th(t('audit.col.object')), th(t('audit.col.details')))),
    h(
      'tbody',
      null,
      items.map((e) =>
        h(
          'tr',
          { 'data-action': e.action },
          h('td', { 'data-label': t('audit.col.at') }, h('time', { datetime: e.at }, formatInstant(e.at))),
          h('td', { 'data-label': t('audit.col.actor') }, actorText(e)),
          h('td', { 'data-label': t('audit.col.organisation') }, e.organisation ? e.organisation.name : '—'),
          h('th', { scope: 'row', 'data-label': t('audit.col.action') }, actionLabel(e.action)),
          h('td', { 'data-label': t('audit.col.object') }, objectText(e)),
          h('td', { 'data-label': t('audit.col.details') }, detailsView(e.details)),
        ),
      ),
    ),
  );
}

const filterNames = ['organisation', 'action', 'object_type', 'object_id', 'actor', 'from', 'to'];

export async function auditPage(main, { query, isCurrent }) {
  startPage(main, t('audit.title'), t('audit.intro'));
  const sysadmin = hasRole('sysadmin');
  const orgs = sysadmin ? await loadOrgs() : [];
  const current = Object.fromEntries(query.entries());
  const actionOptions = [
    ...actionGroups.map((g) => [g, t(`audit.group.${g.slice(0, -1)}`)]),
    ...auditActions.map((a) => [a, actionLabel(a)]),
  ];
  const filters = h(
    'form',
    { class: 'filters card', role: 'search', 'aria-label': t('audit.filters'), id: 'audit-filters' },
    sysadmin ? field({ name: 'organisation', type: 'select', label: t('audit.col.organisation'), options: orgs.map((o) => [o.code, o.name]), value: current.organisation || '', placeholder: t('audit.all_orgs') }) : null,
    field({ name: 'action', type: 'select', label: t('audit.col.action'), options: actionOptions, value: current.action || '', placeholder: t('audit.all_actions') }),
    field({ name: 'object_type', type: 'select', label: t('audit.object_type'), options: objectTypes.map((o) => [o, label('audit.object', o)]), value: current.object_type || '', placeholder: t('audit.all_objects') }),
    field({ name: 'object_id', label: t('audit.object_id'), value: current.object_id || '' }),
    field({ name: 'actor', label: t('audit.actor_username'), value: current.actor || '', autocomplete: 'off' }),
    field({ name: 'from', type: 'date', label: t('audit.from'), value: current.from || '' }),
    field({ name: 'to', type: 'date', label: t('audit.to'), value: current.to || '' }),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button primary' }, t('board.apply')), h('a', { class: 'button', href: '#/admin/audit' }, t('board.reset'))),
  );
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(filters);
    // The date filters are typed dd/mm/yyyy; the query carries ISO dates.
    const value = (n) => (n === 'from' || n === 'to' ? parseDate(fd.get(n)) || fd.get(n) : fd.get(n));
    go('/admin/audit', Object.fromEntries(filterNames.map((n) => [n, value(n)])));
  });
  const results = h('div', { class: 'results', id: 'audit-results', 'aria-live': 'polite' }, loading());
  main.append(filters, results);

  const apiQuery = Object.fromEntries(filterNames.map((n) => [n, current[n]]));
  let r;
  try {
    r = await get('/api/v1/audit', { ...apiQuery, cursor: current.cursor, limit: 50 });
  } catch (err) {
    if (isCurrent()) replace(results, failure(err));
    return;
  }
  if (!isCurrent()) return;
  const items = r.items || [];
  const paging = h(
    'nav',
    { class: 'year-nav', 'aria-label': t('audit.paging') },
    current.cursor ? h('a', { class: 'button small', id: 'audit-first', href: `#/admin/audit?${new URLSearchParams(Object.entries(apiQuery).filter(([, v]) => v)).toString()}` }, t('audit.newest')) : null,
    r.next_cursor ? h('button', { type: 'button', class: 'button small', id: 'audit-older', onclick: () => go('/admin/audit', { ...apiQuery, cursor: r.next_cursor }) }, t('audit.older')) : null,
  );
  replace(results, items.length ? auditTable(items) : h('p', { class: 'empty' }, t('audit.empty')), paging);
}
