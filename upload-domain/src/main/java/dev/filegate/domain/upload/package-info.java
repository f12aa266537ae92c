/**
 * The use cases: upload, list, read, describe and delete a tenant's files, through the ports only. Every use case
 * checks the tenant boundary first and the upload policy before any byte is stored.
 */
package dev.filegate.domain.upload;
