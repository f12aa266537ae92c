/**
 * Gateway authorization: a gateway (nginx {@code auth_request}, Envoy {@code ext_authz}) asks, per request, whether
 * a client may perform a method on a gateway path; the answer is the store signature for exactly that request.
 * Decisions are made on the parsed, normalised key, never on the raw path.
 */
package dev.filegate.domain.gateway;
