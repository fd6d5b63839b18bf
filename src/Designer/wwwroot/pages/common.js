// Shared by the designer pages: configuration rendered by the server, API calls with the session's
// anti-forgery token, localized texts and dates, and the status/alert regions.

const config = JSON.parse(document.getElementById('designer-config').textContent);

export const root = document.querySelector('[data-designer-page]');
export const language = config.language;

/** A text from the page's resource file; {name} placeholders are replaced from `values`. */
export function t(name, values = {}) {
  const text = config.texts[name] ?? name;
  return text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}

/**
 * Calls the Host's API with the session cookie; unsafe methods carry the anti-forgery token.
 * @return {Promise<{ ok: boolean, status: number, data: any }>} data is the JSON body (ProblemDetails on errors).
 */
export async function api(path, { method = 'GET', json, body, contentType } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers.RequestVerificationToken = config.token;
  }
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 401) {
    // The session expired: sign in again and come back here.
    window.location.assign(`/Account/Login?ReturnUrl=${encodeURIComponent(location.pathname)}`);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, data };
}

/** The message of a ProblemDetails answer, or a generic one. */
export function problemText(result) {
  const data = result.data || {};
  if (data.errors) {
    return Object.values(data.errors).flat().join(' ');
  }
  if (result.status === 403) {
    return t('Forbidden');
  }
  return [ data.title, data.detail ].filter(Boolean).join(': ') || t('UnexpectedError', { status: result.status });
}

const timeFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short'
});

export function formatTime(value) {
  return value ? timeFormat.format(new Date(value)) : '';
}

const statusRegion = document.getElementById('dz-status');
const errorRegion = document.getElementById('dz-error');

export function showStatus(text) {
  if (statusRegion) {
    statusRegion.textContent = text;
  }
}

export function showError(text) {
  if (!errorRegion) {
    return;
  }
  errorRegion.textContent = text || '';
  errorRegion.hidden = !text;
}

/** Creates an element with a class and text (never innerHTML: names come from users). */
export function el(tag, { className, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  for (const [ name, value ] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** A table cell that phones show as a labelled line (the CSS reads data-label). */
export function cell(label, ...content) {
  const td = el('td', { attrs: { 'data-label': label } });
  td.append(...content.map(item => (typeof item === 'string' ? document.createTextNode(item) : item)));
  return td;
}

/** Opens a file picker wired to a hidden input and resolves with the chosen file. */
export function pickFile(input) {
  return new Promise(resolve => {
    input.value = '';
    input.onchange = () => resolve(input.files[0] || null);
    input.oncancel = () => resolve(null);
    input.click();
  });
}

/** The designer client (dist/designer.js), loaded with `defer` before the page modules run. */
export function designer() {
  if (!window.OneStopDesigner) {
    throw new Error(t('ClientMissing'));
  }
  return window.OneStopDesigner;
}
