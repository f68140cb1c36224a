// DOM building without HTML parsing of strings: every text goes through textContent, so data from the API is never
// parsed as markup (the CSP forbids inline scripts and styles as a second line of defence).

/**
 * h('p', {class: 'x', onclick: fn}, 'text', child, [more]) -> HTMLElement.
 * Attributes: `class`, `for`, data-* and aria-* as attributes; `on*` functions as listeners;
 * booleans toggle the attribute; null/undefined/false are skipped. Children: strings become text
 * nodes, arrays are flattened, null/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), value);
      } else if (key === 'style') {
        throw new Error('inline styles are refused by the CSP; use a class');
      } else if (value === true) {
        el.setAttribute(key, '');
      } else if (key === 'value' && 'value' in el) {
        el.value = String(value);
      } else {
        el.setAttribute(key, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

let idCounter = 0;
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
