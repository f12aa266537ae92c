/**
 * The HTTP boundary under {@code /api/v1}: JAX-RS resources, the mapping of the caller's JWT to a domain
 * {@code Caller}, problem+json errors and the API's configuration sections. It sees the domain's ports only; the
 * deployable ({@code server-config}) binds them to adapters.
 *
 * <p>May contain: request/response mapping. Must not contain: policy rules (they live in the domain), storage adapters
 * or S3 calls (they live in {@code storage-s3}, which this module does not depend on).
 */
package dev.filegate.api;
