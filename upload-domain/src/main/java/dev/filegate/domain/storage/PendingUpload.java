package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A presigned upload the service signed and the client has not yet completed: what was promised, so that
 * completion can check what arrived, and so that an abandoned upload can be found and removed.
 *
 * <p>An upload that was completed, or refused on completion, keeps its entry, marked {@link #closed()}, until it is
 * swept: its upload URL may still be valid, and whatever a client PUTs with it afterwards lands in the incoming area,
 * which the sweeper clears. A closed entry is never completed again.
 *
 * @param sha256Hex the SHA-256 the client declared (and the store enforces), or {@code null}
 * @param closedAt when the service completed the upload (validated the bytes and sealed them in the files) or
 *        refused it, or {@code null} while it is pending
 */
public record PendingUpload(
        String bucket,
        StorageKey key,
        String filename,
        String contentType,
        long size,
        String sha256Hex,
        String uploadedBy,
        Instant createdAt,
        Instant expiresAt,
        Instant closedAt) {

    /** A fresh entry, still pending. */
    public PendingUpload(
            String bucket,
            StorageKey key,
            String filename,
            String contentType,
            long size,
            String sha256Hex,
            String uploadedBy,
            Instant createdAt,
            Instant expiresAt) {
        this(bucket, key, filename, contentType, size, sha256Hex, uploadedBy, createdAt, expiresAt, null);
    }

    /** Whether completion already happened or refused the bytes: nothing more is accepted for this upload. */
    public boolean closed() {
        return closedAt != null;
    }

    /** This entry, closed at {@code when}. */
    public PendingUpload closedAt(Instant when) {
        return new PendingUpload(
                bucket,
                key,
                filename,
                contentType,
                size,
                sha256Hex,
                uploadedBy,
                createdAt,
                expiresAt,
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
