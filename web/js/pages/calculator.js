// Public deadline calculator (GET /api/v1/calendar/deadline): the due date and why: deemed receipt,
// and every skipped day with its reason. The inputs live in the URL so a result can be shared.
import { h, replace } from '../dom.js';
import { t, label, formatDateLong } from '../i18n.js';
import { get } from '../api.js';
import { form, field, showErrors, todayIso } from '../forms.js';
import { go } from '../router.js';
import { startPage, loading } from '../page.js';
import { explanation } from '../components/deadlines.js';
import { loadOrgs } from '../orgs.js';
import { orgPicker } from '../org-picker.js';

/** Buttons that fill the days and unit of a legal period of the election rule set (PERKI 1/2019). */
async function presets(f) {
  const r = await get('/api/v1/rulesets/perki_1_2019').catch(() => null);
  const periods = ((r && r.periods) || []).filter((p) => Number.isInteger(p.effective_value));
  if (!periods.length) return null;
  return h(
    'div',
    { class: 'presets', role: 'group', 'aria-labelledby': 'calc-presets-label' },
    h('p', { id: 'calc-presets-label', class: 'muted' }, t('calc.presets')),
    periods.map((p) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button small',
          'data-period': p.key,
          onclick: () => {
            f.querySelector('[name="days"]').value = String(p.effective_value);
            f.querySelector('[name="unit"]').value = p.unit;
            f.querySelector('[name="days"]').focus();
          },
        },
        `${label('period', p.key)} (${t(p.unit === 'working_days' ? 'calc.preset_working' : 'calc.preset_calendar', { n: p.effective_value })})`,
      ),
    ),
  );
}

export async function calculatorPage(main, { query, isCurrent }) {
  startPage(main, t('calc.title'), t('calc.intro'));
  const orgs = await loadOrgs();
  const q = Object.fromEntries(query.entries());
  const offsetOf = (code) => ((orgs.find((o) => o.code === code) || {}).utc_offset) || '+07:00';
  const f = form({
    ariaLabel: t('calc.title'),
    fields: [
      field({ name: 'from', type: 'date', label: t('calc.from'), value: q.from || (q.received_at ? '' : todayIso()), hint: t('calc.from_hint') }),
      field({ name: 'days', type: 'number', label: t('calc.days'), required: true, value: q.days ?? '3', min: 0, max: 400 }),
      field({ name: 'unit', type: 'select', label: t('calc.unit'), required: true, value: q.unit || 'working_days', options: ['working_days', 'calendar_days'].map((u) => [u, label('unit', u)]) }),
      orgPicker({ name: 'organisation', label: t('calc.organisation'), value: q.organisation || '', placeholder: t('calc.national'), hint: t('calc.organisation_hint'), orgs }),
      field({ name: 'received_at', type: 'datetime', label: t('calc.received_at'), value: q.received_at ? q.received_at.slice(0, 16) : '', hint: t('calc.received_hint') }),
    ],
    submitLabel: t('calc.submit'),
    offset: () => offsetOf(f.querySelector('[name="organisation"]').value),
    onSubmit: async (data) => go('/public/calculator', { ...data, received_at: data.received_at || '', from: data.received_at ? '' : data.from }),
  });
  f.id = 'calc-form';
  const out = h('div', { id: 'calc-result', 'aria-live': 'polite' });
  main.append(h('section', { class: 'card' }, await presets(f), f), out);
  if (q.days === undefined) return;
  replace(out, loading());
  try {
    const r = await get('/api/v1/calendar/deadline', { from: q.from, days: q.days, unit: q.unit, organisation: q.organisation, received_at: q.received_at });
    if (!isCurrent()) return;
    replace(
      out,
      h(
        'section',
        { class: 'card result' },
        h('h2', null, t('calc.result')),
        h('p', { class: 'big-due', id: 'calc-due' }, t('calc.due_is'), ' ', h('strong', null, formatDateLong(r.due))),
        explanation(r),
      ),
    );
    // The result gets the focus after rendering (web/js/main.js), which also scrolls it into view on a
    // phone, where it is below the form; aria-live announces it.
    out.querySelector('h2').setAttribute('tabindex', '-1');
    out.querySelector('h2').setAttribute('data-autofocus', '');
  } catch (err) {
    if (!isCurrent()) return;
    replace(out);
    showErrors(f, err);
  }
}
