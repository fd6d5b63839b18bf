import { api, designer, formatTime, language, pickFile, problemText, root, showError, showStatus, t } from './common.js';
import { renderProblems } from './problems.js';

const key = root.dataset.key;
const base = `/api/process-definitions/${encodeURIComponent(key)}`;
const problemsView = { list: document.getElementById('problems'), summary: document.getElementById('problems-summary') };
const dirtyBadge = document.getElementById('dz-dirty');
const dialog = document.getElementById('publish-dialog');

let editor;
let revision = 0;
let dirty = false;

function setDirty(value) {
  dirty = value;
  dirtyBadge.hidden = !value;
}

function setBusy(busy) {
  for (const button of root.querySelectorAll('.dz-toolbar button')) {
    button.disabled = busy;
  }
  root.setAttribute('aria-busy', String(busy));
}

async function withBusy(action) {
  setBusy(true);
  try {
    return await action();
  } finally {
    setBusy(false);
  }
}

async function save() {
  const xml = await editor.getXml();
  const result = await api(`${base}/draft`, { method: 'PUT', json: { xml, revision } });
  if (!result.ok) {
    showError(problemText(result));
    return false;
  }
  revision = result.data.revision;
  document.getElementById('flow-name').textContent = result.data.name;
  setDirty(false);
  showError('');
  showStatus(t('Saved', { revision, time: formatTime(result.data.updatedAt) }));
  return true;
}

async function validate() {
  const result = await api(`${base}/validate`, { method: 'POST', json: { xml: await editor.getXml() } });
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  showError('');
  renderProblems(editor, result.data.problems, problemsView);
  showStatus(problemsView.summary.textContent);
}

async function publish() {
  // Revision 0: the editor shows a version and no draft exists yet; publishing needs one.
  if ((dirty || revision === 0) && !(await save())) {
    return;
  }
  const result = await api(`${base}/publish`, { method: 'POST', json: { revision } });
  if (result.status === 422) {
    renderProblems(editor, result.data.problems || [], problemsView);
    showError(problemText(result));
    return;
  }
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  showError('');
  renderProblems(editor, result.data.warnings, problemsView);
  showStatus(t(result.data.unchanged ? 'PublishedUnchanged' : 'Published', { version: result.data.version }));
}

async function importFile() {
  const file = await pickFile(document.getElementById('import-file'));
  if (!file) {
    return;
  }
  const result = await api(`${base}/import?revision=${revision}`, { method: 'POST', body: file, contentType: 'application/xml' });
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  try {
    await editor.importXml(result.data.xml);
  } catch (error) {
    showError(t('ImportRenderFailed', { message: error.message }));
    return;
  }
  revision = result.data.revision;
  document.getElementById('flow-name').textContent = result.data.name;
  setDirty(false);
  showError('');
  renderProblems(editor, result.data.problems, problemsView);
  showStatus(t('Imported', { file: file.name, revision }));
}

async function exportFile() {
  if (dirty && !(await save())) {
    return;
  }
  window.location.assign(`${base}/export`);
}

function bind(id, action) {
  document.getElementById(id).addEventListener('click', () => withBusy(action));
}

async function open() {
  const [ draft, lookups ] = await Promise.all([ api(`${base}/draft`), api('/api/process-definitions/lookups') ]);
  if (!draft.ok) {
    showError(problemText(draft));
    root.dataset.state = 'error';
    return;
  }
  revision = draft.data.revision;
  document.getElementById('flow-name').textContent = draft.data.name;
  editor = await designer().createEditor({
    container: '#canvas',
    propertiesPanel: '#properties',
    xml: draft.data.xml,
    language,
    lookups: lookups.ok ? lookups.data : {}
  });
  editor.onChange(() => setDirty(true));

  bind('btn-save', save);
  bind('btn-validate', validate);
  bind('btn-import', importFile);
  bind('btn-export', exportFile);
  document.getElementById('btn-publish').addEventListener('click', () => {
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'confirm') {
      withBusy(publish);
    }
  });
  window.addEventListener('beforeunload', event => {
    if (dirty) {
      event.preventDefault();
    }
  });
  if (draft.data.fromVersion) {
    showStatus(t('OpenedFromVersion', { version: draft.data.fromVersion }));
  }
  root.dataset.state = 'ready';
}

open().catch(error => {
  showError(error.message);
  root.dataset.state = 'error';
});
