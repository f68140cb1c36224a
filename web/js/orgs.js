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

/** The provinces, by name: [region_code, name] from the provincial KPU rows (the list has one per province). */
export function provinceOptions(orgs) {
  return orgs
    .filter((o) => o.level === 'province' && o.kind === 'kpu')
    .map((o) => [o.region_code, o.region_name || o.name])
    .sort((a, b) => a[1].localeCompare(b[1], 'id'));
}

/** The kabupaten/kota, by name with their province: [region_code, "Kota Pangkal Pinang (Kepulauan Bangka Belitung)"]. */
export function regencyOptions(orgs) {
  const provinces = new Map(provinceOptions(orgs));
  const seen = new Map();
  for (const o of orgs) {
    if (o.level === 'regency' && o.region_code && !seen.has(o.region_code)) {
      const province = provinces.get(o.region_code.split('.')[0]);
      seen.set(o.region_code, `${o.region_name || o.name}${province ? ` (${province})` : ''}`);
    }
  }
  return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'id'));
}

/** A region's name for display ("Kota Pangkal Pinang", "Provinsi Kepulauan Bangka Belitung"), never its code. */
export function regionName(orgs, code, fallback) {
  const o = orgs.find((x) => x.region_code === code && x.region_name);
  if (!o) return fallback || '';
  return code.includes('.') ? o.region_name : `Provinsi ${o.region_name}`;
}
