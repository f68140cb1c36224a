// Entry point: routes, the page frame, and re-rendering on navigation or language change.
import { h, replace } from './dom.js';
import { t, onLangChange, currentLang } from './i18n.js';
import { route, parseHash, match, go } from './router.js';
import { onUnauthorized } from './api.js';
import { loadSession, currentUser, logOut, forgetSession } from './session.js';
import { renderHeader, renderFooter } from './components/layout.js';
import { messageFor } from './forms.js';
import { setTitle } from './page.js';

// Each page module is fetched when its route is first shown (a literal specifier per page, so the
// server can version it: server/static_files.hpp).
function lazy(load, name) {
  return async (main, context) => (await load())[name](main, context);
}

route('/login', lazy(() => import('./pages/login.js'), 'loginPage'), { auth: 'public' });
route('/board', lazy(() => import('./pages/board.js'), 'boardPage'));
route('/inbox', lazy(() => import('./pages/inbox.js'), 'inboxPage'), { roles: ['ppid', 'ppid_superior'] });
route('/requests/new', lazy(() => import('./pages/request.js'), 'newRequestPage'), { roles: ['ppid'] });
route('/requests/:id', lazy(() => import('./pages/request.js'), 'requestPage'));
route('/disputes/new', lazy(() => import('./pages/intake.js'), 'intakePage'), { roles: ['registrar', 'ki_admin'] });
route('/disputes/:id', lazy(() => import('./pages/dispute.js'), 'disputePage'));
route('/public/status', lazy(() => import('./pages/public-status.js'), 'publicStatusPage'), { auth: 'public' });
route('/public/hearings', lazy(() => import('./pages/public-hearings.js'), 'publicHearingsPage'), { auth: 'public' });
route('/public/decisions', lazy(() => import('./pages/public-decisions.js'), 'publicDecisionsPage'), { auth: 'public' });
route('/public/calculator', lazy(() => import('./pages/calculator.js'), 'calculatorPage'), { auth: 'public' });
route('/reports', lazy(() => import('./pages/reports.js'), 'reportsPage'), { roles: ['sysadmin', 'ki_admin', 'registrar', 'commissioner', 'ppid', 'ppid_superior'] });
route('/public/statistics', lazy(() => import('./pages/reports.js'), 'publicStatisticsPage'), { auth: 'public' });
route('/admin/holidays', lazy(() => import('./pages/admin-holidays.js'), 'holidaysPage'), { roles: ['ki_admin', 'sysadmin'] });
route('/admin/users', lazy(() => import('./pages/admin-users.js'), 'usersPage'), { roles: ['ki_admin', 'sysadmin'] });
route('/admin/audit', lazy(() => import('./pages/admin-audit.js'), 'auditPage'), { roles: ['ki_admin', 'sysadmin'] });
route('/admin/letterhead', lazy(() => import('./pages/admin-letterhead.js'), 'letterheadPage'), { roles: ['ki_admin', 'sysadmin', 'ppid_superior'] });
route('/admin/notices', lazy(() => import('./pages/admin-notices.js'), 'noticesAdminPage'), { roles: ['ki_admin', 'sysadmin', 'ppid_superior'] });
route('/me/notices', lazy(() => import('./pages/admin-notices.js'), 'noticePreferencesPage'));
route('/opt-out', lazy(() => import('./pages/admin-notices.js'), 'optOutPage'), { auth: 'public' });

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
    // Move focus to the new page's heading (or what the page marked, e.g. a result) so keyboard and
    // screen-reader users land on it.
    const h1 = main.querySelector('[data-autofocus]') || main.querySelector('h1');
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
