// The reports dashboard (issue 18, docs/open-data.md): staff see their office, their KI (and the
// offices it hears) or, as sysadmin, the country; the public page shows the open statistics. Every
// chart has its table beside it; staff numbers link to the cases behind them.
import { h, replace } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { get } from '../api.js';
import { field, todayIso } from '../forms.js';
import { go } from '../router.js';
import { startPage, loading, failure, section } from '../page.js';
import { hasRole, isKiStaff } from '../session.js';
import { loadOrgs } from '../orgs.js';
import { filterForm } from './public-hearings.js';
import { barChart } from '../components/charts.js';

// The elections whose stages a period can name (docs/open-data.md "Periods"), offered by name.
let elections = null;
function loadElections() {
  elections = elections || get('/api/v1/public/statistics/periods').then((r) => r.elections, () => []);
  return elections;
}

async function periodFields(period) {
  const list = await loadElections();
  const chosen = list.some((e) => e.period === period);
  return [
    field({ name: 'period', label: t('reports.period'), value: chosen ? '' : period, hint: t('reports.period_hint') }),
    field({ name: 'election', type: 'select', label: t('reports.election'), value: chosen ? period : '', placeholder: t('reports.no_election'), options: list.map((e) => [e.period, e.name]) }),
  ];
}

// The filters' query: a chosen election's stages are the period.
function periodQuery({ election, ...q }) {
  return election ? { ...q, period: election } : q;
}

function number(v) {
  return v === null || v === undefined ? '—' : String(v).replace('.', ',');
}

function figures(items) {
  return h('dl', { class: 'figures' }, items.map(([term, value, href]) => h('div', { class: 'figure' },
    h('dt', null, term),
    h('dd', null, href && value ? h('a', { href }, number(value)) : number(value)))));
}

// "2024-02" as people read it: "Februari 2024".
function monthName(month) {
  const [y, m] = month.split('-');
  return `${t('months').split(',')[Number(m) - 1]} ${y}`;
}

function months(trend, key) {
  return trend.map((m) => ({ label: monthName(m.month), value: m[key] }));
}

function boardLink(query) {
  return `#/board?${new URLSearchParams(query)}`;
}

function ppidSections(r) {
  const office = r.scope.kind === 'office' ? r.scope.organisation : '';
  const scoped = office ? { respondent: office } : {};
  const tl = r.timeliness;
  return [
    figures([
      [t('reports.received'), r.received, boardLink(scoped)],
      [t('reports.pending'), tl.pending, boardLink({ ...scoped, state: 'received' })],
      [t('reports.never'), tl.never, boardLink({ ...scoped, overdue: 'true' })],
      [t('reports.median_days'), r.working_days_to_answer.median],
      [t('reports.p90_days'), r.working_days_to_answer.p90],
      [t('reports.extensions'), r.extensions_used],
      [t('reports.objections'), r.objections.filed, boardLink({ ...scoped, state: 'objected' })],
      [t('reports.disputes'), r.disputes, boardLink({ ...scoped, state: 'disputed' })],
      [t('reports.dispute_rate'), r.dispute_rate],
    ]),
    section(t('reports.trend'), barChart({ id: 'chart-trend', title: t('reports.trend_requests'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: months(r.trend, 'requests') })),
    section(t('reports.on_time'), barChart({ id: 'chart-on-time', title: t('reports.on_time'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: ['within_period', 'within_extension', 'late', 'never', 'pending'].map((k) => ({ label: t(`reports.timeliness.${k}`), value: tl[k] })) })),
    section(t('reports.outcomes'), barChart({ id: 'chart-outcomes', title: t('reports.outcomes'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: r.outcomes.map((o) => ({ label: label('decision', o.key), value: o.count })) })),
    section(t('reports.channels'), barChart({ id: 'chart-channels', title: t('reports.channels'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: r.by_channel.map((o) => ({ label: label('channel', o.key), value: o.count })) })),
  ];
}

function kiSections(r) {
  const ki = r.scope.organisation ? { ki: r.scope.organisation } : {};
  return [
    figures([
      [t('reports.ki_received'), r.received, boardLink(ki)],
      [t('reports.ki_registered'), r.registered],
      [t('reports.ki_decided'), r.decided],
      [t('reports.ki_pending'), r.pending, boardLink(ki)],
      [t('reports.ki_median_days'), r.median_working_days_to_decision],
      [t('reports.clearance'), r.clearance_rate],
    ]),
    section(t('reports.ki_trend'), barChart({ id: 'chart-ki-trend', title: t('reports.ki_trend'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: months(r.trend, 'disputes') })),
    section(t('reports.ki_on_time'), barChart({ id: 'chart-ki-on-time', title: t('reports.ki_on_time'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: [
      { label: t('reports.ki_decided_on_time'), value: r.decided_on_time },
      { label: t('reports.ki_decided_late'), value: r.decided_late },
    ] })),
    section(t('reports.ki_outcomes'), barChart({ id: 'chart-ki-outcomes', title: t('reports.ki_outcomes'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: r.outcomes.map((o) => ({ label: label('outcome', o.key), value: o.count })) })),
    section(t('reports.ki_age'), barChart({ id: 'chart-ki-age', title: t('reports.ki_age'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: r.pending_by_age.map((o) => ({ label: t('reports.age_days', { band: o.key }), value: o.count })) })),
  ];
}

export async function reportsPage(main, { query, isCurrent }) {
  startPage(main, t('reports.title'), t('reports.intro'));
  const period = query.get('period') || todayIso().slice(0, 4);
  const organisation = query.get('organisation') || '';
  const sysadmin = hasRole('sysadmin');
  const orgs = await loadOrgs();
  const fields = await periodFields(period);
  if (sysadmin) {
    fields.push(field({ name: 'organisation', type: 'select', label: t('reports.scope'), value: organisation, placeholder: t('reports.national'), options: orgs.map((o) => [o.code, o.name]) }));
  }
  main.append(filterForm('reports-filters', fields, (q) => go('/reports', periodQuery(q))));
  const out = h('div', { 'aria-live': 'polite' }, loading());
  main.append(out);
  const q = { period, organisation };
  const showKi = sysadmin ? !organisation || (orgs.find((o) => o.code === organisation) || {}).kind === 'ki' : isKiStaff();
  try {
    const [ppid, ki] = await Promise.all([get('/api/v1/reports/ppid', q), showKi ? get('/api/v1/reports/ki', q) : null]);
    if (!isCurrent()) return;
    const annual = (kind) => `/api/v1/reports/${kind}/annual?${new URLSearchParams(q)}`;
    replace(
      out,
      h('p', { class: 'scope', id: 'reports-scope' }, t('reports.scope_of', { name: ppid.scope.name })),
      h('h2', null, t('reports.ppid_heading')),
      h('p', null, h('a', { href: annual('ppid'), target: '_blank', rel: 'noopener' }, t('reports.annual_html')), ' · ', h('a', { href: `${annual('ppid')}&format=csv` }, t('reports.annual_csv'))),
      ...ppidSections(ppid),
      ki ? h('h2', null, t('reports.ki_heading')) : null,
      ki ? h('p', null, h('a', { href: annual('ki'), target: '_blank', rel: 'noopener' }, t('reports.annual_html')), ' · ', h('a', { href: `${annual('ki')}&format=csv` }, t('reports.annual_csv'))) : null,
      ...(ki ? kiSections(ki) : []),
    );
  } catch (err) {
    if (isCurrent()) replace(out, failure(err));
  }
}

// The public dispute register as CSV files of at most `limit` rows (the server's 10,000 unless the page's
// query asks for fewer). Each file names the next only in its X-Next-Cursor header, which a plain link
// cannot follow, so the page downloads each part itself and then offers the next one
// (docs/open-data.md "The register pages").
const registerFileRows = 10000;

function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'sr-only' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);  // once the browser has taken the download
}

function registerDownloads(period, limit) {
  const rows = limit || registerFileRows;
  const list = h('ol', { id: 'register-parts' });
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const part = (n, cursor) => {
    const q = { period, ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    const href = `/api/v1/public/dispute-register.csv?${new URLSearchParams(q)}`;
    let next = null;  // the next part's item, once this one was downloaded
    const onclick = async (e) => {
      e.preventDefault();
      replace(status, t('statistics.register_downloading', { n }));
      let res;
      try {
        res = await fetch(href, { credentials: 'same-origin', cache: 'no-store' });
      } catch {
        res = null;
      }
      if (!res || !res.ok) {
        replace(status, t('statistics.register_failed', { n }));
        return;
      }
      saveFile(await res.blob(), `register-sengketa-${period}-${n}.csv`);
      const cursor = res.headers.get('X-Next-Cursor');
      if (cursor && !next) {
        next = part(n + 1, cursor);
        list.append(next);
      }
      replace(status, cursor ? t('statistics.register_next', { n, next: n + 1 }) : t('statistics.register_last', { n }));
    };
    return h('li', null, h('a', { href, onclick }, t('statistics.register_part', { n })));
  };
  list.append(part(1, null));
  const shown = new Intl.NumberFormat(currentLang() === 'id' ? 'id-ID' : 'en-GB').format(rows);
  return h('div', { id: 'register-downloads' }, h('p', null, t('statistics.register_files', { n: shown })), list, status);
}

export async function publicStatisticsPage(main, { query, isCurrent }) {
  startPage(main, t('statistics.title'), t('statistics.intro'));
  const period = query.get('period') || todayIso().slice(0, 4);
  main.append(filterForm('statistics-filters', await periodFields(period), (q) => go('/public/statistics', periodQuery(q))));
  const out = h('div', { 'aria-live': 'polite' }, loading());
  main.append(out);
  try {
    const r = await get('/api/v1/public/statistics', { period });
    if (!isCurrent()) return;
    const n = r.national;
    const th = (x) => h('th', { scope: 'col' }, x);
    const downloads = (path) => `${path}?${new URLSearchParams({ period })}`;
    replace(
      out,
      figures([
        [t('reports.received'), n.ppid.requests],
        [t('statistics.on_time'), n.ppid.answered_on_time],
        [t('reports.disputes'), n.ppid.disputes],
        [t('reports.dispute_rate'), n.ppid.dispute_rate],
        [t('reports.ki_decided'), n.ki.decided],
        [t('reports.ki_pending'), n.ki.pending],
      ]),
      h('p', { class: 'hint' }, t('statistics.suppressed', { n: r.suppression_threshold })),
      section(t('statistics.on_time_chart'), barChart({ id: 'chart-public-on-time', title: t('statistics.on_time_chart'), labelHeading: t('reports.item'), valueHeading: t('reports.count'), rows: [
        { label: t('statistics.on_time'), value: n.ppid.answered_on_time },
        { label: t('reports.timeliness.late'), value: n.ppid.answered_late },
        { label: t('reports.timeliness.never'), value: n.ppid.never_answered },
        { label: t('reports.timeliness.pending'), value: n.ppid.pending },
      ] })),
      section(
        t('statistics.offices'),
        // No rows (every office under the publication threshold): a sentence, not an empty table.
        r.offices.length === 0 ? h('p', { id: 'statistics-offices-none' }, t('statistics.no_offices')) :
        h('table', { class: 'table board', id: 'statistics-offices' },
          h('caption', { class: 'sr-only' }, t('statistics.offices')),
          h('thead', null, h('tr', null, th(t('statistics.office')), th(t('reports.received')), th(t('statistics.on_time')), th(t('reports.disputes')), th(t('reports.dispute_rate')))),
          h('tbody', null, r.offices.map((o) => h('tr', null,
            h('th', { scope: 'row', 'data-label': t('statistics.office') }, o.name),
            h('td', { 'data-label': t('reports.received') }, number(o.requests)),
            h('td', { 'data-label': t('statistics.on_time') }, number(o.answered_on_time)),
            h('td', { 'data-label': t('reports.disputes') }, number(o.disputes)),
            h('td', { 'data-label': t('reports.dispute_rate') }, number(o.dispute_rate)))))),
      ),
      h('p', null,
        h('a', { href: downloads('/api/v1/public/statistics/offices.csv') }, t('statistics.download_offices')), ' · ',
        h('a', { href: downloads('/api/v1/public/statistics/kis.csv') }, t('statistics.download_kis'))),
      registerDownloads(period, Number(query.get('limit')) || 0),
    );
  } catch (err) {
    if (isCurrent()) replace(out, failure(err, { notAvailable: true }));
  }
}
