// Charts as accessible SVG (docs/web.md): each chart is an image with a title and a description that
// reads its numbers, and a table with the same numbers beside it, so nothing is only in the drawing.
import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
let seq = 0;

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

function formatNumber(v) {
  return v === null || v === undefined ? '—' : String(v).replace('.', ',');
}

/**
 * A horizontal bar chart of `rows` ([{ label, value, href? }]) with its table; `title` names both,
 * `labelHeading` and `valueHeading` head the table's columns.
 * Values shown as given (counts or rates); a row whose value is null is drawn empty and read "—".
 */
export function barChart({ id, title, rows, valueHeading, labelHeading }) {
  const chartId = id || `chart-${++seq}`;
  const max = Math.max(1, ...rows.map((r) => r.value || 0));
  const rowHeight = 22;
  const width = 360;
  const labelWidth = 140;
  const height = rows.length * rowHeight + 4;
  const desc = rows.map((r) => `${r.label}: ${formatNumber(r.value)}`).join('; ');
  const svg = s(
    'svg',
    { role: 'img', 'aria-labelledby': `${chartId}-t ${chartId}-d`, viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'bar-chart', focusable: 'false' },
    s('title', { id: `${chartId}-t` }, title),
    s('desc', { id: `${chartId}-d` }, desc),
    rows.map((r, i) => {
      const w = Math.round(((r.value || 0) / max) * (width - labelWidth - 60));
      const y = i * rowHeight + 2;
      const text = r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label;
      return s('g', null,
        s('text', { x: 0, y: y + rowHeight - 10, class: 'bar-label' }, text),
        s('rect', { x: labelWidth, y, width: Math.max(w, r.value ? 2 : 0), height: rowHeight - 6, class: `bar bar-${i % 6}` }),
        s('text', { x: labelWidth + w + 4, y: y + rowHeight - 10, class: 'bar-value' }, formatNumber(r.value)));
    }),
  );
  const th = (x) => h('th', { scope: 'col' }, x);
  const table = h(
    'table',
    { class: 'table chart-table' },
    h('caption', null, title),
    h('thead', null, h('tr', null, th(labelHeading), th(valueHeading))),
    h('tbody', null, rows.map((r) => h('tr', null,
      h('th', { scope: 'row' }, r.label),
      h('td', { class: 'num' }, r.href && r.value ? h('a', { href: r.href }, formatNumber(r.value)) : formatNumber(r.value))))),
  );
  return h('figure', { class: 'chart', id: chartId }, h('div', { class: 'chart-drawing', 'aria-hidden': null }, svg), table);
}
