// Organisations (GET /api/v1/organisations), loaded once per page load for names and pick lists.
import { get } from './api.js';

let cache = null;

export async function loadOrgs() {
  if (!cache) {
    cache = get('/api/v1/organisations', { limit: 500 })
      .then((r) => (r && r.items) || [])
      .catch(() => {
        cache = null;
        return [];
      });
  }
  return cache;
}

export async function orgOptions(filter = () => true) {
  const orgs = await loadOrgs();
  return orgs.filter(filter).map((o) => [o.code, o.name]);
}

export async function orgName(code) {
  if (!code) return '';
  const orgs = await loadOrgs();
  const o = orgs.find((x) => x.code === code);
  return o ? o.name : code;
}

export const isRespondentBody = (o) => o.kind !== 'ki';
export const isKi = (o) => o.kind === 'ki';
