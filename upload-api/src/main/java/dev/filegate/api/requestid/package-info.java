/**
 * The request id: taken from {@code X-Request-Id} when the caller (or the front proxy) sent a well-formed one, else
 * generated; held for the request's thread, echoed in the response and in problem bodies, put on every log line of
 * the request (Liberty's JSON logs, field {@code ext_requestId}) and on its audit line. Nothing else belongs here.
 */
package dev.filegate.api.requestid;
