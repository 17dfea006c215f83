// The newsroom's scripts. Everything here only adds to forms that work
// without it: the Markdown toolbar and its shortcuts, the live preview,
// uploads by drag and drop with progress, photo ordering, and the kept
// draft of unsaved typing.
import './vendor/markdown-toolbar-element/index.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const csrf = () => $('meta[name="csrf-token"]').content;
const prefix = '/_redaksi/';

document.documentElement.classList.add('js');
for (const el of $$('.js-only')) el.hidden = false;

const form = $('#page-form');
if (form) editor(form);

function editor(form) {
  const body = $('#body');
  const frame = $('#preview');
  const key = () => 'warta-draft:' + form.dataset.file + ':' + form.dataset.hash;

  // Keyboard shortcuts for the toolbar's buttons.
  body.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const tool = { b: 'md-bold', i: 'md-italic', k: 'md-link' }[e.key.toLowerCase()];
    if (tool) {
      e.preventDefault();
      $(tool).click();
    }
  });
  $('#tool-table').addEventListener('click', () => {
    insert(body, '\n| Kolom 1 | Kolom 2 |\n| --- | --- |\n| isi | isi |\n');
  });

  // The live preview: the server renders the unsaved form with the site's
  // own pipeline; a pause in typing (200 ms) sends it.
  let timer = 0;
  let running = null;
  const refresh = async () => {
    if (running) running.abort();
    running = new AbortController();
    const data = new URLSearchParams(new FormData(form));
    try {
      const res = await fetch(prefix + 'preview', {
        method: 'POST', body: data, signal: running.signal,
        headers: { 'X-CSRF-Token': csrf() },
      });
      const html = await res.text();
      const y = frame.contentWindow ? frame.contentWindow.scrollY : 0;
      frame.addEventListener('load', () => frame.contentWindow.scrollTo(0, y), { once: true });
      frame.srcdoc = html;
      frame.dataset.updated = String(Date.now());
    } catch (err) {
      if (err.name !== 'AbortError') console.warn(err);
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
    keep();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  refresh();

  // Unsaved typing is kept in this browser until the page is saved.
  const snapshot = () => {
    const out = [];
    for (const [k, v] of new FormData(form)) {
      if (k !== 'csrf' && k !== 'hash' && typeof v === 'string') out.push([k, v]);
    }
    return out;
  };
  const original = JSON.stringify(snapshot());
  const keep = () => {
    const now = JSON.stringify(snapshot());
    try {
      if (now === original) localStorage.removeItem(key());
      else localStorage.setItem(key(), now);
    } catch (_) { /* storage full or off: nothing to keep */ }
  };
  let kept = null;
  try { kept = localStorage.getItem(key()); } catch (_) { kept = null; }
  if (kept && kept !== original) {
    const offer = $('#draft-offer');
    offer.hidden = false;
    $('#draft-restore').addEventListener('click', () => {
      restore(JSON.parse(kept));
      offer.hidden = true;
      changed();
    });
    $('#draft-discard').addEventListener('click', () => {
      localStorage.removeItem(key());
      offer.hidden = true;
    });
  }
  const restore = (entries) => {
    const seen = {};
    for (const [k, v] of entries) {
      const i = seen[k] = (seen[k] ?? -1) + 1;
      const els = $$(`[name="${CSS.escape(k)}"]`, form);
      const el = els[i];
      if (!el) continue;
      if (el.type === 'radio') {
        for (const r of els) r.checked = r.value === v;
      } else {
        el.value = v;
      }
    }
  };
  form.addEventListener('submit', () => {
    try { localStorage.removeItem(key()); } catch (_) { /* nothing kept */ }
  });

  // Lists: one more input on request.
  for (const b of $$('.add-item', form)) {
    b.addEventListener('click', () => {
      const last = $$('input', b.parentElement).pop();
      const next = last.cloneNode();
      next.value = '';
      const n = $$('input', b.parentElement).length + 1;
      next.setAttribute('aria-label', last.getAttribute('aria-label').replace(/\d+$/, String(n)));
      b.before(next);
      next.focus();
    });
  }

  photos(form, body, changed);
}

// insert puts text at the cursor of a textarea, as typing would.
function insert(area, text) {
  area.focus();
  const { selectionStart: s, selectionEnd: e } = area;
  area.setRangeText(text, s, e, 'end');
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

function photos(form, body, changed) {
  const list = $('#photo-list');
  const zone = $('#w-photos');
  const uploads = $('#uploads');
  const tmpl = $('#photo-template');
  const limit = Number(form.dataset.limit || 25) * 1024 * 1024;

  const renumber = () => {
    $$('.photo', list).forEach((li, i) => {
      for (const el of $$('[id]', li)) el.id = el.id.replace(/-(\d+|__I__)$/, '-' + i);
      for (const el of $$('label[for]', li)) el.htmlFor = el.htmlFor.replace(/-(\d+|__I__)$/, '-' + i);
    });
  };
  const wire = (li) => {
    const act = (cls, fn) => { const b = $(cls, li); if (b) b.addEventListener('click', fn); };
    act('.move-up', () => { if (li.previousElementSibling) { li.previousElementSibling.before(li); done(li, '.move-up'); } });
    act('.move-down', () => { if (li.nextElementSibling) { li.nextElementSibling.after(li); done(li, '.move-down'); } });
    act('.remove-photo', () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumber();
      changed();
      if (next) $('button', next).focus();
    });
    act('.insert-photo', () => {
      // A picture is a paragraph of its own: blank lines around it.
      const alt = $('.photo-alt', li).value.replace(/[[\]\n]/g, ' ').trim();
      const before = body.value.slice(0, body.selectionStart);
      const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
      insert(body, `${lead}![${alt}](${li.dataset.name})\n`);
    });
    for (const el of $$('.js-only', li)) el.hidden = false;
    li.addEventListener('dragstart', (e) => { li.classList.add('dragging'); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/x-warta-photo', li.dataset.name); });
    li.addEventListener('dragend', () => { li.classList.remove('dragging'); renumber(); changed(); });
  };
  const done = (li, cls) => { renumber(); changed(); $(cls, li).focus(); };
  $$('.photo', list).forEach(wire);
  list.addEventListener('dragover', (e) => {
    const dragging = $('.dragging', list);
    if (!dragging) return;
    e.preventDefault();
    const after = $$('.photo:not(.dragging)', list).find((li) => e.clientY < li.getBoundingClientRect().top + li.offsetHeight / 2);
    if (after) after.before(dragging); else list.append(dragging);
  });
  list.addEventListener('change', (e) => {
    if (e.target.name !== 'cover') return;
    for (const b of $$('.badge', list)) b.remove();
    const name = $('.photo-name', e.target.closest('.photo'));
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = zone.dataset.coverLabel;
    name.append(' ', badge);
  });

  const upload = (file, done = (r) => add(r.name)) => {
    const row = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = file.name;
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    row.append(label, bar);
    uploads.append(row);
    if (file.size > limit) {
      // The server says it too; saying it now saves a long upload.
      bar.remove();
    }
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', prefix + 'upload?file=' + encodeURIComponent(form.dataset.file));
      xhr.setRequestHeader('X-CSRF-Token', csrf());
      xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) bar.value = Math.round(e.loaded / e.total * 100); });
      xhr.addEventListener('load', () => {
        let res = [];
        try { res = JSON.parse(xhr.responseText); } catch (_) { res = [{ error: xhr.statusText }]; }
        const r = res[0] || {};
        if (r.error) {
          const p = document.createElement('p');
          p.className = 'refused';
          p.setAttribute('role', 'alert');
          p.textContent = r.error;
          bar.remove();
          row.append(p);
        } else {
          bar.value = 100;
          moved(r.file);
          done(r);
          row.remove();
        }
        resolve();
      });
      xhr.addEventListener('error', () => { row.append(' ✗'); resolve(); });
      const data = new FormData();
      data.append('photo', file, file.name);
      xhr.send(data);
    });
  };
  // A single report became a bundle folder with its first photo.
  const moved = (file) => {
    if (!file || file === form.dataset.file) return;
    const old = 'warta-draft:' + form.dataset.file + ':' + form.dataset.hash;
    form.dataset.file = file;
    form.elements.file.value = file;
    try { localStorage.removeItem(old); } catch (_) { /* nothing kept */ }
    history.replaceState(null, '', prefix + 'edit?file=' + encodeURIComponent(file));
  };
  const add = (name) => {
    const div = document.createElement('div');
    div.innerHTML = tmpl.innerHTML.replaceAll('__NAME__', name).replaceAll('__I__', String($$('.photo', list).length))
      .replaceAll(encodeURIComponent(form.dataset.file), encodeURIComponent(form.dataset.file));
    const li = div.firstElementChild;
    const img = $('img', li);
    img.src = prefix + 'photo?file=' + encodeURIComponent(form.dataset.file) + '&name=' + encodeURIComponent(name);
    const cover = $('input[name=cover]', li);
    if (cover && !$('input[name=cover]:checked', list)) cover.checked = true;
    list.append(li);
    wire(li);
    renumber();
    changed();
  };
  const send = async (files, done) => {
    for (const f of files) await upload(f, done); // one at a time: each has its progress
  };
  // A module's attachments: uploaded the same way, then given a title.
  const attach = $('#pick-files');
  if (attach) {
    const rows = $('#attachment-list');
    attach.addEventListener('change', () => {
      send(Array.from(attach.files), (r) => {
        const i = rows.children.length;
        const li = document.createElement('li');
        li.innerHTML = `<input type="hidden" name="att.file"><div class="field"><label for="at-${i}"><code></code></label><input id="at-${i}" name="att.title"></div>`;
        li.querySelector('input[type=hidden]').value = r.name;
        li.querySelector('code').textContent = r.name;
        rows.append(li);
        li.querySelector('#at-' + i).focus();
        changed();
      });
      attach.value = '';
    });
  }
  for (const input of [$('#pick-photos'), $('#camera-photo')]) {
    input.addEventListener('change', () => { send(Array.from(input.files)); input.value = ''; });
  }
  zone.addEventListener('dragover', (e) => {
    if ($('.dragging', list) || !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    $('#dropzone').classList.add('over');
  });
  zone.addEventListener('dragleave', () => $('#dropzone').classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    $('#dropzone').classList.remove('over');
    send(Array.from(e.dataTransfer.files));
  });
}
