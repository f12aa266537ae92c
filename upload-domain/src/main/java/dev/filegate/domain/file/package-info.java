/**
 * How stored files are named: server-generated {@code StorageKey}s of the form
 * {@code orgs/{org}/files/{yyyy}/{mm}/{uuid}{ext}} and their public face, the {@code FileId}. Keys are parsed strictly;
 * no client-supplied text other than a validated extension ever reaches a key.
 */
package dev.filegate.domain.file;
