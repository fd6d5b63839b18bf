import { api, designer, el, formatTime, language, problemText, root, showError, showStatus, t } from './common.js';

const id = root.dataset.id;
const base = `/api/process-instances/${encodeURIComponent(id)}`;
let viewer;

function renderSummary(view) {
  document.getElementById('instance-summary').replaceChildren(
    el('span', { text: t('InstanceOf', { key: view.definitionKey, version: view.definitionVersion }) }),
    document.createTextNode(' · '),
    el('span', { className: `dz-badge dz-badge-${view.status.toLowerCase()}`, text: t(`Instance${view.status}`) }),
    document.createTextNode(` · ${t('StartedAt', { time: formatTime(view.startedAt) })}`),
    view.businessKey ? document.createTextNode(` · ${t('BusinessKey', { key: view.businessKey })}`) : '');
}

function renderIncidents(view) {
  const items = view.incidents.map(incident => {
    const item = el('li', { className: 'dz-incident', attrs: { 'data-incident-id': incident.id } },
      el('strong', { text: `${incident.kind} · ${incident.elementId || ''}` }),
      el('p', { text: incident.message }),
      el('p', { className: 'muted', text: formatTime(incident.createdAt) }));
    if (incident.canRetry) {
      const retry = el('button', { text: t('Retry'), attrs: { type: 'button', 'aria-label': t('RetryIncident', { element: incident.elementId || incident.id }) } });
      retry.addEventListener('click', () => retryIncident(incident.id, retry));
      item.append(retry);
    }
    return item;
  });
  document.getElementById('incidents').replaceChildren(...items);
  document.getElementById('incidents-empty').hidden = items.length > 0;
}

function renderTasks(view) {
  const items = view.tasks.map(task => el('li', { attrs: { 'data-element-id': task.elementId } },
    el('strong', { text: task.name || task.elementId }),
    el('p', { text: t('TaskDepartment', { department: task.departmentName || task.department || t('None') }) }),
    el('p', { text: t('TaskDue', { due: task.dueAt ? formatTime(task.dueAt) : t('None') }) })));
  document.getElementById('tasks').replaceChildren(...items);
  document.getElementById('tasks-empty').hidden = items.length > 0;
}

function renderJournal(view) {
  document.getElementById('journal').replaceChildren(...view.journal.map(entry => el('li', {},
    el('time', { text: formatTime(entry.time), attrs: { datetime: entry.time } }),
    document.createTextNode(' '),
    el('span', { className: 'dz-event', text: entry.event }),
    document.createTextNode(entry.elementName || entry.elementId ? ` · ${entry.elementName || entry.elementId}` : ''))));
}

async function retryIncident(incidentId, button) {
  button.disabled = true;
  const result = await api(`${base}/incidents/${encodeURIComponent(incidentId)}/retry`, { method: 'POST' });
  if (!result.ok) {
    showError(problemText(result));
    button.disabled = false;
    return;
  }
  showError('');
  showStatus(t('Retried'));
  await load();
}

async function load() {
  const result = await api(base);
  if (!result.ok) {
    showError(problemText(result));
    root.dataset.state = 'error';
    return;
  }
  const view = result.data;
  const state = { active: view.active, completed: view.completed, counts: view.counts, incidents: view.incidents.map(i => i.elementId).filter(Boolean) };
  if (viewer) {
    viewer.update(state);
  } else {
    viewer = await designer().createViewer({ container: '#viewer', xml: view.xml, language, ...state });
  }
  renderSummary(view);
  renderIncidents(view);
  renderTasks(view);
  renderJournal(view);
  root.dataset.state = 'ready';
}

load().catch(error => {
  showError(error.message);
  root.dataset.state = 'error';
});
