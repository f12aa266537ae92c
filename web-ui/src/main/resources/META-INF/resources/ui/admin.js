// filegate web UI, the Admin page: configuration, store health, usage per tenant from the server's usage snapshot
// (with its age), and the incomplete uploads a page at a time. Uses app.js's helpers ($, api, cell, formatBytes,
// hasRole). No inline script or style (the CSP forbids both): state is shown with the hidden attribute and classes.
'use strict';

const PENDING_PAGE = 20;
const NOT_TAKEN_RETRY_MS = 3000;
// cursors[i] opens page i of the pending uploads (null: the newest); the server's cursors stay valid across snapshots,
// and a reload starts again from the newest
const adminView = { cursors: [null], page: 0, generation: 0, retry: null, usage: null };

function adminState(which) {
  $('admin-denied').hidden = which !== 'denied';
  $('admin-loading').hidden = which !== 'loading';
  $('admin-error').hidden = which !== 'error';
}

function leaveAdmin() {
  clearTimeout(adminView.retry);
  adminView.retry = null;
  adminView.generation++; // answers still on their way are for a page no longer shown
  adminView.cursors = [null];
  adminView.page = 0;
}

function ago(seconds) {
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min ago`;
}

function every(seconds) {
  return seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

async function loadAdmin() {
  leaveAdmin();
  if (!hasRole('admin') && !hasRole('operator')) {
    $('admin-content').hidden = true;
    adminState('denied');
    return;
  }
  const generation = adminView.generation;
  adminState('loading');
  $('admin-content').setAttribute('aria-busy', 'true');
  try {
    const [overview, pending] = await Promise.all([
      api('api/v1/admin/overview').then((r) => r.json()),
      fetchPending(adminView.cursors[adminView.page]),
    ]);
    if (generation !== adminView.generation) return;
    showOverview(overview);
    showPending(pending);
    adminState('none');
    $('admin-content').hidden = false;
    if (overview.usage.state !== 'taken') {
      adminView.retry = setTimeout(loadAdmin, NOT_TAKEN_RETRY_MS);
    }
  } catch (e) {
    if (generation !== adminView.generation) return;
    showAdminError(e);
  } finally {
    $('admin-content').removeAttribute('aria-busy');
  }
}

function showAdminError(e) {
  $('admin-content').hidden = true;
  if (e.status === 403) {
    adminState('denied');
    return;
  }
  $('admin-error-text').textContent = `The admin view could not be loaded. ${e.message}`;
  adminState('error');
}

function fetchPending(cursor) {
  const query = `limit=${PENDING_PAGE}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
  return api(`api/v1/admin/pending?${query}`).then((r) => r.json());
}

function showOverview(overview) {
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
  showUsage(overview.usage);
}

function showUsage(usage) {
  adminView.usage = usage;
  const age = $('usage-age');
  if (usage.state === 'taken') {
    age.textContent = `Snapshot taken ${ago(usage.age_seconds)} (${new Date(usage.taken_at).toLocaleString()}); ` +
      `the scan took ${usage.scan_millis} ms. A new one is taken every ${every(usage.refresh_seconds)}.`;
    age.className = 'hint';
  } else {
    age.textContent = 'No usage snapshot yet: the first scan of the store is still running. ' +
      'This page asks again every few seconds.';
    age.className = 'hint waiting';
  }
  const failure = $('usage-failure');
  failure.hidden = !usage.last_failure;
  if (usage.last_failure) {
    failure.textContent = `The last scan failed (${new Date(usage.last_failure.at).toLocaleString()}): ` +
      `${usage.last_failure.detail}. ` + (usage.state === 'taken' ? 'Showing the snapshot before it.' : '');
  }
  const tenants = $('tenants').querySelector('tbody');
  tenants.replaceChildren();
  for (const t of usage.tenants) {
    const row = document.createElement('tr');
    cell(row, t.org);
    cell(row, String(t.files), 'num');
    cell(row, formatBytes(t.bytes), 'num');
    cell(row, String(t.pending_uploads), 'num');
    tenants.appendChild(row);
  }
  $('tenants-empty').hidden = usage.state !== 'taken' || usage.tenants.length > 0;
  drawChart(usage.tenants);
}

function showPending(page) {
  const body = $('pending').querySelector('tbody');
  body.replaceChildren();
  const now = Date.now();
  for (const p of page.pending_uploads) {
    const row = document.createElement('tr');
    if (Date.parse(p.expires_at) < now) row.className = 'expired';
    cell(row, p.org);
    cell(row, p.filename);
    cell(row, formatBytes(p.size), 'num');
    cell(row, p.uploaded_by);
    cell(row, new Date(p.created_at).toLocaleString());
    cell(row, new Date(p.expires_at).toLocaleString());
    body.appendChild(row);
  }
  const shown = page.pending_uploads.length;
  $('pending').hidden = shown === 0;
  $('pending-empty').hidden = shown > 0 || page.state !== 'taken' || adminView.page > 0;
  adminView.cursors.length = adminView.page + 1;
  if (page.next_cursor) adminView.cursors.push(page.next_cursor);
  $('pending-newer').disabled = adminView.page === 0;
  $('pending-older').disabled = !page.next_cursor;
  const first = adminView.page * PENDING_PAGE + 1;
  const usage = adminView.usage || {};
  const total = usage.pending_uploads === undefined ? '' : ` of ${usage.pending_uploads}`;
  const listed = usage.pending_listed !== undefined && usage.pending_listed < usage.pending_uploads
    ? ` (the newest ${usage.pending_listed} are listed)` : '';
  $('pending-position').textContent = shown === 0 ? '' : `${first}–${first + shown - 1}${total}${listed}`;
  $('pending-pager').hidden = adminView.page === 0 && !page.next_cursor;
}

async function turnPendingPage(step) {
  const target = adminView.page + step;
  if (target < 0 || target >= adminView.cursors.length) return;
  const generation = adminView.generation;
  $('pending-newer').disabled = true;
  $('pending-older').disabled = true;
  try {
    const page = await fetchPending(adminView.cursors[target]);
    if (generation !== adminView.generation) return;
    adminView.page = target;
    showPending(page);
  } catch (e) {
    if (generation !== adminView.generation) return;
    showAdminError(e);
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

document.addEventListener('DOMContentLoaded', () => {
  $('admin-reload').addEventListener('click', loadAdmin);
  $('admin-retry').addEventListener('click', loadAdmin);
  $('pending-newer').addEventListener('click', () => turnPendingPage(-1));
  $('pending-older').addEventListener('click', () => turnPendingPage(1));
});
