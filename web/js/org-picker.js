// An organisation <select> that stays usable with the national list (~1,150 offices): a province filter
// and a name search narrow its options. Built on forms.js field(); only the select carries a name, so
// the form submits the chosen code alone.
import { h } from './dom.js';
import { t } from './i18n.js';
import { field } from './forms.js';
import { provinceOptions } from './orgs.js';

const provinceOf = (o) => (o.region_code || '').split('.')[0];

/**
 * spec: field() options for a select, plus `orgs` (the organisations offered). The current value stays
 * selectable whatever the filters say.
 */
export function orgPicker(spec) {
  const orgs = spec.orgs || [];
  const wrapper = field({ ...spec, type: 'select', options: orgs.map((o) => [o.code, o.name]) });
  wrapper.classList.add('org-picker');
  const select = wrapper.querySelector('select');
  const placeholder = select.querySelector('option[value=""]');
  const provinces = provinceOptions(orgs.length ? orgs : []);
  const province = h(
    'select',
    { class: 'org-picker-province', 'aria-label': t('orgs.filter_province'), 'data-type': 'ignore' },
    h('option', { value: '' }, t('orgs.all_provinces')),
    provinces.map(([code, name]) => h('option', { value: code }, name)),
  );
  const search = h('input', { type: 'search', class: 'org-picker-search', 'aria-label': t('orgs.search'), placeholder: t('orgs.search'), 'data-type': 'ignore' });
  const count = h('span', { class: 'hint org-picker-count', 'aria-live': 'polite' });

  function refresh() {
    const chosen = select.value;
    const p = province.value;
    const q = search.value.trim().toLowerCase();
    const shown = orgs.filter(
      (o) => o.code === chosen || ((!p || provinceOf(o) === p) && (!q || o.name.toLowerCase().includes(q) || (o.region_name || '').toLowerCase().includes(q))),
    );
    select.replaceChildren(...(placeholder ? [placeholder] : []), ...shown.map((o) => h('option', { value: o.code, selected: o.code === chosen }, o.name)));
    if (chosen) select.value = chosen;
    count.textContent = t('orgs.matches', { n: shown.length });
  }
  province.addEventListener('change', refresh);
  search.addEventListener('input', refresh);
  // Only worth the space when there is something to narrow.
  if (provinces.length > 1) {
    select.before(h('div', { class: 'org-picker-filters' }, province, search, count));
    refresh();
  }
  return wrapper;
}
