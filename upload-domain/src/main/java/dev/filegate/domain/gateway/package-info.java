/**
 * Gateway authorization: a gateway (nginx {@code auth_request}, Envoy {@code ext_authz}) asks, per request, whether
 * a client may perform a method on a gateway path; the answer is the store signature for exactly that request.
 * Decisions are made on the key parsed strictly from the raw path ({@code GatewayPath}), never on the raw path; a
 * read needs a complete file, a write an open reservation in the ledger.
 */
package dev.filegate.domain.gateway;
