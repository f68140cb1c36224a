// Language (Bahasa Indonesia by default, English on request) and Indonesian-style date formatting.
// One dictionary per language: web/i18n/id.js and web/i18n/en.js. The choice of language is a display
// preference kept in localStorage; nothing about the session is stored there.
// Only the active language's dictionary is downloaded; the other one when the user switches.
const loaders = { id: () => import('../i18n/id.js'), en: () => import('../i18n/en.js') };
const dictionaries = {};
const storageKey = 'perkara.lang';
let lang = 'id';
try {
  const saved = window.localStorage.getItem(storageKey);
  if (saved && loaders[saved]) lang = saved;
} catch {
  /* storage blocked: keep the default */
}
dictionaries[lang] = (await loaders[lang]()).default;

const listeners = new Set();

export function currentLang() {
  return lang;
}

export async function setLang(next) {
  if (!loaders[next] || next === lang) return;
  if (!dictionaries[next]) dictionaries[next] = (await loaders[next]()).default;
  lang = next;
  try {
    window.localStorage.setItem(storageKey, next);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = next;
  listeners.forEach((fn) => fn(next));
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** t('board.title'), t('days.left', {n: 3}). An unknown key is returned as it is (both dictionaries
 * have the same keys: tests/web/i18n.test.js). */
export function t(key, params) {
  const s0 = dictionaries[lang][key];
  if (s0 === undefined) return key;
  let s = s0;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return s;
}

/** A label for an enum value (`state.received`), or the raw value when the dictionary has none. */
export function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${prefix}.${value}`;
  const s = t(key);
  return s === key ? String(value).replace(/_/g, ' ') : s;
}

/**
 * The server's bilingual messages read "Indonesian / English": the half in the current language, made
 * readable (readable()).
 */
export function pickLang(message) {
  if (typeof message !== 'string') return '';
  const parts = message.split(' / ');
  return readable(parts.length !== 2 ? message : lang === 'en' ? parts[1] : parts[0]);
}

// Where a code inside server text is looked up, in this order (a checklist item before a clock's name).
const codeVocabularies = ['attachment', 'deadline', 'period', 'action', 'state.dispute', 'state.request', 'outcome', 'party', 'role'];

/**
 * Server text (reasoning, notes, error messages) as a person reads it: ISO dates in the page's date
 * format, `period` codes and bare codes the dictionaries know (identity_document) by their names.
 * A word the dictionaries do not know is left as it is.
 */
export function readable(text) {
  return String(text ?? '')
    .replace(/`([a-z_]+)`/g, (m, code) => `"${label('period', code)}"`)
    .replace(/\b(\d{4}-\d{2}-\d{2})(?![T\d])/g, (m, iso) => formatDate(iso))
    .replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (code) => {
      for (const prefix of codeVocabularies) {
        const s = t(`${prefix}.${code}`);
        if (s !== `${prefix}.${code}`) return s;
      }
      return code;
    });
}

function parts(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return m ? { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) } : null;
}

/** '2024-02-15' -> '15 Februari 2024' (id) / '15 February 2024' (en). */
export function formatDate(iso) {
  const p = parts(iso);
  if (!p) return iso || '—';
  return `${p.d} ${t('months').split(',')[p.mo - 1]} ${p.y}`;
}

/** '2024-02-15' -> 'Kamis, 15 Februari 2024'. */
export function formatDateLong(iso) {
  const p = parts(iso);
  if (!p) return iso || '—';
  const weekday = new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay();
  return `${t('weekdays').split(',')[weekday]}, ${formatDate(iso)}`;
}

const zones = { '+07:00': 'WIB', '+08:00': 'WITA', '+09:00': 'WIT' };

/** '2024-02-07T10:15:00+07:00' -> '7 Februari 2024 10.15 WIB' (the instant's own local time). */
export function formatInstant(rfc3339) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(rfc3339 || '');
  if (!m) return rfc3339 || '—';
  const sep = lang === 'id' ? '.' : ':';
  const zone = m[4] ? zones[m[4]] || (m[4] === 'Z' ? 'UTC' : `UTC${m[4]}`) : '';
  return `${formatDate(m[1])} ${m[2]}${sep}${m[3]}${zone ? ` ${zone}` : ''}`;
}

/** Human countdown for a deadline's days_remaining (negative = overdue). */
export function daysText(daysRemaining, status) {
  if (status === 'met') return t('deadline.met');
  if (daysRemaining === null || daysRemaining === undefined) return '—';
  if (daysRemaining < 0) return t('days.overdue', { n: -daysRemaining });
  if (daysRemaining === 0) return t('days.today');
  return t('days.left', { n: daysRemaining });
}
