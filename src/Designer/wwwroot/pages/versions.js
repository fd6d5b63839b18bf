import { api, cell, designer, el, formatTime, language, problemText, root, showError, t } from './common.js';

const key = root.dataset.key;
const base = `/api/process-definitions/${encodeURIComponent(key)}`;
const heading = document.getElementById('viewer-heading');
let viewer;

async function show(version) {
  const result = await api(`${base}/versions/${version}`);
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  viewer?.destroy();
  viewer = await designer().createViewer({ container: '#viewer', xml: result.data.xml, language });
  heading.textContent = t('ViewingVersion', { version, status: t(`Status${result.data.status}`) });
  document.getElementById('viewer-hint').hidden = true;
  for (const row of root.querySelectorAll('#versions tbody tr')) {
    row.classList.toggle('dz-selected', row.dataset.version === String(version));
  }
  root.dataset.shown = String(version);
}

function who(by, at) {
  return at ? `${formatTime(at)}${by ? ` · ${by}` : ''}` : '';
}

async function load() {
  const result = await api(`${base}/versions`);
  if (!result.ok) {
    showError(problemText(result));
    return;
  }
  const rows = result.data.map(version => {
    const view = el('button', { className: 'secondary dz-small', text: t('View'), attrs: { type: 'button', 'aria-label': t('ViewVersion', { version: version.version }) } });
    view.addEventListener('click', () => show(version.version));
    const download = el('a', {
      className: 'button secondary dz-small',
      text: t('Download'),
      attrs: { href: `${base}/export?version=${version.version}`, 'aria-label': t('DownloadVersion', { version: version.version }) }
    });
    return el('tr', { attrs: { 'data-version': version.version } },
      cell(t('ColVersionNumber'), String(version.version)),
      cell(t('ColStatus'), el('span', { className: `dz-badge dz-badge-${version.status.toLowerCase()}`, text: t(`Status${version.status}`) })),
      cell(t('ColDeployed'), who(version.deployedBy, version.deployedAt)),
      cell(t('ColPublished'), who(version.publishedBy, version.publishedAt)),
      cell(t('ColHash'), el('code', { text: version.contentHash.slice(0, 12), attrs: { title: version.contentHash } })),
      cell(t('ColActions'), view, ' ', download));
  });
  document.querySelector('#versions tbody').replaceChildren(...rows);
  document.getElementById('versions-empty').hidden = rows.length > 0;
  const requested = Number(new URLSearchParams(location.search).get('version'));
  const first = result.data.find(v => v.version === requested) ?? result.data.find(v => v.status === 'Published') ?? result.data[0];
  if (first) {
    await show(first.version);
  }
}

load().catch(error => showError(error.message));
