// Log in (POST /api/v1/sessions); the server sets the HttpOnly session cookie.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { form, field } from '../forms.js';
import { logIn } from '../session.js';
import { go, parseHash } from '../router.js';
import { startPage } from '../page.js';

export async function loginPage(main, { query }) {
  startPage(main, t('login.title'));
  if (query.get('expired')) main.append(h('p', { class: 'alert info', role: 'status' }, t('login.expired')));
  if (query.get('bye')) main.append(h('p', { class: 'alert info', role: 'status', id: 'logged-out' }, t('login.bye')));
  const next = query.get('next');
  const f = form({
    className: 'narrow',
    ariaLabel: t('login.title'),
    fields: [
      field({ name: 'username', label: t('login.username'), required: true, autocomplete: 'username' }),
      field({ name: 'password', type: 'password', label: t('login.password'), required: true, autocomplete: 'current-password' }),
    ],
    submitLabel: t('login.submit'),
    onSubmit: async (data) => {
      await logIn(data.username || '', data.password || '');
      const target = next && next.startsWith('/') && !next.startsWith('/login') ? parseHash(`#${next}`) : null;
      if (target) window.location.hash = `#${next}`;
      else go('/board');
    },
  });
  f.id = 'login-form';
  main.append(
    h('section', { class: 'card narrow' }, f),
    h('p', { class: 'muted' }, t('login.public_hint'), ' ', h('a', { href: '#/public/status' }, t('nav.public_status')), ' · ', h('a', { href: '#/public/calculator' }, t('nav.calculator'))),
  );
}
