// Entry point: routes, the page frame, and re-rendering on navigation or language change.
import { h, replace } from './dom.js';
import { t, onLangChange, currentLang } from './i18n.js';
import { route, parseHash, match, go } from './router.js';
import { onUnauthorized } from './api.js';
import { loadSession, currentUser, logOut, forgetSession } from './session.js';
import { renderHeader, renderFooter } from './components/layout.js';
import { messageFor } from './forms.js';
import { setTitle } from './page.js';
import { loginPage } from './pages/login.js';
import { boardPage } from './pages/board.js';
import { inboxPage } from './pages/inbox.js';
import { requestPage, newRequestPage } from './pages/request.js';
import { disputePage } from './pages/dispute.js';
import { intakePage } from './pages/intake.js';
import { publicStatusPage } from './pages/public-status.js';
import { publicHearingsPage } from './pages/public-hearings.js';
import { publicDecisionsPage } from './pages/public-decisions.js';
import { calculatorPage } from './pages/calculator.js';
import { holidaysPage } from './pages/admin-holidays.js';
import { usersPage } from './pages/admin-users.js';
import { auditPage } from './pages/admin-audit.js';
import { letterheadPage } from './pages/admin-letterhead.js';

route('/login', loginPage, { auth: 'public' });
route('/board', boardPage);
route('/inbox', inboxPage, { roles: ['ppid', 'ppid_superior'] });
route('/requests/new', newRequestPage, { roles: ['ppid'] });
route('/requests/:id', requestPage);
route('/disputes/new', intakePage, { roles: ['registrar', 'ki_admin'] });
route('/disputes/:id', disputePage);
route('/public/status', publicStatusPage, { auth: 'public' });
route('/public/hearings', publicHearingsPage, { auth: 'public' });
route('/public/decisions', publicDecisionsPage, { auth: 'public' });
route('/public/calculator', calculatorPage, { auth: 'public' });
route('/admin/holidays', holidaysPage, { roles: ['ki_admin', 'sysadmin'] });
route('/admin/users', usersPage, { roles: ['ki_admin', 'sysadmin'] });
route('/admin/audit', auditPage, { roles: ['ki_admin', 'sysadmin'] });
route('/admin/letterhead', letterheadPage, { roles: ['ki_admin', 'sysadmin', 'ppid_superior'] });

const main = document.getElementById('main');
const header = document.getElementById('site-header');
const footer = document.getElementById('site-footer');
let renderSeq = 0;
let focusOnRender = false;


async function handleLogout() {
  await logOut().catch(() => {});
  go('/login', { bye: 1 });
}

async function render() {
  const seq = ++renderSeq;
  const { path, query } = parseHash();
  if (path === '/' || path === '') {
    go(currentUser() ? '/board' : '/public/status');
    return;
  }
  renderHeader(header, { path, onLogout: handleLogout });
  renderFooter(footer);
  const found = match(path);
  if (!found) {
    setTitle(t('error.not_found_title'));
    replace(main, h('h1', null, t('error.not_found_title')), h('p', null, t('error.404')));
    return;
  }
  const { route: r, params } = found;
  if (r.auth !== 'public' && !currentUser()) {
    go('/login', { next: window.location.hash.slice(1) });
    return;
  }
  if (r.roles && !(currentUser().roles || []).some((x) => r.roles.includes(x))) {
    setTitle(t('error.forbidden_title'));
    replace(main, h('h1', null, t('error.forbidden_title')), h('p', null, t('error.403')));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    await r.handler(main, { params, query, isCurrent: () => seq === renderSeq });
  } catch (err) {
    if (seq !== renderSeq) return;
    console.error(err);
    replace(main, h('h1', null, t('error.page_title')), h('p', { class: 'alert error', role: 'alert' }, err && err.status !== undefined ? messageFor(err) : String(err)));
  } finally {
    main.removeAttribute('aria-busy');
  }
  if (focusOnRender && seq === renderSeq) {
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    const h1 = main.querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    }
  }
  focusOnRender = true;
}

onUnauthorized(() => {
  if (!currentUser()) return;
  forgetSession();
  go('/login', { expired: 1, next: window.location.hash.slice(1) });
});

onLangChange(() => {
  document.getElementById('skip-link').textContent = t('skip');
  render();
});

window.addEventListener('hashchange', render);
document.getElementById('skip-link').addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});

(async () => {
  document.documentElement.lang = currentLang();
  document.getElementById('skip-link').textContent = t('skip');
  try {
    await loadSession();
  } catch {
    /* server unreachable: public pages still render their own errors */
  }
  await render();
})();
