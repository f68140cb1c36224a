// The logged-in user (GET /api/v1/me). The token itself never reaches script: it is the HttpOnly cookie.
import { get, post, del } from './api.js';

let user = null;

export function currentUser() {
  return user;
}

export function hasRole(...roles) {
  return !!user && Array.isArray(user.roles) && user.roles.some((r) => roles.includes(r));
}

export const isPpid = () => hasRole('ppid', 'ppid_superior');
export const isKiStaff = () => hasRole('registrar', 'ki_admin', 'commissioner');
export const isAdmin = () => hasRole('ki_admin', 'sysadmin');

/** The caller's organisation UTC offset as "+07:00" (WIB when unknown). */
export function orgOffset() {
  return (user && user.organisation && user.organisation.utc_offset) || '+07:00';
}

export async function loadSession() {
  try {
    user = await get('/api/v1/me', undefined, { quiet401: true });
  } catch (e) {
    if (e.status !== 401) throw e;
    user = null;
  }
  return user;
}

export async function logIn(username, password) {
  // A cookie session: the server sets the HttpOnly cookie and leaves the token out of the reply.
  await post('/api/v1/sessions', { username, password, cookie: true }, { quiet401: true });
  return loadSession();
}

export async function logOut() {
  try {
    await del('/api/v1/sessions/current', { quiet401: true });
  } finally {
    user = null;
  }
}

export function forgetSession() {
  user = null;
}
