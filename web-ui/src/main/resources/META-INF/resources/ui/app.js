// filegate web UI: one page, no framework, no inline script (the CSP forbids it). It talks to /api/v1 like any
// client and uses whichever transfer mode the server advertises in /api/v1/capabilities.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { token: null, claims: null, caps: null };

// ---------- helpers ----------

function claimsOf(token) {
  const part = token.split('.')[1] || '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(decodeURIComponent(escape(json)));
}

function showError(message) {
  const el = $('error');
  el.textContent = message;
  el.hidden = !message;
}

async function problemText(response) {
  try {
    const body = await response.json();
    if (body && (body.detail || body.title)) {
      return body.detail ? `${body.title}: ${body.detail}` : body.title;
    }
  } catch (e) { /* not JSON */ }
  return `The server answered ${response.status}.`;
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (state.token) {
    headers.Authorization = `Bearer ${state.token}`;
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok && response.status !== 304) {
    throw new Error(await problemText(response));
  }
  return response;
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function formatDuration(seconds) {
  if (!isFinite(seconds)) return '…';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function rowButton(className, label, file, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  button.setAttribute('aria-label', `${label} ${file.filename}`);
  button.addEventListener('click', () => action(file));
  return button;
}

function org() {
  return state.claims && state.claims[state.caps.auth.org_claim];
}

function hasRole(role) {
  return !!(state.claims && Array.isArray(state.claims.groups) && state.claims.groups.includes(role));
}

// ---------- sign-in ----------

function signIn(token) {
  try {
    state.claims = claimsOf(token.trim());
  } catch (e) {
    showError('That does not look like a JWT bearer token.');
    return;
  }
  state.token = token.trim();
  $('token-input').value = '';
  showError('');
  route();
}

function signOut() {
  state.token = null;
  state.claims = null;
  route();
}

async function devSignIn(roles) {
  try {
    const response = await fetch(`dev/token?org=demo&user=${roles === 'admin' ? 'demo-admin' : 'demo-user'}&roles=${roles}`,
      { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(await problemText(response));
    signIn((await response.json()).access_token);
  } catch (e) {
    showError(e.message);
  }
}

// ---------- files ----------

async function loadFiles() {
  const tbody = $('files').querySelector('tbody');
  try {
    const response = await api(`api/v1/orgs/${encodeURIComponent(org())}/files`);
    const { files } = await response.json();
    tbody.replaceChildren();
    for (const f of files) {
      const row = document.createElement('tr');
      row.dataset.id = f.id;
      cell(row, f.filename, 'name');
      cell(row, f.content_type, 'type');
      cell(row, formatBytes(f.size), 'size num');
      cell(row, f.created_at ? new Date(f.created_at).toLocaleString() : '', 'date');
      cell(row, f.state, 'state');
      const actions = cell(row, '', 'actions');
      if (f.state === 'complete') {
        actions.appendChild(rowButton('download', 'Download', f, downloadFile));
      }
      if (hasRole('uploader') || hasRole('admin')) {
        actions.appendChild(rowButton('delete', 'Delete', f, deleteFile));
      }
      tbody.appendChild(row);
    }
    $('files-empty').hidden = files.length > 0;
  } catch (e) {
    showError(e.message);
  }
}

async function downloadFile(f) {
  try {
    const url = `api/v1/orgs/${encodeURIComponent(org())}/files/${encodeURIComponent(f.id)}`;
    if (state.caps.download_mode === 'redirect') {
      // A short-lived presigned link that the store serves as an attachment: a plain navigation downloads it,
      // and the bearer token never leaves this origin.
      const link = await (await api(`${url}/link`)).json();
      clickLink(link.url, null);
      return;
    }
    const blob = await (await api(url)).blob();
    const objectUrl = URL.createObjectURL(blob);
    clickLink(objectUrl, f.filename);
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60000);
  } catch (e) {
    showError(`Download failed: ${e.message}`);
  }
}

function clickLink(href, filename) {
  const link = document.createElement('a');
  link.href = href;
  if (filename) link.download = filename;
  link.rel = 'noreferrer';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

async function deleteFile(f) {
  try {
    await api(`api/v1/orgs/${encodeURIComponent(org())}/files/${encodeURIComponent(f.id)}`, { method: 'DELETE' });
    await loadFiles();
  } catch (e) {
    showError(e.message);
  }
}

// ---------- uploads ----------

function uploadItem(file) {
  const li = document.createElement('li');
  li.dataset.name = file.name;
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = `${file.name} (${formatBytes(file.size)})`;
  const progress = document.createElement('progress');
  progress.max = 100;
  progress.value = 0;
  progress.setAttribute('aria-label', `Upload progress of ${file.name}`);
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'cancel';
  cancel.textContent = 'Cancel';
  const status = document.createElement('span');
  status.className = 'status';
  status.textContent = 'waiting';
  li.append(name, progress, cancel, status);
  $('uploads').prepend(li);
  return { li, progress, cancel, status, xhr: null };
}

function send(item, method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    item.xhr = xhr;
    const started = performance.now();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.floor((e.loaded / e.total) * 100);
      const seconds = (performance.now() - started) / 1000;
      const speed = e.loaded / Math.max(seconds, 0.001);
      item.progress.value = percent;
      item.status.textContent = `${percent} % · ${formatBytes(speed)}/s · ${formatDuration((e.total - e.loaded) / speed)} left`;
    };
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new Error('the connection failed'));
    xhr.onabort = () => reject(new Error('cancelled'));
    xhr.send(body);
  });
}

async function xhrProblem(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    if (body.detail) return `${body.title}: ${body.detail}`;
  } catch (e) { /* the store answers XML */ }
  return `The server answered ${xhr.status}.`;
}

async function uploadFile(file) {
  const item = uploadItem(file);
  item.cancel.addEventListener('click', () => item.xhr && item.xhr.abort());
  const type = file.type || 'application/octet-stream';
  const files = `api/v1/orgs/${encodeURIComponent(org())}/files`;
  try {
    if (state.caps.upload_modes[0] === 'proxy') {
      const xhr = await send(item, 'POST', `${files}?filename=${encodeURIComponent(file.name)}`,
        { 'Content-Type': type, Authorization: `Bearer ${state.token}` }, file);
      if (xhr.status !== 201) throw new Error(await xhrProblem(xhr));
    } else {
      const presign = await api(`${files}/presign`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ filename: file.name, content_type: type, size: file.size }),
      });
      const signed = await presign.json();
      const headers = {};
      for (const [name, value] of Object.entries(signed.headers)) {
        if (name.toLowerCase() !== 'content-length') headers[name] = value; // the browser sets it
      }
      if (signed.authorization === 'bearer') headers.Authorization = `Bearer ${state.token}`;
      const xhr = await send(item, signed.method, signed.put_url, headers, file);
      if (xhr.status < 200 || xhr.status > 299) throw new Error(await xhrProblem(xhr));
      await api(signed.complete_url, { method: 'POST' });
    }
    item.progress.value = 100;
    item.status.textContent = '100 % · stored';
    item.li.classList.add('done');
    item.cancel.remove();
    await loadFiles();
  } catch (e) {
    item.li.classList.add('failed');
    item.status.textContent = e.message;
    item.cancel.remove();
    showError(`${file.name}: ${e.message}`);
  }
}

function uploadAll(fileList) {
  for (const file of fileList) {
    uploadFile(file);
  }
}

function pastedFiles(event) {
  const files = [];
  const items = event.clipboardData ? event.clipboardData.files : [];
  for (const f of items) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const ext = (f.type.split('/')[1] || 'bin').replace(/[^a-z0-9]/g, '');
    files.push(f.name && f.name !== 'image.png' ? f : new File([f], `pasted-${stamp}.${ext}`, { type: f.type }));
  }
  return files;
}

// ---------- admin ----------

async function loadAdmin() {
  $('admin-denied').hidden = true;
  $('admin-content').hidden = true;
  if (!hasRole('admin') && !hasRole('operator')) {
    $('admin-denied').hidden = false;
    return;
  }
  try {
    const overview = await (await api('api/v1/admin/overview')).json();
    const health = $('store-health');
    health.textContent = `${overview.store.up ? 'UP' : 'DOWN'}: ${overview.store.detail}`;
    health.className = overview.store.up ? 'up' : 'down';
    const config = $('config');
    config.replaceChildren();
    for (const [key, value] of Object.entries(overview.configuration)) {
      const dt = document.createElement('dt');
      dt.textContent = key;
      const dd = document.createElement('dd');
      dd.textContent = typeof value === 'object' ? JSON.stringify(value) : String(value);
      config.append(dt, dd);
    }
    const tenants = $('tenants').querySelector('tbody');
    tenants.replaceChildren();
    for (const t of overview.tenants) {
      const row = document.createElement('tr');
      cell(row, t.org);
      cell(row, String(t.files), 'num');
      cell(row, formatBytes(t.bytes), 'num');
      tenants.appendChild(row);
    }
    drawChart(overview.tenants);
    const pending = $('pending').querySelector('tbody');
    pending.replaceChildren();
    for (const p of overview.pending_uploads) {
      const row = document.createElement('tr');
      cell(row, p.org);
      cell(row, p.filename);
      cell(row, formatBytes(p.size), 'num');
      cell(row, p.uploaded_by);
      cell(row, new Date(p.created_at).toLocaleString());
      cell(row, new Date(p.expires_at).toLocaleString());
      pending.appendChild(row);
    }
    $('admin-content').hidden = false;
  } catch (e) {
    $('admin-denied').hidden = false;
    showError(e.message);
  }
}

function drawChart(tenants) {
  const svg = $('usage-chart');
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  const max = Math.max(1, ...tenants.map((t) => t.bytes));
  const rowHeight = 22;
  svg.setAttribute('height', String(Math.max(1, tenants.length) * rowHeight + 4));
  tenants.forEach((t, i) => {
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(i * rowHeight + 15));
    label.textContent = t.org;
    const bar = document.createElementNS(ns, 'rect');
    bar.setAttribute('x', '140');
    bar.setAttribute('y', String(i * rowHeight + 4));
    bar.setAttribute('height', '14');
    bar.setAttribute('width', String(Math.max(1, Math.round((t.bytes / max) * 380))));
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('x', String(150 + Math.round((t.bytes / max) * 380)));
    value.setAttribute('y', String(i * rowHeight + 15));
    value.textContent = formatBytes(t.bytes);
    svg.append(label, bar, value);
  });
}

// ---------- routing ----------

function route() {
  const signedIn = !!state.token;
  $('signin').hidden = signedIn;
  $('signout').hidden = !signedIn;
  $('whoami').textContent = signedIn
    ? `${state.claims.sub} · org ${org() || '(none)'} · ${(state.claims.groups || []).join(', ') || 'no roles'}`
    : 'Not signed in';
  const page = location.hash === '#admin' ? 'admin' : 'files';
  $('files-page').hidden = !signedIn || page !== 'files';
  $('admin-page').hidden = !signedIn || page !== 'admin';
  if (!signedIn) return;
  if (page === 'admin') {
    loadAdmin();
  } else {
    $('org-name').textContent = org() || '(no org in this token)';
    const modes = state.caps.upload_modes.join(', ');
    $('mode-info').textContent = `Uploads: ${modes}; downloads: ${state.caps.download_mode}; up to ` +
      `${formatBytes(state.caps.max_size)}; allowed: ${state.caps.allowed_types.join(', ')}`;
    loadFiles();
  }
}

async function start() {
  try {
    state.caps = await (await fetch('api/v1/capabilities')).json();
  } catch (e) {
    showError('The service did not answer.');
    return;
  }
  $('dev-signin').hidden = !state.caps.auth.dev_token;
  $('signin-dev').addEventListener('click', () => devSignIn('uploader'));
  $('signin-admin').addEventListener('click', () => devSignIn('admin'));
  $('token-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('token-input').value); });
  $('signout').addEventListener('click', signOut);
  $('file-input').addEventListener('change', (e) => { uploadAll(e.target.files); e.target.value = ''; });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); uploadAll(e.dataTransfer.files); });
  document.addEventListener('paste', (e) => {
    if (!state.token || location.hash === '#admin') return;
    const files = pastedFiles(e);
    if (files.length) { e.preventDefault(); uploadAll(files); }
  });
  window.addEventListener('hashchange', route);
  route();
}

document.addEventListener('DOMContentLoaded', start);
