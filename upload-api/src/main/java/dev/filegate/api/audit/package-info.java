/**
 * One audit line per upload, presign, completion, abort, download, link, delete and gateway grant: who, tenant, file
 * id, size, mode, outcome, status, duration and request id, never a URL, signature, token or upload handle. The same
 * event feeds the transfer metrics ({@code dev.filegate.api.metrics}). Resource methods opt in with {@link Audited};
 * nothing here decides whether a request is allowed.
 */
package dev.filegate.api.audit;
