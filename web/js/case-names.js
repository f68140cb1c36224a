// What people call a case instead of its internal id: a request's number, a dispute's register number,
// or for a dispute not registered yet the date it was filed. caseName() fetches the case when only
// the id is at hand (a holiday's moved deadlines, a dispute's related request) and caches the answer.
import { t, formatDate } from './i18n.js';
import { get } from './api.js';

/** The name of a case whose record is at hand. */
export function nameOf(kind, item) {
  if (kind === 'request') return item.number || t('case.unnamed');
  if (item.register_number) return item.register_number;
  const filed = typeof item.submitted_at === 'string' ? item.submitted_at.slice(0, 10) : '';
  return filed ? t('dispute.unregistered', { date: formatDate(filed) }) : t('dispute.unregistered_undated');
}

const cache = new Map();

/** The name of the case `kind`/`id`, fetched once; a neutral text when it cannot be read. */
export function caseName(kind, id) {
  const key = `${kind}:${id}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      get(`/api/v1/${kind === 'request' ? 'requests' : 'disputes'}/${encodeURIComponent(id)}`)
        .then((item) => nameOf(kind, item))
        .catch(() => t('case.unnamed')),
    );
  }
  return cache.get(key);
}

/** A link to a case whose text becomes its name as soon as it is known. */
export function fillName(link, kind, id, prefix = '') {
  link.textContent = `${prefix}…`;
  caseName(kind, id).then((name) => {
    link.textContent = `${prefix}${name}`;
  });
  return link;
}
