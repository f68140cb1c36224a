// The case file of a request or a dispute (docs/documents.md): the documents (retracted ones marked with
// who, when and why), each downloadable; for the case's writers an upload by drag and drop or the file
// picker (the kind chosen by name, an upload progress bar), retraction with a reason and the publishable
// flag of a decision copy. The upload body is the file itself (XMLHttpRequest, for upload progress).
import { h, replace, uid } from '../dom.js';
import { t, label, formatInstant, currentLang, pickLang } from '../i18n.js';
import { ApiError, get, post, patch } from '../api.js';
import { messageFor } from '../forms.js';

/** A document kind by its name (the checklist vocabulary and the papers a case produces). */
export const kindName = (kind) => label('attachment', kind);

/** 183204 -> "178,9 kB"; sizes from 1 MiB on in MB. */
export function sizeText(bytes) {
  const fmt = new Intl.NumberFormat(currentLang() === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt.format(bytes / (1024 * 1024))} MB`;
  return `${fmt.format(Math.max(bytes, 1) / 1024)} kB`;
}

/** The upload's answer as an ApiError when it is not a 2xx (problem+json or plain text). */
function uploadError(xhr) {
  if (xhr.status === 0) return new ApiError(0, null);
  let problem = null;
  try {
    problem = xhr.responseText ? JSON.parse(xhr.responseText) : null;
  } catch {
    problem = { detail: String(xhr.responseText).slice(0, 200) };
  }
  return new ApiError(xhr.status, problem);
}

/** A readable sentence for a refused upload: the type and size refusals in our words, the rest as usual. */
function uploadMessage(err, fileName) {
  if (err.status === 415) return t('documents.error_type', { name: fileName });
  if (err.status === 413) return `${t('documents.error_size', { name: fileName })} ${pickLang(err.problem.detail || '')}`.trim();
  return messageFor(err);
}

/**
 * POSTs `file` to `url` with the same CSRF header api.js sends on writes (the session is the cookie).
 * onProgress(fraction) as the bytes go out. Resolves with the created document.
 */
function sendFile(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-Requested-With', 'perkara');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', (ev) => {
      if (ev.lengthComputable) onProgress(ev.loaded / ev.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          resolve(null);
        }
      } else {
        reject(uploadError(xhr));
      }
    });
    xhr.addEventListener('error', () => reject(uploadError(xhr)));
    xhr.addEventListener('abort', () => reject(uploadError(xhr)));
    xhr.send(file);
  });
}

/**
 * The documents panel of the case whose API path is `base` ("/api/v1/disputes/<id>").
 * canWrite: the caller may upload, retract and mark publishable (the route's writers, same organisation).
 * onData(data, changed): after every load (changed: after an upload, retraction or paper original).
 * Returns {el, reload, chooseKind, recordPaper}.
 */
export function documentsPanel(base, { canWrite = false, onData } = {}) {
  const el = h('div', { class: 'documents', id: 'documents' }, h('p', { class: 'loading', role: 'status' }, t('loading')));
  const listBox = h('div', { class: 'document-list-box' });
  const papersBox = h('div', { class: 'papers-box' });
  const status = h('p', { class: 'form-status', id: 'documents-status', role: 'status', 'aria-live': 'polite' });
  let data = null;
  let upload = null;

  const say = (text, kind = 'info') => {
    status.className = `form-status ${kind}`;
    status.textContent = text;
  };

  const load = async (changed = false) => {
    try {
      data = await get(`${base}/documents`);
    } catch (err) {
      replace(el, h('p', { class: 'muted' }, err.status === 404 || err.status === 405 ? t('unavailable.text') : messageFor(err)));
      return;
    }
    replace(listBox, documentList(data.items || []));
    replace(papersBox, paperList(data.papers || []));
    if (!el.contains(listBox)) {
      if (canWrite) upload = uploadForm();
      replace(el, h('h3', null, t('documents.list')), listBox, papersBox, upload ? upload.el : null, status);
    }
    if (onData) await onData(data, changed);
  };

  function documentList(items) {
    if (!items.length) return h('p', { class: 'muted', id: 'document-list-empty' }, t('documents.none'));
    return h('ul', { class: 'document-list', id: 'document-list' }, items.map(documentItem));
  }

  function documentItem(d) {
    const r = d.retracted;
    const li = h(
      'li',
      { class: `document${r ? ' retracted' : ''}`, 'data-id': d.id, 'data-kind': d.kind, id: `document-${d.id}`, tabindex: '-1' },
      h('p', { class: 'document-head' }, h('strong', { class: 'document-kind' }, kindName(d.kind)), r ? h('span', { class: 'badge retracted-badge' }, t('documents.retracted_badge')) : null),
      h('p', { class: 'document-file' }, h('span', { class: 'file-name' }, d.file_name), ` · ${sizeText(d.size)}`, d.publishable && !r ? [' · ', h('span', { class: 'badge publishable-badge' }, t('documents.publishable_badge'))] : null),
      d.letter ? h('p', { class: 'document-letter' }, t('documents.letter_number', { number: d.letter.number })) : null,
      h('p', { class: 'document-meta muted' }, t('documents.uploaded', { who: d.uploaded_by || '—', when: formatInstant(d.uploaded_at) })),
      r ? h('p', { class: 'document-retraction' }, t('documents.retracted', { who: r.by || '—', when: formatInstant(r.at) }), ' ', h('span', { class: 'retraction-reason' }, t('documents.retracted_reason', { reason: r.reason }))) : null,
    );
    const tools = h(
      'div',
      { class: 'document-tools' },
      h('a', { class: 'button secondary small', href: d.href, download: d.file_name, 'data-action': 'download', 'aria-label': t('documents.download_named', { name: d.file_name }) }, t('documents.download')),
      h('a', { class: 'button secondary small', href: `${d.href}?inline=true`, target: '_blank', rel: 'noopener', 'data-action': 'open', 'aria-label': t('documents.open_named', { name: d.file_name }) }, t('documents.open')),
    );
    // An issued letter (docs/documents.md "Letters and the dossier"): its page prints itself on #print.
    if (d.letter) tools.append(h('a', { class: 'button secondary small', href: `${d.href}?inline=true#print`, target: '_blank', rel: 'noopener', 'data-action': 'print-letter', 'aria-label': t('documents.print_named', { name: d.file_name }) }, t('letters.print')));
    li.append(tools);
    if (canWrite && !r) {
      if (d.kind === 'decision' || d.publishable) tools.append(publishToggle(d));
      tools.append(retractButton(d, li));
    }
    return li;
  }

  /** The publishable flag: meaningful for the redacted decision copy (the public decisions list links it). */
  function publishToggle(d) {
    const id = uid('pub');
    const box = h('input', {
      type: 'checkbox',
      id,
      checked: d.publishable,
      'data-action': 'publishable',
      onchange: async () => {
        box.disabled = true;
        try {
          await patch(`${base}/documents/${encodeURIComponent(d.id)}`, { publishable: box.checked });
          say(t(box.checked ? 'documents.published_ok' : 'documents.unpublished_ok', { name: d.file_name }), 'success');
          await load(true);
        } catch (err) {
          box.checked = !box.checked;
          box.disabled = false;
          say(messageFor(err), 'error');
        }
      },
    });
    return h('span', { class: 'checkbox publish-toggle' }, box, h('label', { for: id }, t('documents.publishable')));
  }

  /** "Tarik": opens a small form asking why; the retraction happens on its confirm button. */
  function retractButton(d, li) {
    const button = h('button', { type: 'button', class: 'button danger small', 'data-action': 'retract', 'aria-expanded': 'false' }, t('documents.retract'));
    button.addEventListener('click', () => {
      const open = li.querySelector('form.retract-form');
      if (open) {
        open.remove();
        button.setAttribute('aria-expanded', 'false');
        return;
      }
      button.setAttribute('aria-expanded', 'true');
      const reasonId = uid('reason');
      const errorId = `${reasonId}-error`;
      const reason = h('textarea', { id: reasonId, name: 'reason', rows: 2, required: true, maxlength: '1000', 'aria-describedby': errorId });
      const error = h('p', { class: 'field-error', id: errorId, hidden: true });
      const close = () => {
        form.remove();
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      };
      const form = h(
        'form',
        {
          class: 'retract-form confirm',
          novalidate: true,
          'aria-label': t('documents.retract_title', { name: d.file_name }),
          onsubmit: async (ev) => {
            ev.preventDefault();
            const text = reason.value.trim();
            if (!text) {
              error.textContent = t('documents.reason_required');
              error.hidden = false;
              reason.setAttribute('aria-invalid', 'true');
              reason.focus();
              return;
            }
            const submit = form.querySelector('button[type=submit]');
            submit.disabled = true;
            try {
              await post(`${base}/documents/${encodeURIComponent(d.id)}/retract`, { reason: text });
              say(t('documents.retracted_ok', { name: d.file_name }), 'success');
              await load(true);
              const again = el.querySelector(`#document-${CSS.escape(d.id)}`);
              if (again) again.focus();
            } catch (err) {
              const field = err.errors.find((e) => e.field === 'reason');
              error.textContent = field ? pickLang(field.message) : messageFor(err);
              error.hidden = false;
              submit.disabled = false;
            }
          },
        },
        h('div', { class: 'field' }, h('label', { for: reasonId }, t('documents.retract_reason'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), reason, error),
        h('p', { class: 'hint' }, t('documents.retract_hint')),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button danger', 'data-action': 'confirm-retract' }, t('documents.retract_confirm')), h('button', { type: 'button', class: 'button', onclick: close }, t('form.cancel'))),
      );
      li.append(form);
      reason.focus();
    });
    return button;
  }

  function paperList(papers) {
    if (!papers.length) return null;
    return [
      h('h3', null, t('documents.papers')),
      h(
        'ul',
        { class: 'paper-list', id: 'paper-list' },
        papers.map((p) => h('li', { 'data-kind': p.kind }, h('strong', null, kindName(p.kind)), ` — ${t('documents.paper_seen', { who: p.seen_by || '—', when: formatInstant(p.seen_at) })}`, p.note ? ` (${p.note})` : '')),
      ),
    ];
  }

  /** Kind select, drop zone (also the button that opens the picker), progress bar. */
  function uploadForm() {
    const kindId = uid('kind');
    const kindError = h('p', { class: 'field-error', id: `${kindId}-error`, hidden: true });
    const kinds = (data.kinds || []).map((k) => k.kind);
    const kind = h('select', { id: kindId, name: 'kind', required: true, 'aria-describedby': `${kindId}-error` }, h('option', { value: '' }, t('documents.kind_choose')), kinds.map((k) => h('option', { value: k }, kindName(k))));
    const pubId = uid('pub');
    const publishable = h('input', { type: 'checkbox', id: pubId, name: 'publishable' });
    const publishRow = h('div', { class: 'checkbox', hidden: true }, publishable, h('label', { for: pubId }, t('documents.publishable_upload')));
    kind.addEventListener('change', () => {
      publishRow.hidden = kind.value !== 'decision';
      kindError.hidden = true;
      kind.removeAttribute('aria-invalid');
    });
    const hintId = uid('drop-hint');
    const limit = data.limits && data.limits.per_file;
    const picker = h('input', { type: 'file', id: 'documents-file', hidden: true, accept: '.pdf,.jpg,.jpeg,.png,.odt,.docx,application/pdf,image/jpeg,image/png' });
    const drop = h(
      'button',
      { type: 'button', class: 'drop-zone', id: 'documents-drop', 'aria-describedby': hintId },
      h('span', { class: 'drop-title' }, t('documents.drop')),
    );
    const hint = h('p', { class: 'hint', id: hintId }, t('documents.types'), limit ? ` ${t('documents.limit', { size: sizeText(limit) })}` : '');
    const progressId = uid('progress');
    const progress = h('progress', { id: progressId, max: '100', value: '0' });
    const progressRow = h('div', { class: 'upload-progress', hidden: true }, h('label', { for: progressId, class: 'progress-label' }, t('documents.progress')), progress);
    let busy = false;

    const start = async (file) => {
      if (!file || busy) return;
      if (!kind.value) {
        kindError.textContent = t('documents.kind_required');
        kindError.hidden = false;
        kind.setAttribute('aria-invalid', 'true');
        say(t('documents.kind_required'), 'error');
        kind.focus();
        return;
      }
      if (limit && file.size > limit) {
        say(t('documents.error_size', { name: file.name }), 'error');
        return;
      }
      const query = new URLSearchParams({ kind: kind.value, name: file.name });
      if (kind.value === 'decision' && publishable.checked) query.set('publishable', 'true');
      busy = true;
      const hadFocus = document.activeElement === drop;
      drop.disabled = true;
      progress.value = 0;
      progressRow.hidden = false;
      say(t('documents.uploading', { name: file.name }));
      try {
        const doc = await sendFile(`${base}/documents?${query}`, file, (fraction) => {
          progress.value = Math.round(fraction * 100);
        });
        progress.value = 100;
        say(t('documents.uploaded_ok', { name: (doc && doc.file_name) || file.name, kind: kindName(kind.value) }), 'success');
        kind.value = '';
        publishable.checked = false;
        publishRow.hidden = true;
        await load(true);
      } catch (err) {
        say(uploadMessage(err, file.name), 'error');
      } finally {
        busy = false;
        drop.disabled = false;
        progressRow.hidden = true;
        picker.value = '';
        // Disabling the zone took the keyboard focus away from it: give it back for the next file.
        if (hadFocus && (!document.activeElement || document.activeElement === document.body)) drop.focus();
      }
    };

    drop.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => start(picker.files[0]));

    const formEl = h(
      'div',
      { class: 'document-upload', id: 'document-upload', role: 'group', 'aria-labelledby': `${kindId}-title` },
      h('h3', { id: `${kindId}-title` }, t('documents.upload')),
      h('div', { class: 'field' }, h('label', { for: kindId }, t('documents.kind'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), kind, kindError),
      publishRow,
      drop,
      hint,
      picker,
      progressRow,
    );
    // A file dropped anywhere on the upload group (not only the zone) is taken, rather than opened by
    // the browser in place of the application.
    formEl.addEventListener('dragover', (ev) => {
      ev.preventDefault();
      drop.classList.add('dragging');
    });
    formEl.addEventListener('dragleave', (ev) => {
      if (!formEl.contains(ev.relatedTarget)) drop.classList.remove('dragging');
    });
    formEl.addEventListener('drop', (ev) => {
      ev.preventDefault();
      drop.classList.remove('dragging');
      const files = ev.dataTransfer && ev.dataTransfer.files;
      if (files && files.length) start(files[0]);
    });
    return {
      el: formEl,
      /** Preselects a kind and puts the keyboard on the drop zone (the checklist's "Unggah"). */
      choose(k) {
        kind.value = k;
        kind.dispatchEvent(new Event('change'));
        drop.focus();
      },
    };
  }

  load();
  return {
    el,
    reload: () => load(true),
    chooseKind: (k) => upload && upload.choose(k),
    /** POST /papers: the caller has seen the paper original of `kind` now. */
    async recordPaper(kind, note) {
      const paper = await post(`${base}/papers`, note ? { kind, note } : { kind });
      say(t('documents.paper_ok', { kind: kindName(kind) }), 'success');
      await load(true);
      return paper;
    },
  };
}
