// The only path to data: the REST API (api/openapi/). The session lives in the HttpOnly cookie set by
// POST /api/v1/sessions; writes carry X-Requested-With: perkara (the server's CSRF guard).

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

const listeners = new Set();
/** Called with the ApiError whenever an authenticated call answers 401 (session expired). */
export function onUnauthorized(fn) {
  listeners.add(fn);
}

export async function api(method, path, { body, query, ifMatch, quiet401 } = {}) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-Requested-With'] = 'perkara';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: String(e && e.message ? e.message : e) });
  }
  let data = null;
  const text = await res.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && !quiet401) listeners.forEach((fn) => fn(err));
    throw err;
  }
  return data;
}

export const get = (path, query, opts = {}) => api('GET', path, { ...opts, query });
export const post = (path, body, opts = {}) => api('POST', path, { ...opts, body });
export const put = (path, body, opts = {}) => api('PUT', path, { ...opts, body });
export const patch = (path, body, opts = {}) => api('PATCH', path, { ...opts, body });
export const del = (path, opts = {}) => api('DELETE', path, opts);
