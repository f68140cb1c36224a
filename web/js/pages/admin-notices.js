// Notice administration (issue 16, docs/operations.md "Notices"): whether this server sends email and
// how its latest attempts went, and the organisation's webhooks: add (the secret is shown once), test,
// disable or enable, rotate the secret, remove, and each one's delivery log. A ki_admin manages its KI's,
// a PPID superior its body's, a sysadmin any organisation's (?org=).
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { get, post, put, patch, del } from '../api.js';
import { form, field, runSubmit, messageFor } from '../forms.js';
import { currentUser, hasRole } from '../session.js';
import { startPage, loading, failure, section } from '../page.js';
import { attemptText, noticesTable } from '../components/notices.js';

export async function noticesAdminPage(main, { query, isCurrent }) {
  startPage(main, t('notices.admin_title'), t('notices.admin_intro'));
  const user = currentUser();
  const code = (hasRole('sysadmin') && query.get('org')) || (user.organisation && user.organisation.code);
  const hooksPath = `/api/v1/organisations/${encodeURIComponent(code)}/webhooks`;
  const emailBox = h('div', { id: 'email-status' }, loading());
  const hooksBox = h('div', { id: 'webhook-list' }, loading());
  const secretBox = h('div', { 'aria-live': 'polite', id: 'webhook-secret' });
  const logBox = h('div', { id: 'webhook-log' });
  const showSecret = (hook) =>
    replace(secretBox, h('div', { class: 'alert success', role: 'status' }, h('p', null, t('notices.secret_once', { url: hook.url })), h('p', null, h('code', { id: 'webhook-secret-value' }, hook.secret))));
  const f = form({
    ariaLabel: t('notices.add_webhook'),
    submitLabel: t('notices.add_webhook'),
    fields: [
      field({ name: 'url', type: 'url', label: t('notices.url'), required: true, hint: t('notices.url_hint'), autocomplete: 'off' }),
      field({ name: 'secret', label: t('notices.secret'), hint: t('notices.secret_hint'), autocomplete: 'off' }),
    ],
    onSubmit: async (data, formEl) => {
      const body = { url: data.url };
      if (data.secret) body.secret = data.secret;
      const created = await post(hooksPath, body);
      formEl.reset();
      showSecret(created);
      await load();
    },
  });
  f.id = 'webhook-form';
  main.append(section(t('notices.email_title'), emailBox), section(t('notices.webhooks_title'), hooksBox, secretBox, logBox), section(t('notices.add_webhook'), f));

  async function load() {
    let status;
    try {
      status = await get('/api/v1/notices/status', { organisation: code });
    } catch (err) {
      if (isCurrent()) replace(hooksBox, failure(err));
      return;
    }
    if (!isCurrent()) return;
    const e = status.email;
    replace(
      emailBox,
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, t('notices.email_configured')),
        h('dd', { id: 'email-configured' }, e.configured ? t('notices.yes') : t('notices.no_smtp')),
        h('dt', null, t('notices.last_success')),
        h('dd', null, attemptText(e.last_success)),
        h('dt', null, t('notices.last_failure')),
        h('dd', null, attemptText(e.last_failure)),
      ),
    );
    const hooks = status.webhooks || [];
    const th = (x) => h('th', { scope: 'col' }, x);
    const action = (text, cls, run) => {
      const b = h('button', { type: 'button', class: `button small ${cls}` }, text);
      const box = h('span', null, b, h('span', { class: 'form-alert', role: 'alert', hidden: true }));
      b.addEventListener('click', () => runSubmit(box, b, run));
      return box;
    };
    replace(
      hooksBox,
      hooks.length
        ? h(
            'table',
            { class: 'table board', id: 'webhook-table' },
            h('caption', { class: 'sr-only' }, t('notices.webhooks_title')),
            h('thead', null, h('tr', null, th(t('notices.url')), th(t('notices.state')), th(t('notices.last_delivery')), th(h('span', { class: 'sr-only' }, t('holidays.actions'))))),
            h(
              'tbody',
              null,
              hooks.map((w) => {
                const path = `${hooksPath}/${w.id}`;
                return h(
                  'tr',
                  { class: w.active ? '' : 'inactive', 'data-url': w.url },
                  h('th', { scope: 'row', 'data-label': t('notices.url') }, w.url),
                  h('td', { 'data-label': t('notices.state') }, w.active ? t('notices.active') : t('notices.inactive')),
                  h('td', { 'data-label': t('notices.last_delivery') }, attemptText(w.last_delivery)),
                  h(
                    'td',
                    { class: 'row-actions', 'data-label': t('holidays.actions') },
                    action(t('notices.test'), '', async () => { await post(`${path}/test`); await showLog(w); await load(); }),
                    action(t('notices.show_log'), 'secondary', async () => showLog(w)),
                    action(w.active ? t('notices.disable') : t('notices.enable'), 'secondary', async () => { await patch(path, { active: !w.active }); await load(); }),
                    action(t('notices.rotate'), 'secondary', async () => { showSecret(await post(`${path}/rotate-secret`)); await load(); }),
                    action(t('notices.remove'), 'danger', async () => { await del(path); replace(logBox); await load(); }),
                  ),
                );
              }),
            ),
          )
        : h('p', { class: 'empty' }, t('notices.no_webhooks')),
    );
  }

  async function showLog(w) {
    const log = await get(`${hooksPath}/${w.id}/deliveries`);
    if (!isCurrent()) return;
    replace(logBox, h('h3', null, t('notices.log_of', { url: w.url })), noticesTable(log.items || [], { id: 'webhook-log-table' }));
  }

  await load();
}

/** The caller's own notice preferences: one switch per kind; the address is set in user administration. */
export async function noticePreferencesPage(main, { isCurrent }) {
  startPage(main, t('notices.prefs_title'), t('notices.prefs_intro'));
  const box = h('section', { class: 'card' }, loading());
  main.append(box);
  let prefs;
  try {
    prefs = await get('/api/v1/me/notice-preferences');
  } catch (err) {
    if (isCurrent()) replace(box, failure(err));
    return;
  }
  if (!isCurrent()) return;
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const f = h(
    'form',
    { id: 'notice-preferences', novalidate: true },
    h('p', { id: 'notice-address' }, prefs.email ? t('notices.address', { email: prefs.email }) : t('notices.no_address')),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', null, t('notices.kinds')),
      prefs.items.map((p) => h('div', { class: 'check' }, h('input', { type: 'checkbox', id: `pref-${p.kind}`, name: p.kind, checked: p.enabled }), h('label', { for: `pref-${p.kind}` }, label('notices.kind', p.kind)))),
    ),
    h('button', { type: 'submit', class: 'button' }, t('notices.save')),
    status,
  );
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await put('/api/v1/me/notice-preferences', { items: prefs.items.map((p) => ({ kind: p.kind, enabled: f.elements[p.kind].checked })) });
      status.textContent = t('notices.saved');
    } catch (err) {
      status.textContent = messageFor(err);
    }
  });
  replace(box, f);
}

/** The applicant's opt-out page, opened from the link in an email: no login; one button confirms. */
export async function optOutPage(main, { query }) {
  startPage(main, t('notices.optout_title'), t('notices.optout_intro'));
  const token = query.get('token') || '';
  const result = h('div', { 'aria-live': 'polite', id: 'opt-out-result' });
  const b = h('button', { type: 'button', class: 'button', id: 'opt-out' }, t('notices.optout_button'));
  const box = h('div', null, b, h('div', { class: 'form-alert', role: 'alert', hidden: true }));
  b.addEventListener('click', () =>
    runSubmit(box, b, async () => {
      await post('/api/v1/public/notices/opt-out', { token });
      replace(result, h('div', { class: 'alert success', role: 'status' }, h('p', null, t('notices.optout_done'))));
      b.hidden = true;
    }),
  );
  main.append(h('section', { class: 'card' }, box, result));
}
