/**
 * Errors as RFC 9457 {@code application/problem+json}: one mapper per exception family (domain refusals, store
 * outages, JAX-RS and container errors, the unexpected), each answering a precise status with no stack trace and
 * nothing secret. The error servlet gives the container's own errors the same shape.
 */
package dev.filegate.api.problem;
