/**
 * How stored files are named: server-generated {@code StorageKey}s of the form
 * {@code orgs/{org}/files/{yyyy}/{mm}/{uuid}{ext}} and their public faces, the {@code FileId} and the gateway path
 * {@code /files/{org}/{fileId}} ({@code GatewayPath}). Keys, ids and gateway paths are parsed strictly; no
 * client-supplied text other than a validated extension ever reaches a key.
 */
package dev.filegate.domain.file;
