// Public case status by register number (no login): state, next step and due date, hearings, decision.
import { h, replace } from '../dom.js';
import { t, label, formatDateLong, daysText } from '../i18n.js';
import { get } from '../api.js';
import { form, field } from '../forms.js';
import { go } from '../router.js';
import { startPage, loading, failure, section } from '../page.js';
import { stateBadge } from '../components/badges.js';
import { hearingsList, decisionView } from '../components/case-record.js';
import { orgName } from '../orgs.js';

export async function publicStatusView(c) {
  const next = c.next_deadline || c.next || null;
  const [kiName, respondentName] = await Promise.all([orgName(c.ki), orgName(c.respondent)]);
  const dl = (pairs) => h('dl', { class: 'facts' }, pairs.filter(([, v]) => v).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  return h(
    'div',
    { class: 'public-case', id: 'public-case' },
    section(
      c.register_number || '—',
      h('div', { class: 'case-status' }, stateBadge('dispute', c.state), c.outcome ? h('span', { class: 'badge outcome' }, label('outcome', c.outcome)) : null),
      dl([
        [t('dispute.ki'), kiName],
        [t('dispute.respondent'), respondentName],
        [t('public.applicant_initials'), c.applicant_initials || c.applicant],
        [t('public.next_step'), next ? `${label('deadline', String(next.key || '').split(':')[0])}` : c.awaiting && c.awaiting.action ? label('action', c.awaiting.action) : t('public.no_next_step')],
        [t('public.due'), next && next.due ? [formatDateLong(next.due), next.days_remaining !== undefined ? ` (${daysText(next.days_remaining, next.status)})` : ''] : null],
      ]),
    ),
    section(t('case.hearings'), hearingsList(c.hearings)),
    section(t('case.decision'), decisionView(c.decision)),
  );
}

/** A register number as typed or pasted: no spaces around or inside, capitals (the server does the same). */
export function normalisedNumber(typed) {
  return String(typed || '').replace(/\s+/g, '').toUpperCase();
}

export async function publicStatusPage(main, { query, isCurrent }) {
  startPage(main, t('public.status_title'), t('public.status_intro'));
  const number = query.get('register_number') || '';
  const f = form({
    className: 'inline',
    ariaLabel: t('public.status_title'),
    fields: [field({ name: 'register_number', label: t('public.register_number'), required: true, value: number, hint: t('public.register_hint') })],
    submitLabel: t('public.lookup'),
    onSubmit: async (data) => go('/public/status', { register_number: normalisedNumber(data.register_number) }),
  });
  f.id = 'status-form';
  const out = h('div', { 'aria-live': 'polite' });
  main.append(h('section', { class: 'card' }, f), out);
  if (!number) return;
  replace(out, loading());
  try {
    const r = await get('/api/v1/public/disputes', { register_number: number });
    const c = r && Array.isArray(r.items) ? r.items[0] : r;
    if (!isCurrent()) return;
    replace(out, c ? await publicStatusView(c) : h('p', { class: 'alert info', role: 'status' }, t('public.not_found')));
  } catch (err) {
    if (!isCurrent()) return;
    replace(out, err.status === 404 ? h('p', { class: 'alert info', role: 'status' }, t('public.not_found')) : failure(err));
  }
}
