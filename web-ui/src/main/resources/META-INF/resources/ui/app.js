// filegate web UI: one page, no framework, no inline script (the CSP forbids it). It talks to /api/v1 like any
// client and uses whichever transfer mode the server advertises in /api/v1/capabilities. The Admin page is admin.js,
// signing in with the identity provider signin.js.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { token: null, claims: null, me: null, name: null, session: 0, caps: null };

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
    const error = new Error(await problemText(response));
    error.status = response.status;
    throw error;
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

/** The caller's tenant as the service reads it from the token (/api/v1/me), or undefined. */
function org() {
  return state.me ? state.me.org : undefined;
}

function hasRole(role) {
  return !!(state.me && state.me.roles.includes(role));
}

// ---------- sign-in ----------
// Three ways in: the deployment's identity provider (signin.js), one-click demo tokens in the dev profile, or a
// pasted token. Whichever it is, the service says who the token's bearer is to it (/api/v1/me): tenant and roles
// after its claim mapping, and why either is missing.

/** Starts a session with a token (a new sign-in, or a renewal of the same session's token). */
async function useToken(token, name) {
  let claims;
  try {
    claims = claimsOf(token.trim());
  } catch (e) {
    showError('That does not look like a JWT bearer token.');
    return false;
  }
  const renewal = !!state.token && state.me && claims.sub === state.claims.sub;
  const previous = { token: state.token, claims: state.claims };
  state.token = token.trim();
  state.claims = claims;
  if (renewal) {
    await tokenRenewed();
    return true;
  }
  try {
    state.me = await (await api('api/v1/me', { headers: { Accept: 'application/json' } })).json();
  } catch (e) {
    Object.assign(state, previous);
    showError(`The service refused this token: ${e.message}`);
    return false;
  }
  state.name = name || claims.preferred_username || claims.sub;
  state.session += 1;
  $('token-input').value = '';
  showError('');
  route();
  return true;
}

/**
 * A renewed token: requests from now on carry it, uploads under way go on. The service is asked again who it names:
 * roles may have changed at the provider, and another tenant is another session (a new uploader and file list).
 */
async function tokenRenewed() {
  if (uppy && uppy.getPlugin('AwsS3') && state.caps.upload_modes[0] === 'presigned') {
    uppy.getPlugin('AwsS3').setOptions({ headers: bearer() });
  }
  try {
    const me = await (await api('api/v1/me', { headers: { Accept: 'application/json' } })).json();
    const moved = me.org !== state.me.org;
    state.me = me;
    if (moved) {
      state.session += 1;
      route();
      return;
    }
  } catch (e) {
    showError(`The service refused the renewed token: ${e.message}`);
  }
  showWho();
}

function endSession() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.getRegistration('ui/download/')
      .then((r) => r && r.active && r.active.postMessage({ forget: true }))
      .catch(() => {});
  }
  if (uppy) uppy.cancelAll(); // nothing goes on under a session that ended
  state.token = null;
  state.claims = null;
  state.me = null;
  route();
}

function signOut() {
  endSession();
  if (state.caps.auth.oidc) {
    providerSignIn.signOut().catch((e) => showError(`Signing out at the identity provider failed: ${e.message}`));
  }
}

async function devSignIn(roles) {
  try {
    const response = await fetch(`dev/token?org=demo&user=${roles === 'admin' ? 'demo-admin' : 'demo-user'}&roles=${roles}`,
      { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(await problemText(response));
    await useToken((await response.json()).access_token);
  } catch (e) {
    showError(e.message);
  }
}

async function startProviderSignIn() {
  $('signin-provider').addEventListener('click', () => {
    providerSignIn.signIn().catch((e) => showError(`The identity provider did not answer: ${e.message}`));
  });
  try {
    const user = await providerSignIn.start(state.caps.auth.oidc, {
      signedIn: (u) => { if (state.token) useToken(u.access_token, u.profile.preferred_username || u.profile.name); },
      ended: (why) => { endSession(); showError(`${why} Sign in again.`); },
    });
    if (user && !(await useToken(user.access_token, user.profile.preferred_username || user.profile.name))) {
      await providerSignIn.forget();
    }
  } catch (e) {
    showError(`Signing in failed: ${e.error_description || e.message}`);
  }
}

// ---------- files ----------

async function loadFiles() {
  const tbody = $('files').querySelector('tbody');
  try {
    const response = await api(filesPath());
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
    const url = `${filesPath()}/${encodeURIComponent(f.id)}`;
    const link = await (await api(`${url}/link`)).json();
    if (link.authorization !== 'bearer') {
      // A short-lived presigned link that the store serves as an attachment: a plain navigation downloads it,
      // and the bearer token never leaves this origin.
      clickLink(link.url, null);
      return;
    }
    const ticket = await downloadTicket(new URL(link.url, location.href).href);
    if (ticket) {
      // The download worker fetches it with the token and hands the stream to the browser's download manager:
      // the file goes to disk as it arrives, never whole into this page's memory.
      clickLink(`ui/download/${ticket}`, null);
      return;
    }
    // No service worker (a page not served over https or from localhost): the file passes through memory.
    const blob = await (await api(link.url)).blob();
    const objectUrl = URL.createObjectURL(blob);
    clickLink(objectUrl, f.filename);
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60000);
  } catch (e) {
    showError(`Download failed: ${e.message}`);
  }
}

/** Registers the download worker once; null where the browser offers none. */
let downloadWorker = null;
function downloadWorkerReady() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return Promise.resolve(null);
  if (!downloadWorker) {
    downloadWorker = navigator.serviceWorker.register('ui/download-worker.js', { scope: 'ui/download/' })
      .then(() => navigator.serviceWorker.getRegistration('ui/download/'))
      .then(async (registration) => {
        const worker = registration.active || registration.waiting || registration.installing;
        if (worker && worker.state !== 'activated') {
          await new Promise((resolve) => worker.addEventListener('statechange', () => {
            if (worker.state === 'activated') resolve();
          }));
        }
        return registration;
      })
      .catch(() => null);
  }
  return downloadWorker;
}

/** Hands one download (its URL and the token) to the worker; answers the one-time ticket naming it. */
async function downloadTicket(url) {
  const registration = await downloadWorkerReady();
  if (!registration || !registration.active) return null;
  const ticket = crypto.randomUUID();
  const channel = new MessageChannel();
  const acknowledged = new Promise((resolve) => { channel.port1.onmessage = () => resolve(true); });
  registration.active.postMessage({ ticket, url, token: state.token }, [channel.port2]);
  const ok = await Promise.race([acknowledged, new Promise((resolve) => setTimeout(() => resolve(false), 3000))]);
  return ok ? ticket : null;
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
    await api(`${filesPath()}/${encodeURIComponent(f.id)}`, { method: 'DELETE' });
    await loadFiles();
  } catch (e) {
    showError(e.message);
  }
}

// ---------- uploads (Uppy) ----------
// Uppy's Dashboard picks, drops and pastes files, shows progress, pauses, resumes and retries; the uploader plugin
// follows the mode the server advertises: XHRUpload to the API (proxy), AwsS3 against the Uppy-compatible routes
// (presigned: a signed form for small files, resumable multipart from the advertised threshold), or a PUT to the
// gateway. Direct uploads are completed (validated and sealed by the service) in a post-processing step.

let uppy = null;
const completions = new Map(); // Uppy file id -> the complete_url of its direct upload

function filesPath() {
  return `api/v1/orgs/${encodeURIComponent(org())}/files`;
}

function bearer() {
  return { Authorization: `Bearer ${state.token}` };
}

function recordUpload(file, outcome, text) {
  const list = $('uploads');
  let li = [...list.children].find((el) => el.dataset.id === file.id);
  if (!li) {
    li = document.createElement('li');
    li.dataset.id = file.id;
    li.dataset.name = file.name;
    list.prepend(li);
  }
  li.className = outcome;
  li.textContent = `${file.name} (${formatBytes(file.size || 0)}): ${text}`;
}

function uploadErrorText(error, response) {
  const body = response && response.body;
  if (body && (body.detail || body.message)) return body.detail || body.message;
  const xhr = error && error.request;
  if (xhr && xhr.responseText) {
    try {
      const problem = JSON.parse(xhr.responseText);
      if (problem.detail || problem.message) return problem.detail || problem.message;
    } catch (e) { /* the store answers XML */ }
  }
  return (error && error.message) || 'the upload failed';
}

/** A type's own limit (upload.max-size-by-type) is stricter than Uppy's one maxFileSize: checked on adding. */
function typeLimitAllows(file) {
  for (const limit of state.caps.max_size_by_type || []) {
    const [major, minor] = String(limit.types).split('/');
    const [fMajor, fMinor] = (file.type || 'application/octet-stream').split('/');
    if ((major === '*' || major === fMajor) && (minor === '*' || minor === fMinor) && file.size > limit.max_size) {
      return `${file.name}: larger than the ${formatBytes(limit.max_size)} allowed for ${limit.types}`;
    }
  }
  return null;
}

function useProxyUploads() {
  uppy.use(window.Uppy.XHRUpload, {
    endpoint: filesPath(),
    fieldName: 'file',
    formData: true,
    allowedMetaFields: [],
    headers: () => bearer(), // read per upload: a renewed token is used from then on
    limit: 3,
    // A 4xx is the request's fault: sending it again changes nothing.
    shouldRetry: (xhr) => xhr.status === 0 || xhr.status === 429 || xhr.status >= 500,
  });
}

function useDirectUploads() {
  const multipart = state.caps.multipart;
  const endpoint = multipart.endpoint.replace('{org}', encodeURIComponent(org()));
  uppy.use(window.Uppy.AwsS3, {
    endpoint,
    headers: bearer(),
    shouldUseMultipart: (file) => file.size >= multipart.threshold,
    getChunkSize: () => multipart.part_size,
    allowedMetaFields: [],
    async getUploadParameters(file) {
      const query = new URLSearchParams({ filename: file.name, type: file.type || 'application/octet-stream' });
      const params = await (await api(`${endpoint}/s3/params?${query}`)).json();
      completions.set(file.id, params.complete_url);
      return params;
    },
  });
}

function useGatewayUploads() {
  uppy.use(window.Uppy.AwsS3, {
    shouldUseMultipart: false,
    async getUploadParameters(file) {
      const type = file.type || 'application/octet-stream';
      const signed = await (await api(`${filesPath()}/presign`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ filename: file.name, content_type: type, size: file.size }),
      })).json();
      completions.set(file.id, signed.complete_url);
      const headers = {};
      for (const [name, value] of Object.entries(signed.headers)) {
        if (name.toLowerCase() !== 'content-length') headers[name] = value; // the browser sets it
      }
      if (signed.authorization === 'bearer') Object.assign(headers, bearer());
      return { method: signed.method, url: signed.put_url, headers };
    },
  });
}

/** Completes each direct upload: the service checks what arrived and makes it a file (or refuses and deletes it). */
async function completeDirectUploads(fileIDs) {
  for (const id of fileIDs) {
    const url = completions.get(id);
    const file = uppy.getFile(id);
    if (!url || !file || file.error) continue;
    completions.delete(id);
    uppy.emit('postprocess-progress', file, { mode: 'indeterminate', message: 'Checking' });
    try {
      await api(url, { method: 'POST' });
      recordUpload(file, 'done', 'stored');
    } catch (e) {
      uppy.emit('upload-error', file, e);
    }
    uppy.emit('postprocess-complete', file);
  }
}

function setUpUploader() {
  if (uppy) {
    uppy.destroy();
  }
  completions.clear();
  const caps = state.caps;
  uppy = new window.Uppy.Uppy({
    id: 'filegate',
    autoProceed: true,
    restrictions: { maxFileSize: caps.max_size, allowedFileTypes: caps.allowed_types },
    onBeforeFileAdded: (file) => {
      const refused = typeLimitAllows(file);
      if (refused) {
        showError(refused);
        recordUpload(file, 'failed', refused);
        return false;
      }
      return true;
    },
  });
  uppy.use(window.Uppy.Dashboard, {
    inline: true,
    target: '#uploader',
    width: '100%',
    height: 300,
    proudlyDisplayPoweredByUppy: false,
    showProgressDetails: true,
    note: `Up to ${formatBytes(caps.max_size)}: ${caps.allowed_types.join(', ')}`,
  });
  const mode = caps.upload_modes[0];
  if (mode === 'proxy') {
    useProxyUploads();
  } else if (mode === 'presigned') {
    useDirectUploads();
  } else {
    useGatewayUploads();
  }
  uppy.addPostProcessor(completeDirectUploads);
  uppy.on('upload-success', (file) => {
    if (!completions.has(file.id)) recordUpload(file, 'done', 'stored');
  });
  uppy.on('upload-error', (file, error, response) => {
    const text = uploadErrorText(error, response);
    recordUpload(file, 'failed', text);
    showError(`${file.name}: ${text}`);
  });
  uppy.on('restriction-failed', (file, error) => {
    if (file) recordUpload(file, 'failed', error.message);
    showError(file ? `${file.name}: ${error.message}` : error.message);
  });
  uppy.on('complete', () => loadFiles());
}

function addFiles(files) {
  for (const f of files) {
    try {
      uppy.addFile({ name: f.name, type: f.type, data: f, source: 'filegate' });
    } catch (e) {
      // refused by a restriction: restriction-failed already said why
    }
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

// ---------- routing ----------

/** Who is signed in, as the service sees them, and until when the current token holds. */
function showWho() {
  if (!state.token) {
    $('whoami').textContent = 'Not signed in';
    return;
  }
  const roles = state.me.roles.join(', ') || 'no roles';
  const until = state.claims.exp ? new Date(state.claims.exp * 1000).toLocaleTimeString() : null;
  $('whoami').textContent = `${state.name} · org ${org() || '(none)'} · ${roles}`;
  $('whoami').title = until ? `Token valid until ${until}` : '';
  $('whoami').dataset.expires = state.claims.exp || '';
}

function route() {
  const signedIn = !!state.token;
  $('signin').hidden = signedIn;
  $('signout').hidden = !signedIn;
  showWho();
  const page = location.hash === '#admin' ? 'admin' : 'files';
  $('files-page').hidden = !signedIn || page !== 'files';
  $('admin-page').hidden = !signedIn || page !== 'admin';
  if (!signedIn || page !== 'admin') leaveAdmin(); // admin.js
  if (!signedIn) return;
  if (page === 'admin') {
    loadAdmin(); // admin.js
  } else {
    $('org-name').textContent = org() || '(no tenant)';
    $('identity-problems').replaceChildren(...state.me.problems.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }));
    $('identity-problems').hidden = state.me.problems.length === 0;
    $('files-area').hidden = !org();
    if (!org()) return;
    const modes = state.caps.upload_modes.join(', ');
    $('mode-info').textContent = `Uploads: ${modes}; downloads: ${state.caps.download_mode}; up to ` +
      `${formatBytes(state.caps.max_size)}; allowed: ${state.caps.allowed_types.join(', ')}`;
    if (!uppy || state.uploaderFor !== state.session) {
      setUpUploader();
      state.uploaderFor = state.session;
    }
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
  $('provider-signin').hidden = !state.caps.auth.oidc;
  $('token-form').hidden = !!state.caps.auth.oidc;
  $('signin-dev').addEventListener('click', () => devSignIn('uploader'));
  $('signin-admin').addEventListener('click', () => devSignIn('admin'));
  $('token-form').addEventListener('submit', (e) => { e.preventDefault(); useToken($('token-input').value); });
  $('signout').addEventListener('click', signOut);
  document.addEventListener('paste', (e) => {
    if (!state.token || location.hash === '#admin') return;
    if (e.target instanceof Node && $('uploader').contains(e.target)) return; // the Dashboard takes its own
    const files = pastedFiles(e);
    if (files.length) { e.preventDefault(); addFiles(files); }
  });
  if ('serviceWorker' in navigator) {
    // onmessage (not addEventListener) also starts the delivery of messages to this uncontrolled page.
    navigator.serviceWorker.onmessage = (e) => {
      if (e.data && e.data.downloadFailed) showError(`Download failed: ${e.data.downloadFailed}`);
    };
  }
  window.addEventListener('hashchange', route);
  route();
  if (state.caps.auth.oidc) await startProviderSignIn();
}

document.addEventListener('DOMContentLoaded', start);
