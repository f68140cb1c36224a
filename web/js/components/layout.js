// The page frame: brand, navigation by role, the user's name, organisation and roles (always visible
// when logged in), the language switch and log out.
import { h, replace } from '../dom.js';
import { t, label, currentLang, setLang } from '../i18n.js';
import { currentUser, hasRole, isPpid, isKiStaff, isAdmin } from '../session.js';

function navLinks(path) {
  const user = currentUser();
  const links = [];
  if (user) {
    links.push(['/board', t('nav.board')]);
    if (isPpid()) links.push(['/inbox', t('nav.inbox')]);
    if (hasRole('ppid')) links.push(['/requests/new', t('nav.new_request')]);
    if (isKiStaff()) links.push(['/disputes/new', t('nav.intake')]);
    if (hasRole('sysadmin', 'ki_admin', 'registrar', 'commissioner', 'ppid', 'ppid_superior')) links.push(['/reports', t('nav.reports')]);
    if (isAdmin()) {
      links.push(['/admin/holidays', t('nav.holidays')]);
      links.push(['/admin/users', t('nav.users')]);
      links.push(['/admin/audit', t('nav.audit')]);
    }
    if (hasRole('ki_admin', 'sysadmin', 'ppid_superior')) links.push(['/admin/letterhead', t('nav.letterhead')]);
    if (hasRole('ki_admin', 'sysadmin', 'ppid_superior')) links.push(['/admin/notices', t('nav.notices')]);
    links.push(['/me/notices', t('nav.my_notices')]);
  }
  links.push(['/public/status', t('nav.public_status')]);
  links.push(['/public/hearings', t('nav.public_hearings')]);
  links.push(['/public/decisions', t('nav.public_decisions')]);
  links.push(['/public/statistics', t('nav.statistics')]);
  links.push(['/public/calculator', t('nav.calculator')]);
  return links.map(([href, text]) =>
    h('li', null, h('a', { href: `#${href}`, 'aria-current': path === href ? 'page' : null }, text)),
  );
}

export function renderHeader(container, { path, onLogout }) {
  const user = currentUser();
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'button small lang-switch',
      id: 'lang-switch',
      lang: currentLang() === 'id' ? 'en' : 'id',
      // The other dictionary may still have to be fetched: the page is busy until it re-renders.
      onclick: () => {
        document.getElementById('main').setAttribute('aria-busy', 'true');
        setLang(currentLang() === 'id' ? 'en' : 'id').catch(() => document.getElementById('main').removeAttribute('aria-busy'));
      },
    },
    t('lang.switch'),
  );
  const who = user
    ? h(
        'div',
        { class: 'who', id: 'who', role: 'group', 'aria-label': t('who.label') },  // a name needs a role: aria-label on a bare div is ignored
        h('span', { class: 'who-name', id: 'who-name' }, user.display_name || user.username),
        h('span', { class: 'who-org', id: 'who-org' }, (user.organisation && user.organisation.name) || user.organisation_name || ''),
        h('span', { class: 'who-roles', id: 'who-roles' }, (user.roles || []).map((r) => label('role', r)).join(', ')),
        h('button', { type: 'button', class: 'button small', id: 'logout', onclick: onLogout }, t('nav.logout')),
      )
    : h('div', { class: 'who' }, h('a', { class: 'button small', href: '#/login', id: 'login-link' }, t('nav.login')));
  const menuId = 'main-nav-list';
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button small nav-toggle',
      'aria-controls': menuId,
      'aria-expanded': 'false',
      onclick: (ev) => {
        const open = ev.currentTarget.getAttribute('aria-expanded') !== 'true';
        ev.currentTarget.setAttribute('aria-expanded', String(open));
        container.querySelector(`#${menuId}`).classList.toggle('open', open);
      },
    },
    t('nav.menu'),
  );
  replace(
    container,
    h(
      'div',
      { class: 'header-top' },
      h('a', { class: 'brand', href: user ? '#/board' : '#/public/status' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '§'), t('app.name')),
      h('div', { class: 'header-tools' }, langButton, who),
    ),
    h('nav', { class: 'main-nav', 'aria-label': t('nav.label') }, toggle, h('ul', { id: menuId }, navLinks(path))),
  );
}

export function renderFooter(container) {
  replace(container, h('p', null, t('footer.text')));
}
