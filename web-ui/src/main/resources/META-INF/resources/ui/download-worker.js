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
  }));
});
