// Form building and the display of API problems: each `errors[].field` message goes next to the input
// whose data-field matches it (dotted paths such as `applicant.name`), `detail` at the top of the form.
import { h, clear, uid } from './dom.js';
import { t, label, pickLang } from './i18n.js';

/**
 * One labelled input. spec: {name, label, type ('text'|'password'|'date'|'datetime'|'number'|'textarea'|
 * 'select'|'checkboxes'|'lines'|'checkbox'|'email'|'tel'), required, options: [[value, label]], hint,
 * value, autocomplete, min, max}. The wrapper carries data-field = name so errors find it.
 */
export function field(spec) {
  const id = uid('f');
  const errorId = `${id}-error`;
  const hintId = spec.hint ? `${id}-hint` : null;
  const type0 = spec.type || 'text';
  const isDate = type0 === 'date' || type0 === 'datetime';
  const formatId = isDate ? `${id}-format` : null;
  const describedBy = [hintId, formatId].filter(Boolean).join(' ') || null;
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
  } else if (isDate) {
    // Dates are typed and shown as dd/mm/yyyy (and a 24-hour hh.mm), whatever the browser's language:
    // a text input; readForm() turns it into ISO (docs: Indonesian formats on every page).
    control = h('input', {
      ...common,
      type: 'text',
      inputmode: 'numeric',
      pattern: type === 'date' ? datePattern : dateTimePattern,
      placeholder: t(type === 'date' ? 'form.date_placeholder' : 'form.datetime_placeholder'),
      value: type === 'date' ? displayDate(spec.value) : displayDateTime(spec.value),
      size: type === 'date' ? 12 : 18,
    });
  } else {
    const htmlType = type;
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
    isDate ? h('p', { class: 'hint format', id: formatId }, t(type === 'date' ? 'form.date_format' : 'form.datetime_format')) : null,
    control,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

const datePattern = '\\s*\\d{1,2}/\\d{1,2}/\\d{4}\\s*';
const dateTimePattern = '\\s*\\d{1,2}/\\d{1,2}/\\d{4},?\\s+\\d{1,2}[.:]\\d{2}\\s*';
const pad = (n) => String(n).padStart(2, '0');

/** '2024-02-07' -> '07/02/2024'; anything else unchanged ('' for nothing). */
export function displayDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso || '';
}

/** '2024-02-07T10:15' -> '07/02/2024 10.15'; anything else unchanged. */
export function displayDateTime(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
  return m ? `${displayDate(m[1])} ${m[2]}.${m[3]}` : iso || '';
}

function validDate(y, mo, d) {
  const x = new Date(Date.UTC(y, mo - 1, d));
  return x.getUTCFullYear() === y && x.getUTCMonth() === mo - 1 && x.getUTCDate() === d;
}

/** 'd/m/yyyy' (or an ISO date) -> 'yyyy-mm-dd'; null when it is no date. */
export function parseDate(text) {
  const s = String(text || '').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m && validDate(Number(m[3]), Number(m[2]), Number(m[1]))) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m && validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return s;
  return null;
}

/** 'd/m/yyyy hh.mm' (or ISO 'yyyy-mm-ddThh:mm') -> 'yyyy-mm-ddThh:mm'; null when it is no date and time. */
export function parseDateTime(text) {
  const s = String(text || '').trim();
  const m = /^(.+?)(?:,?\s+|T)(\d{1,2})[.:](\d{2})(?::00)?$/.exec(s);
  if (!m) return null;
  const date = parseDate(m[1]);
  if (!date || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return `${date}T${pad(m[2])}:${m[3]}`;
}

/** "now" in the organisation's offset as 'yyyy-mm-ddThh:mm' (a datetime field shows it as dd/mm/yyyy hh.mm). */
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
    // A date the parser cannot read goes to the server as typed: its 422 names the field.
    if (type === 'datetime') {
      const iso = parseDateTime(raw);
      setPath(out, name, iso ? `${iso}:00${offset}` : raw);
    } else if (type === 'date') setPath(out, name, parseDate(raw) || raw);
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
      alert.append(h('ul', null, unmatched.map((e) => h('li', null, e.field ? `${label('field', e.field.replace(/\[\d+\]$/, ''))}: ` : '', pickLang(e.message)))));
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
