// filegate download worker: streams a file from the API with the page's bearer token and gives the response to the
// browser's download manager, which writes it to disk as it arrives (a page cannot add a header to a navigation,
// and reading the file into the page first would hold it whole in memory).
//
// The page hands over one download at a time: {ticket, url, token}. The ticket is random, used once, and forgotten
// after 30 s; the token is kept only until then. Only same-origin URLs (the API, or the gateway fronting it) are
// fetched, so the token never goes anywhere the page could not send it itself.
'use strict';

const TICKET_LIFETIME_MS = 30000;
const tickets = new Map();

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  if (event.data && event.data.forget) { // the page signed out: no download may use its token any more
    tickets.clear();
    return;
  }
  const { ticket, url, token } = event.data || {};
  const target = typeof url === 'string' ? new URL(url, self.location.href) : null;
  const port = event.ports && event.ports[0];
  if (typeof ticket !== 'string' || typeof token !== 'string' || !target
      || target.origin !== self.location.origin) {
    if (port) port.postMessage({ accepted: false });
    return;
  }
  tickets.set(ticket, { url: target.href, token, at: Date.now() });
  setTimeout(() => tickets.delete(ticket), TICKET_LIFETIME_MS);
  if (port) port.postMessage({ accepted: true });
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const prefix = new URL('./', self.registration.scope).pathname;
  if (url.origin !== self.location.origin || !url.pathname.startsWith(prefix)) return;
  const ticket = url.pathname.substring(prefix.length);
  const entry = tickets.get(ticket);
  tickets.delete(ticket);
  if (!entry || Date.now() - entry.at > TICKET_LIFETIME_MS) {
    event.respondWith(new Response('This download link was used or has expired; download again from the list.',
      { status: 410, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    return;
  }
  event.respondWith(fetch(entry.url, {
    headers: { Authorization: `Bearer ${entry.token}` },
    credentials: 'omit',
    redirect: 'follow',
  }).then(async (response) => {
    if (response.ok) return response;
    // An error must not replace the page (and the token only it holds): 204 keeps the page, which shows why.
    let detail = `The server answered ${response.status}.`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) { /* not a problem document */ }
    // (the page is not under this worker's scope: it is an uncontrolled client of the same origin)
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      client.postMessage({ downloadFailed: detail });
    }
    return new Response(null, { status: 204 });
  }));
});
