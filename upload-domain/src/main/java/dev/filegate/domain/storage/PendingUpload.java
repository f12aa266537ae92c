package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A presigned upload the service signed and the client has not yet completed: what was promised, so that
 * completion can check what arrived, and so that an abandoned upload can be found and removed.
 *
 * <p>A completed upload keeps its entry, marked {@link #completed()}, until it is swept: its upload URL may still be
 * valid, and whatever a client PUTs with it after completion lands in the incoming area, which the sweeper clears.
 *
 * @param sha256Hex the SHA-256 the client declared (and the store enforces), or {@code null}
 * @param completedAt when the service validated the bytes and copied them into the files, or {@code null}
 */
public record PendingUpload(String bucket, StorageKey key, String filename, String contentType, long size,
        String sha256Hex, String uploadedBy, Instant createdAt, Instant expiresAt, Instant completedAt) {

    /** A fresh entry, not completed. */
    public PendingUpload(String bucket, StorageKey key, String filename, String contentType, long size,
            String sha256Hex, String uploadedBy, Instant createdAt, Instant expiresAt) {
        this(bucket, key, filename, contentType, size, sha256Hex, uploadedBy, createdAt, expiresAt, null);
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** This entry, marked completed at {@code when}. */
    public PendingUpload completedAt(Instant when) {
        return new PendingUpload(bucket, key, filename, contentType, size, sha256Hex, uploadedBy, createdAt, expiresAt,
                Objects.requireNonNull(when, "when"));
    }

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
