// Letters of a case (issue 15): the letters the record makes available, each with "Cetak" (opens the
// print-ready page, unnumbered draft) and "Terbitkan" (issues: numbered and stored as issued), and the
// issued letters, each opening its stored copy. Pages are text/html from the API: the browser prints
// them or saves them as PDF.
import { h, replace } from '../dom.js';
import { t, formatInstant } from '../i18n.js';
import { get, post } from '../api.js';
import { messageFor } from '../forms.js';

function printLink(href, text, extra = {}) {
  return h('a', { class: 'button secondary', href: `${href}#print`, target: '_blank', rel: 'noopener', ...extra }, text);
}

/** The letters panel of a case whose API path is `base` ("/api/v1/requests/<id>"). */
export function lettersPanel(base) {
  const box = h('div', { class: 'letters', id: 'letters' }, h('p', { class: 'loading', role: 'status' }, t('loading')));
  const load = async () => {
    let data;
    try {
      data = await get(`${base}/letters`);
    } catch (err) {
      replace(box, h('p', { class: 'muted' }, err.status === 404 || err.status === 403 ? t('letters.none') : messageFor(err)));
      return;
    }
    const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
    const available = (data.available || []).map((l) =>
      h(
        'li',
        { 'data-key': l.key },
        h('span', { class: 'letter-title' }, l.label || l.title),
        ' ',
        printLink(`${base}/letters/${encodeURIComponent(l.key)}/preview`, t('letters.print'), { 'data-action': 'print-preview' }),
        data.can_issue
          ? h(
              'button',
              {
                type: 'button',
                class: 'button',
                'data-action': 'issue',
                onclick: async (ev) => {
                  ev.target.disabled = true;
                  try {
                    const issued = await post(`${base}/letters/${encodeURIComponent(l.key)}`);
                    status.textContent = t('letters.issued_ok', { number: issued.number });
                    await load();
                  } catch (err) {
                    status.textContent = messageFor(err);
                    ev.target.disabled = false;
                  }
                },
              },
              t('letters.issue'),
            )
          : null,
      ),
    );
    const issued = (data.issued || []).map((l) =>
      h(
        'li',
        { 'data-number': l.number },
        h('strong', null, l.number),
        ` — ${l.title} — ${formatInstant(l.issued_at)}${l.issued_by ? ` — ${l.issued_by}` : ''} `,
        printLink(l.url, t('letters.print'), { 'data-action': 'print-issued' }),
      ),
    );
    replace(
      box,
      data.can_issue ? [h('h3', null, t('letters.available')), available.length ? h('ul', { class: 'letter-list', id: 'letters-available' }, available) : h('p', { class: 'muted' }, t('letters.none'))] : null,
      h('h3', null, t('letters.issued')),
      issued.length ? h('ul', { class: 'letter-list', id: 'letters-issued' }, issued) : h('p', { class: 'muted' }, t('letters.none_issued')),
      status,
    );
  };
  load();
  return box;
}
