/**
 * The upload domain: who may store which file where, under which name, for how long.
 *
 * <p>May contain: value objects of the ubiquitous language ({@code OrgId}, {@code StorageKey}, {@code FileId}),
 * policy rules, and the ports ({@code storage}) that adapters implement. Must not contain: JAX-RS, CDI, Servlet,
 * MicroProfile or AWS SDK imports, I/O beyond {@link java.io.InputStream} pass-through, or logging of secrets.
 */
package dev.filegate.domain;
