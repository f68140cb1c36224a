// Form building and the display of API problems: each `errors[].field` message goes next to the input
// whose data-field matches it (dotted paths such as `applicant.name`), `detail` at the top of the form.
import { h, clear, uid } from './dom.js';
import { t, pickLang } from './i18n.js';

/**
 * One labelled input. spec: {name, label, type ('text'|'password'|'date'|'datetime'|'number'|'textarea'|
 * 'select'|'checkboxes'|'lines'|'checkbox'|'email'|'tel'), required, options: [[value, label]], hint,
 * value, autocomplete, min, max}. The wrapper carries data-field = name so errors find it.
 */
export function field(spec) {
  const id = uid('f');
  const errorId = `${id}-error`;
  const hintId = spec.hint ? `${id}-hint` : null;
  const describedBy = [hintId].filter(Boolean).join(' ') || null;
  const common = {
    id,
    name: spec.name,
    required: spec.required || false,
    'aria-describedby': describedBy,
    'data-type': spec.type || 'text',
    autocomplete: spec.autocomplete || null,
  };
  let control;
  const type = spec.type || 'text';
  if (type === 'textarea' || type === 'lines') {
    control = h('textarea', { ...common, rows: spec.rows || 3 });
    if (spec.value !== undefined && spec.value !== null) control.value = spec.value;
  } else if (type === 'select') {
    // Optional selects start with an empty choice; required ones show a placeholder until one is picked.
    const hasValue = spec.value !== undefined && spec.value !== null && spec.value !== '';
    const first = spec.required
      ? spec.placeholder !== undefined ? [h('option', { value: '', disabled: true, selected: !hasValue }, spec.placeholder)] : []
      : [h('option', { value: '' }, spec.placeholder || t('form.choose'))];
    control = h('select', common, first, (spec.options || []).map(([value, text]) => h('option', { value, selected: value === spec.value }, text)));
  } else if (type === 'checkboxes') {
    const legendId = `${id}-legend`;
    const group = h(
      'fieldset',
      { class: 'field checkboxes', 'data-field': spec.name, 'aria-describedby': describedBy },
      h('legend', { id: legendId }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      spec.hint ? h('p', { class: 'hint', id: hintId }, spec.hint) : null,
      h(
        'div',
        { class: 'checkbox-list' },
        (spec.options || []).map(([value, text]) => {
          const cid = uid('c');
          const checked = Array.isArray(spec.value) && spec.value.includes(value);
          return h(
            'div',
            { class: 'checkbox' },
            h('input', { type: 'checkbox', id: cid, name: spec.name, value, 'data-type': 'checkboxes', checked }),
            h('label', { for: cid }, text),
          );
        }),
      ),
      h('p', { class: 'field-error', id: errorId, hidden: true }),
    );
    return group;
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: !!spec.value, required: false });
    return h(
      'div',
      { class: 'field field-checkbox', 'data-field': spec.name },
      control,
      h('label', { for: id }, spec.label),
      spec.hint ? h('p', { class: 'hint', id: hintId }, spec.hint) : null,
      h('p', { class: 'field-error', id: errorId, hidden: true }),
    );
  } else {
    const htmlType = type === 'datetime' ? 'datetime-local' : type;
    control = h('input', {
      ...common,
      type: htmlType,
      min: spec.min ?? null,
      max: spec.max ?? null,
      value: spec.value ?? null,
      inputmode: type === 'number' ? 'numeric' : null,
    });
  }
  return h(
    'div',
    { class: 'field', 'data-field': spec.name },
    h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    spec.hint ? h('p', { class: 'hint', id: hintId }, spec.hint) : null,
    control,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

/** "now" in the organisation's offset, formatted for <input type=datetime-local>. */
export function localNow(offset = '+07:00') {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset) || ['', '+', '07', '00'];
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(Date.now() + minutes * 60000).toISOString().slice(0, 16);
}

export function todayIso(offset = '+07:00') {
  return localNow(offset).slice(0, 10);
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  keys.slice(0, -1).forEach((k) => {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}

/**
 * Reads a form into a nested object by the inputs' dotted names. Empty optional values are left out;
 * `datetime` values get the organisation's offset (RFC 3339); `lines` become arrays of non-empty lines;
 * `checkboxes` arrays of the checked values; `number` integers; `checkbox` booleans.
 */
export function readForm(form, offset = '+07:00') {
  const out = {};
  const seen = new Set();
  for (const el of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    const name = el.name;
    const type = el.dataset.type || 'text';
    if (el.disabled || el.closest('[hidden]') || type === 'ignore') continue;
    if (type === 'checkboxes') {
      if (!seen.has(name)) {
        seen.add(name);
        const values = [...form.querySelectorAll(`input[data-type="checkboxes"]`)]
          .filter((c) => c.name === name && c.checked)
          .map((c) => c.value);
        setPath(out, name, values);
      }
      continue;
    }
    if (type === 'checkbox') {
      setPath(out, name, el.checked);
      continue;
    }
    const raw = el.value.trim();
    if (raw === '') continue;
    if (type === 'datetime') setPath(out, name, `${raw.length === 16 ? `${raw}:00` : raw}${offset}`);
    else if (type === 'number') setPath(out, name, Number.isInteger(Number(raw)) ? Number(raw) : raw);
    else if (type === 'lines') setPath(out, name, raw.split('\n').map((s) => s.trim()).filter(Boolean));
    else setPath(out, name, el.value);
  }
  return out;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => {
    p.textContent = '';
    p.hidden = true;
  });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field.has-error').forEach((el) => el.classList.remove('has-error'));
  form.querySelectorAll('[data-error-linked]').forEach((el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== el.dataset.errorLinked);
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
    delete el.dataset.errorLinked;
  });
  const alert = form.querySelector('.form-alert');
  if (alert) {
    clear(alert);
    alert.hidden = true;
  }
}

function findField(form, name) {
  // An error on a list's member (`majelis[1]`) goes next to the list's field.
  const names = [name, name.replace(/\[\d+\]$/, '')];
  for (const n of names) for (const el of form.querySelectorAll('[data-field]')) if (el.dataset.field === n) return el;
  return null;
}

/** Shows an ApiError on the form; returns true when at least one message went next to a field. */
export function showErrors(form, error) {
  clearErrors(form);
  const unmatched = [];
  let first = null;
  for (const e of error.errors || []) {
    const wrapper = e.field ? findField(form, e.field) : null;
    if (!wrapper) {
      unmatched.push(e);
      continue;
    }
    wrapper.classList.add('has-error');
    const p = wrapper.querySelector('.field-error');
    p.textContent = p.textContent ? `${p.textContent}; ${pickLang(e.message)}` : pickLang(e.message);
    p.hidden = false;
    const controls = wrapper.matches('fieldset') ? [wrapper] : wrapper.querySelectorAll('input, select, textarea');
    controls.forEach((c) => {
      c.setAttribute('aria-invalid', 'true');
      if (!c.dataset.errorLinked) {
        c.setAttribute('aria-describedby', [c.getAttribute('aria-describedby'), p.id].filter(Boolean).join(' '));
        c.dataset.errorLinked = p.id;
      }
    });
    if (!first) first = wrapper.querySelector('input, select, textarea');
  }
  const alert = form.querySelector('.form-alert');
  if (alert) {
    const detail = error.status === 0 ? t('error.network') : messageFor(error);
    alert.append(h('p', null, detail));
    if (unmatched.length) {
      alert.append(h('ul', null, unmatched.map((e) => h('li', null, e.field ? `${e.field}: ` : '', pickLang(e.message)))));
    }
    alert.hidden = false;
  }
  if (first) first.focus();
  else if (alert) alert.focus();
  return !!first;
}

/** A user-facing sentence for an ApiError, by status, with the server's detail when it has one. */
export function messageFor(error) {
  const p = error.problem || {};
  const detail = pickLang(p.detail || '');
  switch (error.status) {
    case 0: return t('error.network');
    case 401: return detail || t('error.401');
    case 403: return t('error.403');
    case 404: return t('error.404');
    case 409: return `${t('error.409')}${detail ? ` ${detail}` : ''}`;
    case 412: return t('error.412');
    case 422: return detail || t('error.422');
    case 429: return detail || t('error.429');
    default: return detail || pickLang(p.title || '') || t('error.generic', { status: error.status });
  }
}

/**
 * A form with an alert area at the top, the given fields and a submit button. onSubmit(data, form)
 * runs with the read values; an ApiError it throws is shown on the form.
 */
export function form({ fields, submitLabel, onSubmit, extraButtons = [], offset, className, ariaLabel }) {
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, submitLabel);
  const el = h(
    'form',
    { class: `form ${className || ''}`.trim(), novalidate: true, 'aria-label': ariaLabel || null },
    alert,
    fields,
    h('div', { class: 'form-buttons' }, submit, extraButtons),
  );
  el.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    await runSubmit(el, submit, () => onSubmit(readForm(el, typeof offset === 'function' ? offset() : offset), el, ev.submitter));
  });
  return el;
}

export async function runSubmit(formEl, button, fn) {
  clearErrors(formEl);
  if (button) button.disabled = true;
  formEl.setAttribute('aria-busy', 'true');
  try {
    await fn();
  } catch (err) {
    if (err && err.status !== undefined) showErrors(formEl, err);
    else {
      console.error(err);
      showErrors(formEl, { status: -1, problem: { detail: String(err) }, errors: [] });
    }
  } finally {
    if (button) button.disabled = false;
    formEl.removeAttribute('aria-busy');
  }
}
