// Hash router: '#/requests/ID?x=1' -> {path: '/requests/ID', params: {id}, query: URLSearchParams}.
const routes = [];

/** route('/requests/:id', handler, {auth: 'staff'|'public', roles: [...]}) */
export function route(pattern, handler, options = {}) {
  const names = [];
  const re = new RegExp(
    `^${pattern.replace(/:(\w+)/g, (m, name) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  routes.push({ pattern, re, names, handler, auth: options.auth || 'staff', roles: options.roles || null });
}

export function parseHash(hash = window.location.hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  return { path, query };
}

export function match(path) {
  for (const r of routes) {
    const m = r.re.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { route: r, params };
    }
  }
  return null;
}

/** Navigate to '#/path' with an optional query object (empty values dropped). */
export function go(path, query) {
  let hash = `#${path}`;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    const s = qs.toString();
    if (s) hash += `?${s}`;
  }
  if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}

export function link(path, query) {
  let hash = `#${path}`;
  if (query) {
    const s = new URLSearchParams(query).toString();
    if (s) hash += `?${s}`;
  }
  return hash;
}
