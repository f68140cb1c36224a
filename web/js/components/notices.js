// The delivery log of a case (issue 16, docs/operations.md "Notices"): every email and webhook notice the
// case's events produced, who it went to, and each attempt (sent, failed with the receiver's answer,
// retried). Words, never codes: channel, audience, state and outcome come from the dictionaries.
import { h, replace } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { messageFor } from '../forms.js';

/** One attempt: "7 Februari 2024 10.15 WIB — Gagal, dicoba lagi: connection refused". */
export function attemptText(a) {
  if (!a) return t('notices.never');
  return `${formatInstant(a.at)} — ${label('notices.outcome', a.outcome)}${a.detail ? `: ${a.detail}` : ''}`;
}

/** A table of notices (a case's or a webhook's), newest last as the API gives them. */
export function noticesTable(items, { id } = {}) {
  if (!items.length) return h('p', { class: 'empty', id }, t('notices.none'));
  const th = (x) => h('th', { scope: 'col' }, x);
  return h(
    'table',
    { class: 'table notices', id },
    h('caption', { class: 'sr-only' }, t('notices.log')),
    h('thead', null, h('tr', null, th(t('notices.when')), th(t('notices.to')), th(t('notices.what')), th(t('notices.state')), th(t('notices.attempts')))),
    h(
      'tbody',
      null,
      items.map((n) =>
        h(
          'tr',
          { 'data-state': n.state, 'data-channel': n.channel },
          h('td', { 'data-label': t('notices.when') }, formatInstant(n.created_at)),
          h('td', { 'data-label': t('notices.to') }, `${label('notices.channel', n.channel)} — ${label('notices.audience', n.audience)}`, h('br'), h('span', { class: 'muted' }, n.recipient)),
          h('td', { 'data-label': t('notices.what') }, n.kind === 'test' ? t('notices.kind.test') : label('action', n.action)),
          h('td', { 'data-label': t('notices.state') }, label('notices.state', n.state), n.sent_at ? ` (${formatInstant(n.sent_at)})` : ''),
          h('td', { 'data-label': t('notices.attempts') }, (n.deliveries || []).length ? h('ol', { class: 'attempts' }, n.deliveries.map((a) => h('li', null, attemptText(a)))) : t('notices.not_yet')),
        ),
      ),
    ),
  );
}

/** The delivery log panel of a case whose API path is `base` ("/api/v1/requests/<id>"). */
export function noticesPanel(base) {
  const box = h('div', { class: 'notices', id: 'case-notices' }, h('p', { class: 'loading', role: 'status' }, t('loading')));
  get(`${base}/notices`).then(
    (data) => replace(box, noticesTable(data.items || [], { id: 'case-notices-table' })),
    (err) => replace(box, h('p', { class: 'muted' }, messageFor(err))),
  );
  return box;
}
