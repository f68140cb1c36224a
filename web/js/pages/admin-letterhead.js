// Letterhead administration (issue 15): the address, contact lines and logo printed on every letter the
// organisation issues. A ki_admin edits its KI's, a PPID superior its body's, a sysadmin any (?org=).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { get, put } from '../api.js';
import { messageFor } from '../forms.js';
import { currentUser, hasRole } from '../session.js';
import { startPage, loading, failure } from '../page.js';

function readFileBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function letterheadPage(main, { query, isCurrent }) {
  startPage(main, t('letterhead.title'), t('letterhead.intro'));
  const user = currentUser();
  const code = (hasRole('sysadmin') && query.get('org')) || (user.organisation && user.organisation.code);
  const box = h('section', { class: 'card' }, loading());
  main.append(box);
  let head;
  try {
    head = await get(`/api/v1/organisations/${encodeURIComponent(code)}/letterhead`);
  } catch (err) {
    if (isCurrent()) replace(box, failure(err));
    return;
  }
  if (!isCurrent()) return;
  const input = (name, type, value, labelKey, attrs = {}) => {
    const id = `letterhead-${name}`;
    return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), type === 'textarea' ? h('textarea', { id, name, rows: 2, ...attrs }, value || '') : h('input', { id, name, type, value: value || '', ...attrs }));
  };
  const preview = h('div', { class: 'logo-preview', id: 'logo-preview' }, head.logo ? h('img', { src: head.logo.data_url, alt: 'Logo' }) : null);
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  let removeLogo = false;
  const f = h(
    'form',
    { id: 'letterhead-form', novalidate: true },
    h('p', null, h('strong', null, head.name)),
    input('address', 'textarea', head.address, 'letterhead.address'),
    input('phone', 'tel', head.phone, 'letterhead.phone'),
    input('email', 'email', head.email, 'letterhead.email'),
    input('website', 'text', head.website, 'letterhead.website'),
    input('logo', 'file', '', 'letterhead.logo', { accept: 'image/png,image/jpeg' }),
    preview,
    head.logo ? h('button', { type: 'button', class: 'button secondary', id: 'remove-logo', onclick: () => { removeLogo = true; replace(preview); } }, t('letterhead.remove_logo')) : null,
    h('button', { type: 'submit', class: 'button' }, t('letterhead.save')),
    status,
  );
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {};
    for (const name of ['address', 'phone', 'email', 'website']) body[name] = f.elements[name].value.trim();
    const file = f.elements.logo.files && f.elements.logo.files[0];
    try {
      if (file) body.logo = await readFileBase64(file);
      else if (removeLogo) body.logo = null;
      const saved = await put(`/api/v1/organisations/${encodeURIComponent(code)}/letterhead`, body);
      replace(preview, saved.logo ? h('img', { src: saved.logo.data_url, alt: 'Logo' }) : null);
      status.textContent = t('letterhead.saved');
    } catch (err) {
      status.textContent = messageFor(err);
    }
  });
  replace(box, f);
}
