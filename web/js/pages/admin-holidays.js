// Holiday administration: the year's non-working days; add one or remove one, each with a preview of
// which open case deadlines would move (POST/DELETE ...?preview=true changes nothing).
import { h, replace } from '../dom.js';
import { t, label, formatDateLong, formatDate, currentLang } from '../i18n.js';
import { get, post, del } from '../api.js';
import { form, field, todayIso, runSubmit } from '../forms.js';
import { currentUser, hasRole } from '../session.js';
import { startPage, loading, failure, section } from '../page.js';
import { loadOrgs, provinceOptions, regencyOptions, regionName } from '../orgs.js';
import { orgPicker } from '../org-picker.js';
import { fillName } from '../case-names.js';

/** The moved_deadlines of a preview or a change, as a sentence and a table. */
export function movedDeadlines(moves, preview) {
  const list = moves || [];
  const head = h('p', { class: list.length ? 'alert warning' : 'alert info', role: 'status' }, list.length ? t(preview ? 'holidays.would_move' : 'holidays.moved', { n: list.length }) : t(preview ? 'holidays.would_move_none' : 'holidays.moved_none'));
  if (!list.length) return h('div', { class: 'moves', id: 'moved-deadlines' }, head);
  const th = (x) => h('th', { scope: 'col' }, x);
  return h(
    'div',
    { class: 'moves', id: 'moved-deadlines' },
    head,
    h(
      'table',
      { class: 'table board' },
      h('caption', { class: 'sr-only' }, t('holidays.moves_caption')),
      h('thead', null, h('tr', null, th(t('holidays.case')), th(t('holidays.deadline')), th(t('holidays.from')), th(t('holidays.to')))),
      h(
        'tbody',
        null,
        list.map((m) =>
          h(
            'tr',
            null,
            h('td', { 'data-label': t('holidays.case') }, fillName(h('a', { href: `#/${m.case_type === 'request' ? 'requests' : 'disputes'}/${encodeURIComponent(m.case_id)}` }), m.case_type, m.case_id, `${t(`kind.${m.case_type}`)} `)),
            h('td', { 'data-label': t('holidays.deadline') }, label('deadline', String(m.key).split(':')[0])),
            h('td', { 'data-label': t('holidays.from') }, formatDate(m.from)),
            h('td', { 'data-label': t('holidays.to') }, h('strong', null, formatDate(m.to))),
          ),
        ),
      ),
    ),
  );
}

function mayChange(hol) {
  const user = currentUser();
  if (hasRole('sysadmin')) return true;
  return hol.scope === 'organisation' && hasRole('ki_admin') && hol.organisation === (user.organisation && user.organisation.code);
}

/** Where a holiday applies, by name: everyone, a province, a kabupaten/kota, or one organisation. */
function appliesTo(hol, orgs) {
  if (hol.scope === 'organisation') return (orgs.find((o) => o.code === hol.organisation) || {}).name || t('holidays.scope.organisation');
  if (hol.scope === 'province' || hol.scope === 'regency') {
    return regionName(orgs, hol.region_code, hol.region_name || t(`holidays.scope.${hol.scope}`));
  }
  return t('holidays.all_orgs');
}

export async function holidaysPage(main, { query, isCurrent }) {
  startPage(main, t('holidays.title'), t('holidays.intro'));
  const year = Number(query.get('year')) || Number(todayIso().slice(0, 4));
  const orgs = await loadOrgs();
  const sysadmin = hasRole('sysadmin');
  const kinds = sysadmin ? ['national', 'cuti_bersama', 'election', 'local'] : ['local'];
  const listBox = h('div', { id: 'holiday-list' }, loading());
  const yearNav = h(
    'nav',
    { class: 'year-nav', 'aria-label': t('holidays.year_nav') },
    h('a', { class: 'button small', href: `#/admin/holidays?year=${year - 1}` }, `← ${year - 1}`),
    h('strong', { class: 'year' }, String(year)),
    h('a', { class: 'button small', href: `#/admin/holidays?year=${year + 1}` }, `${year + 1} →`),
  );
  const result = h('div', { id: 'holiday-result', 'aria-live': 'polite' });
  const previewButton = h('button', { type: 'submit', class: 'button', value: 'preview', id: 'holiday-preview' }, t('holidays.preview'));
  const f = form({
    ariaLabel: t('holidays.add'),
    submitLabel: t('holidays.save'),
    extraButtons: [previewButton],
    fields: [
      field({ name: 'date', type: 'date', label: t('holidays.date'), required: true }),
      field({ name: 'kind', type: 'select', label: t('holidays.kind'), required: true, value: kinds[0], options: kinds.map((k) => [k, label('reason', k)]) }),
      field({ name: 'name', label: t('holidays.name'), required: true }),
      field({ name: 'name_en', label: t('holidays.name_en') }),
      field({ name: 'source', label: t('holidays.source'), required: true, hint: t('holidays.source_hint') }),
      sysadmin
        ? field({ name: 'scope', type: 'select', label: t('holidays.scope'), required: true, value: 'national', options: ['national', 'province', 'regency', 'organisation'].map((s) => [s, t(`holidays.scope.${s}`)]) })
        : null,
      sysadmin ? field({ name: 'region_code', type: 'select', label: t('holidays.province'), required: true, options: provinceOptions(orgs) }) : null,
      sysadmin ? field({ name: 'region_code', type: 'select', label: t('holidays.regency'), required: true, options: regencyOptions(orgs) }) : null,
      sysadmin
        ? orgPicker({ name: 'organisation', label: t('holidays.organisation'), hint: t('holidays.organisation_hint'), placeholder: t('holidays.organisation_none'), orgs })
        : null,
    ],
    onSubmit: async (data, formEl, submitter) => {
      const preview = submitter && submitter.value === 'preview';
      const r = await post(`/api/v1/holidays${preview ? '?preview=true' : ''}`, data);
      replace(result, h('h3', null, preview ? t('holidays.preview_title') : t('holidays.saved')), movedDeadlines(r.moved_deadlines, preview));
      if (!preview) {
        formEl.reset();
        await loadList();
      }
    },
  });
  f.id = 'holiday-form';
  if (sysadmin) {
    // Show the one place field the chosen scope needs; hidden fields are not submitted (forms.js).
    const scope = f.querySelector('select[name="scope"]');
    const [provinceField, regencyField] = [...f.querySelectorAll('[data-field="region_code"]')];
    const orgField = f.querySelector('[data-field="organisation"]');
    provinceField.id = 'holiday-province';
    regencyField.id = 'holiday-regency';
    const showPlace = () => {
      provinceField.hidden = scope.value !== 'province';
      regencyField.hidden = scope.value !== 'regency';
      orgField.hidden = scope.value !== 'organisation';
    };
    scope.addEventListener('change', showPlace);
    f.addEventListener('reset', () => queueMicrotask(showPlace));
    showPlace();
  }
  main.append(yearNav, section(t('holidays.add'), f, result), section(t('holidays.list', { year }), listBox));

  async function remove(hol, row) {
    const path = `/api/v1/holidays/${hol.date}`;
    const q = hol.organisation
      ? `organisation=${encodeURIComponent(hol.organisation)}`
      : hol.region_code
        ? `region_code=${encodeURIComponent(hol.region_code)}`
        : '';
    const confirmBox = h('div', { class: 'confirm', role: 'group', 'aria-label': t('holidays.delete') }, loading());
    const cell = row.querySelector('.row-actions');
    replace(cell, confirmBox);
    try {
      const p = await del(`${path}?preview=true${q ? `&${q}` : ''}`);
      const yes = h('button', { type: 'button', class: 'button danger' }, t('holidays.delete_now'));
      // "Batal" puts the list back and the keyboard on the row's delete button again.
      const no = h('button', { type: 'button', class: 'button', onclick: async () => {
        await loadList();
        const again = listBox.querySelector(`tr[data-date="${hol.date}"][data-scope="${hol.scope || 'national'}"] .row-actions button`);
        if (again) again.focus();
      } }, t('form.cancel'));
      yes.addEventListener('click', async () => {
        await runSubmit(confirmBox, yes, async () => {
          const r = await del(`${path}${q ? `?${q}` : ''}`);
          replace(result, h('h3', null, t('holidays.deleted')), movedDeadlines(r.moved_deadlines, false));
          await loadList();
        });
      });
      replace(confirmBox, movedDeadlines(p.moved_deadlines, true), h('div', { class: 'form-buttons' }, yes, no), h('div', { class: 'form-alert', role: 'alert', hidden: true }));
      yes.focus();
    } catch (err) {
      replace(confirmBox, failure(err));
    }
  }

  async function loadList() {
    let r;
    try {
      r = await get('/api/v1/holidays', { year });
    } catch (err) {
      if (isCurrent()) replace(listBox, failure(err));
      return;
    }
    if (!isCurrent()) return;
    const items = (r.items || []).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (!items.length) {
      replace(listBox, h('p', { class: 'empty' }, t('holidays.empty')));
      return;
    }
    const th = (x) => h('th', { scope: 'col' }, x);
    const en = currentLang() === 'en';
    replace(
      listBox,
      h(
        'table',
        { class: 'table board holidays' },
        h('caption', { class: 'sr-only' }, t('holidays.list', { year })),
        h('thead', null, h('tr', null, th(t('holidays.date')), th(t('holidays.name')), th(t('holidays.kind')), th(t('holidays.source')), th(t('holidays.scope')), th(h('span', { class: 'sr-only' }, t('holidays.actions'))))),
        h(
          'tbody',
          null,
          items.map((hol) => {
            const row = h(
              'tr',
              { 'data-date': hol.date, 'data-scope': hol.scope || 'national' },
              h('th', { scope: 'row', 'data-label': t('holidays.date') }, formatDateLong(hol.date)),
              h('td', { 'data-label': t('holidays.name') }, en && hol.name_en ? hol.name_en : hol.name),
              h('td', { 'data-label': t('holidays.kind') }, label('reason', hol.kind)),
              h('td', { 'data-label': t('holidays.source') }, hol.source || '—'),
              h('td', { 'data-label': t('holidays.scope') }, appliesTo(hol, orgs)),
              h('td', { class: 'row-actions', 'data-label': t('holidays.actions') }),
            );
            if (mayChange(hol)) {
              row.querySelector('.row-actions').append(h('button', { type: 'button', class: 'button small danger', 'aria-label': t('holidays.delete_label', { date: formatDate(hol.date) }), onclick: () => remove(hol, row) }, t('holidays.delete')));
            }
            return row;
          }),
        ),
      ),
    );
  }
  await loadList();
}
