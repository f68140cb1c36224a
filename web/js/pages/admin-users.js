// Users of the organisation (GET/POST /api/v1/users, PATCH /api/v1/users/{id}); a sysadmin may pick
// another organisation.
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { get, post, patch } from '../api.js';
import { form, field, runSubmit } from '../forms.js';
import { go } from '../router.js';
import { currentUser, hasRole } from '../session.js';
import { startPage, loading, failure, section } from '../page.js';
import { loadOrgs } from '../orgs.js';
import { orgPicker } from '../org-picker.js';

// The roles that fit each kind of organisation (docs/security.md "Roles"; the server refuses others).
const kiRoles = ['ki_admin', 'registrar', 'commissioner', 'applicant', 'sysadmin'];
const bodyRoles = ['ppid', 'ppid_superior'];
export const rolesFor = (kind) => (kind === 'ki' ? kiRoles : bodyRoles);

export async function usersPage(main, { query, isCurrent }) {
  const me = currentUser();
  const sysadmin = hasRole('sysadmin');
  const orgCode = (sysadmin && query.get('organisation')) || (me.organisation && me.organisation.code);
  const orgs = await loadOrgs();
  const org = orgs.find((o) => o.code === orgCode) || (me.organisation && me.organisation.code === orgCode ? me.organisation : {});
  const orgLabel = org.name || orgCode;
  startPage(main, t('users.title'), t('users.intro', { org: orgLabel }));
  if (sysadmin) {
    const pick = h('form', { class: 'filters card', id: 'users-org' }, orgPicker({ name: 'organisation', label: t('holidays.organisation'), required: true, value: orgCode, orgs }), h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button' }, t('users.show'))));
    pick.addEventListener('submit', (ev) => {
      ev.preventDefault();
      go('/admin/users', { organisation: new FormData(pick).get('organisation') });
    });
    main.append(pick);
  }
  const listBox = h('div', { id: 'user-list' }, loading());
  const created = h('div', { 'aria-live': 'polite' });
  const f = form({
    ariaLabel: t('users.add'),
    submitLabel: t('users.create'),
    fields: [
      field({ name: 'username', label: t('users.username'), required: true, hint: t('users.username_hint'), autocomplete: 'off' }),
      field({ name: 'display_name', label: t('users.display_name'), required: true, autocomplete: 'off' }),
      field({ name: 'email', type: 'email', label: t('users.email'), autocomplete: 'off' }),
      field({ name: 'password', type: 'password', label: t('users.password'), required: true, hint: t('users.password_hint'), autocomplete: 'new-password' }),
      field({ name: 'roles', type: 'checkboxes', label: t('users.roles'), required: true, options: rolesFor(org.kind).filter((r) => sysadmin || r !== 'sysadmin').map((r) => [r, label('role', r)]) }),
    ],
    onSubmit: async (data, formEl) => {
      const u = await post('/api/v1/users', { ...data, organisation: orgCode });
      formEl.reset();
      replace(created, h('p', { class: 'alert success', role: 'status' }, t('users.created', { name: u.username })));
      await loadList();
    },
  });
  f.id = 'user-form';
  main.append(section(t('users.list'), listBox), section(t('users.add'), f, created));

  /** "Setel ulang kata sandi": a new password for `u` (PATCH /users/{id}; the server ends its sessions). */
  function passwordReset(u) {
    const opener = h('button', { type: 'button', class: 'button small', 'aria-expanded': 'false' }, t('users.reset'));
    const slot = h('div');
    const status = h('p', { class: 'reset-status', role: 'status' });
    const close = () => {
      replace(slot);
      opener.setAttribute('aria-expanded', 'false');
      opener.focus();
    };
    opener.addEventListener('click', () => {
      status.textContent = '';
      const f = form({
        ariaLabel: t('users.reset_for', { name: u.display_name || u.username }),
        submitLabel: t('users.reset_save'),
        className: 'password-reset',
        fields: [field({ name: 'password', type: 'password', label: t('users.new_password'), required: true, hint: t('users.password_hint'), autocomplete: 'new-password' })],
        extraButtons: [h('button', { type: 'button', class: 'button', onclick: close }, t('form.cancel'))],
        onSubmit: async (data) => {
          await patch(`/api/v1/users/${encodeURIComponent(u.id)}`, { password: data.password });
          close();
          status.textContent = t('users.reset_done', { name: u.display_name || u.username });
        },
      });
      replace(slot, f);
      opener.setAttribute('aria-expanded', 'true');
      f.querySelector('input').focus();
    });
    return h('div', { class: 'password-reset-box' }, opener, slot, status);
  }

  async function loadList() {
    let r;
    try {
      r = await get('/api/v1/users', { organisation: orgCode });
    } catch (err) {
      if (isCurrent()) replace(listBox, failure(err));
      return;
    }
    if (!isCurrent()) return;
    const th = (x) => h('th', { scope: 'col' }, x);
    const items = r.items || [];
    replace(
      listBox,
      items.length
        ? h(
            'table',
            { class: 'table board' },
            h('caption', { class: 'sr-only' }, t('users.list')),
            h('thead', null, h('tr', null, th(t('users.username')), th(t('users.display_name')), th(t('users.roles')), th(t('users.email')), th(t('users.status')), th(h('span', { class: 'sr-only' }, t('holidays.actions'))))),
            h(
              'tbody',
              null,
              items.map((u) => {
                const cell = h('td', { class: 'row-actions', 'data-label': t('holidays.actions') });
                if (u.id !== me.id) {
                  const b = h('button', { type: 'button', class: `button small ${u.active ? 'danger' : ''}` }, u.active ? t('users.deactivate') : t('users.activate'));
                  const box = h('div', null, b, h('div', { class: 'form-alert', role: 'alert', hidden: true }));
                  b.addEventListener('click', () => runSubmit(box, b, async () => {
                    await patch(`/api/v1/users/${encodeURIComponent(u.id)}`, { active: !u.active });
                    await loadList();
                  }));
                  cell.append(box, passwordReset(u));
                }
                return h(
                  'tr',
                  { class: u.active ? '' : 'inactive' },
                  h('th', { scope: 'row', 'data-label': t('users.username') }, u.username),
                  h('td', { 'data-label': t('users.display_name') }, u.display_name),
                  h('td', { 'data-label': t('users.roles') }, (u.roles || []).map((x) => label('role', x)).join(', ')),
                  h('td', { 'data-label': t('users.email') }, emailEditor(u)),
                  h('td', { 'data-label': t('users.status') }, u.active ? t('users.active') : t('users.inactive')),
                  cell,
                );
              }),
            ),
          )
        : h('p', { class: 'empty' }, t('users.empty')),
    );
  }
  await loadList();

  // The user's notice address (docs/operations.md "Notices"), edited in place; empty clears it.
  function emailEditor(u) {
    const inputId = `email-${u.id}`;
    const input = h('input', { type: 'email', id: inputId, name: 'email', value: u.email || '', autocomplete: 'off', 'aria-label': `${t('users.email')} ${u.username}` });
    const b = h('button', { type: 'submit', class: 'button small secondary' }, t('users.save_email'));
    const box = h('form', { class: 'inline-email', novalidate: true }, input, b, h('div', { class: 'form-alert', role: 'alert', hidden: true }));
    box.addEventListener('submit', (ev) => {
      ev.preventDefault();
      runSubmit(box, b, async () => {
        await patch(`/api/v1/users/${encodeURIComponent(u.id)}`, { email: input.value.trim() });
        await loadList();
      });
    });
    return box;
  }
}
