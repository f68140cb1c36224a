// Helpers every page uses: title, heading, loading and "not available" states.
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { messageFor } from './forms.js';

export function setTitle(text) {
  document.title = `${text} — ${t('app.name')}`;
}

/** Clears `main` and puts the page heading (and title) in it; returns main for appending. */
export function startPage(main, title, intro) {
  setTitle(title);
  replace(main, h('h1', null, title), intro ? h('p', { class: 'intro' }, intro) : null);
  return main;
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

/**
 * A friendly box for a failed load: "not found" (404: no such case, or not the caller's) reads
 * differently from a server that cannot answer (503 and the like, with the server's message).
 * `notAvailable`: a 405/501 means the server does not offer that part of the API.
 */
export function failure(err, { notAvailable = false } = {}) {
  if (err.status === 404) {
    return h('div', { class: 'alert info not-found', role: 'status' }, h('p', null, t('error.404')));
  }
  if (notAvailable && (err.status === 405 || err.status === 501)) {
    return h('div', { class: 'alert info unavailable', role: 'status' }, h('p', null, t('unavailable.text')));
  }
  return h('div', { class: 'alert error', role: 'alert' }, h('p', null, messageFor(err)));
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}
