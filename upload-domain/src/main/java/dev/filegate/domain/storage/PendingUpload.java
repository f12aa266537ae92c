package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A presigned upload the service signed and the client has not yet completed: what was promised, so that
 * completion can check what arrived, and so that an abandoned upload can be found and removed.
 *
 * @param sha256Hex the SHA-256 the client declared (and the store enforces), or {@code null}
 */
public record PendingUpload(String bucket, StorageKey key, String filename, String contentType, long size,
        String sha256Hex, String uploadedBy, Instant createdAt, Instant expiresAt) {

    public PendingUpload {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
