/**
 * The HTTP boundary under {@code /api/v1}: JAX-RS resources, the mapping of the caller's JWT to a domain
 * {@code Caller}, problem+json errors, and the CDI wiring of the domain's ports to their adapters.
 *
 * <p>May contain: request/response mapping and wiring. Must not contain: policy rules (they live in the domain) or
 * S3 calls (they live in the storage adapter).
 */
package dev.filegate.api;
