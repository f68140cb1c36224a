// A dispute's completeness checklist joined to its case file (docs/documents.md "Checklist"): each item
// says why it is present (a document attached, with a way to it in the documents panel; a paper
// original seen, by whom and when; or ticked by the registry) and, for the case's writers, a missing
// item offers "Unggah" (the panel's upload with that kind chosen) and "Kertas asli dilihat".
import { h, uid } from '../dom.js';
import { t, label, formatInstant, pickLang } from '../i18n.js';
import { messageFor } from '../forms.js';

function why(kind, data, panel) {
  const doc = (data.items || []).find((d) => d.kind === kind && !d.retracted);
  if (doc) {
    return h(
      'span',
      { class: 'checklist-why', 'data-why': 'document' },
      `${t('checklist.by_document')} `,
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-action': 'show-document',
          onclick: () => {
            const target = panel.el.querySelector(`#document-${CSS.escape(doc.id)}`);
            if (target) {
              target.scrollIntoView({ block: 'center' });
              target.focus();
            }
          },
        },
        doc.file_name,
      ),
    );
  }
  const paper = (data.papers || []).find((p) => p.kind === kind);
  if (paper) {
    return h('span', { class: 'checklist-why', 'data-why': 'paper' }, t('checklist.by_paper', { who: paper.seen_by || '—', when: formatInstant(paper.seen_at) }));
  }
  return h('span', { class: 'checklist-why', 'data-why': 'ticked' }, t('checklist.by_registry'));
}

/** "Kertas asli dilihat": a small form with an optional note; the record is made on its confirm button. */
function paperButton(kind, panel) {
  const button = h('button', { type: 'button', class: 'button small', 'data-action': 'paper-seen', 'aria-expanded': 'false', 'aria-label': t('checklist.paper_seen_for', { kind: label('attachment', kind) }) }, t('checklist.paper_seen'));
  button.addEventListener('click', () => {
    const li = button.closest('li');
    const open = li.querySelector('form.paper-form');
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    const noteId = uid('note');
    const note = h('input', { id: noteId, name: 'note', maxlength: '1000', autocomplete: 'off' });
    const error = h('p', { class: 'field-error', id: `${noteId}-error`, hidden: true });
    note.setAttribute('aria-describedby', `${noteId}-error`);
    const form = h(
      'form',
      {
        class: 'paper-form confirm',
        novalidate: true,
        'aria-label': t('checklist.paper_title', { kind: label('attachment', kind) }),
        onsubmit: async (ev) => {
          ev.preventDefault();
          const submit = form.querySelector('button[type=submit]');
          submit.disabled = true;
          try {
            await panel.recordPaper(kind, note.value.trim());
            // The checklist was drawn again: the keyboard goes to the item that is now present.
            const again = document.querySelector(`#checklist li[data-kind="${kind}"]`);
            if (again) again.focus();
          } catch (err) {
            const field = err.errors.find((e) => e.field === 'note');
            error.textContent = field ? pickLang(field.message) : messageFor(err);
            error.hidden = false;
            submit.disabled = false;
          }
        },
      },
      h('p', { class: 'hint' }, t('checklist.paper_hint')),
      h('div', { class: 'field' }, h('label', { for: noteId }, t('checklist.paper_note')), note, error),
      h(
        'div',
        { class: 'form-buttons' },
        h('button', { type: 'submit', class: 'button primary', 'data-action': 'confirm-paper' }, t('checklist.paper_confirm')),
        h('button', { type: 'button', class: 'button', onclick: () => { form.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); } }, t('form.cancel')),
      ),
    );
    li.append(form);
    note.focus();
  });
  return button;
}

/**
 * The checklist of `item` (a dispute view) with the case file `data` (GET …/documents) and the
 * documents `panel` (components/documents.js). canWrite: the caller may upload and record papers.
 */
export function documentsChecklist(item, data, panel, { canWrite = false } = {}) {
  const c = item.completeness;
  if (!c) return h('p', { class: 'muted' }, t('checklist.unknown'));
  const present = c.present || [];
  const missing = c.missing || c.missing_requested || [];
  const rows = present.map((a) => [a, true]).concat(missing.filter((a) => !present.includes(a)).map((a) => [a, false]));
  if (!rows.length) return h('p', { class: 'muted' }, t('checklist.empty'));
  return h(
    'ul',
    { class: 'checklist', id: 'checklist' },
    rows.map(([a, ok]) =>
      h(
        'li',
        { class: ok ? 'present' : 'missing', 'data-kind': a, tabindex: '-1' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '),
        h('span', { class: 'checklist-name' }, label('attachment', a)),
        h('span', { class: 'sr-only' }, ok ? ` (${t('checklist.present')})` : ` (${t('checklist.missing')})`),
        ok ? [' — ', why(a, data, panel)] : null,
        !ok && canWrite
          ? h(
              'span',
              { class: 'checklist-tools' },
              h('button', { type: 'button', class: 'button small', 'data-action': 'upload-for', 'aria-label': t('checklist.upload_for', { kind: label('attachment', a) }), onclick: () => panel.chooseKind(a) }, t('checklist.upload')),
              paperButton(a, panel),
            )
          : null,
      ),
    ),
  );
}
