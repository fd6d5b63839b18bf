import { api, cell, el, formatTime, pickFile, problemText, showError, showStatus, t } from './common.js';

const form = document.getElementById('create-form');
const nameInput = document.getElementById('new-name');
const keyInput = document.getElementById('new-key');
const tbody = document.querySelector('#flows tbody');
const empty = document.getElementById('flows-empty');

// Suggest a key from the name until the user types one: "Cấp bản sao" → "cap_ban_sao".
let keyTouched = false;
keyInput.addEventListener('input', () => { keyTouched = keyInput.value !== ''; });
nameInput.addEventListener('input', () => {
  if (!keyTouched) {
    keyInput.value = suggestKey(nameInput.value);
  }
});

function suggestKey(name) {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const key = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return key && /^[0-9]/.test(key) ? `qt_${key}` : key;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  showError('');
  const template = form.querySelector('input[name="template"]:checked').value;
  const result = await api('/api/process-definitions', {
    method: 'POST',
    json: { key: keyInput.value.trim(), name: nameInput.value.trim(), template }
  });
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  window.location.assign(`/designer/edit/${encodeURIComponent(result.data.key)}`);
});

document.getElementById('btn-import').addEventListener('click', async () => {
  const file = await pickFile(document.getElementById('import-file'));
  if (!file) {
    return;
  }
  showError('');
  const result = await api('/api/process-definitions/import', { method: 'POST', body: file, contentType: 'application/xml' });
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  window.location.assign(`/designer/edit/${encodeURIComponent(result.data.key)}`);
});

async function load() {
  const result = await api('/api/process-definitions');
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  tbody.replaceChildren(...result.data.map(row));
  empty.hidden = result.data.length > 0;
  showStatus(t('ListLoaded', { count: result.data.length }));
}

function row(flow) {
  const link = el('a', { text: flow.name, attrs: { href: `/designer/edit/${encodeURIComponent(flow.key)}` } });
  const version = flow.publishedVersion
    ? el('a', { text: t('VersionN', { version: flow.publishedVersion }), attrs: { href: `/designer/versions/${encodeURIComponent(flow.key)}` } })
    : t('None');
  const status = el('span', { className: `dz-badge dz-badge-${flow.status.toLowerCase()}`, text: t(`Status${flow.status}`) });
  const changes = flow.status === 'Published' && flow.hasUnpublishedChanges
    ? el('span', { className: 'dz-note', text: ` ${t('UnpublishedChanges')}` })
    : null;
  // A generic flow serves dozens of procedures: the first few, the count, and all of them on hover.
  const shown = flow.procedures.slice(0, 3).join(', ');
  const procedures = flow.procedures.length === 0
    ? t('None')
    : el('span', {
      text: flow.procedures.length > 3 ? t('ProceduresMore', { shown, count: flow.procedures.length }) : shown,
      attrs: { title: flow.procedures.join(', '), 'data-procedures': flow.procedures.length }
    });
  const updated = flow.updatedAt ? `${formatTime(flow.updatedAt)} · ${flow.updatedBy || ''}` : '';
  return el('tr', { attrs: { 'data-key': flow.key } },
    cell(t('ColName'), link),
    cell(t('ColKey'), el('code', { text: flow.key })),
    cell(t('ColVersion'), version),
    cell(t('ColStatus'), status, ...(changes ? [ changes ] : [])),
    cell(t('ColProcedures'), procedures),
    cell(t('ColUpdated'), updated));
}

load();
