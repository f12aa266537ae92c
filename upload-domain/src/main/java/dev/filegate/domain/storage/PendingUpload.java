package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A direct upload the service signed and the client has not yet completed: what was promised, so that completion
 * can check what arrived, and so that an abandoned upload can be found and removed.
 *
 * <p>An upload that was completed, or refused on completion, keeps its entry, marked {@link #closed()}, until it is
 * swept: its upload URL may still be valid, and whatever a client PUTs with it afterwards lands in the incoming area,
 * which the sweeper clears. A closed entry is never completed again.
 *
 * @param size the exact size for a {@link Transfer#PUT}, the largest allowed for the other transfers
 * @param sha256Hex the SHA-256 the client declared (and the store enforces), or {@code null}
 * @param closedAt when the service completed the upload (validated the bytes and sealed them in the files) or
 *        refused it, or {@code null} while it is pending
 * @param multipartId the store's multipart upload id ({@link Transfer#MULTIPART} only; never shown to clients)
 * @param handleSha256 the SHA-256 (hex) of the opaque handle the client names the multipart upload by ({@link
 *        Transfer#MULTIPART} only): the handle itself is kept nowhere
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
        Instant closedAt,
        Transfer transfer,
        String multipartId,
        String handleSha256) {

    /** How the client sends the bytes, and so what {@link #size()} promises. */
    public enum Transfer {
        /** One signed PUT of exactly {@code size} bytes to the incoming area. */
        PUT,
        /** One browser form POST (a POST policy) of 1 to {@code size} bytes to the incoming area. */
        POST,
        /**
         * Parts PUT to a multipart upload the service started at the file's own location, at most {@code size}
         * bytes in all; the object exists only once the service completes the upload.
         */
        MULTIPART
    }

    /** A fresh single-PUT entry, still pending. */
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
        this(
                bucket,
                key,
                filename,
                contentType,
                size,
                sha256Hex,
                uploadedBy,
                createdAt,
                expiresAt,
                null,
                Transfer.PUT,
                null,
                null);
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
                Objects.requireNonNull(when, "when"),
                transfer,
                multipartId,
                handleSha256);
    }

    /** This entry, pending until {@code when} instead (a multipart upload that is still moving). */
    public PendingUpload expiringAt(Instant when) {
        return new PendingUpload(
                bucket,
                key,
                filename,
                contentType,
                size,
                sha256Hex,
                uploadedBy,
                createdAt,
                Objects.requireNonNull(when, "when"),
                closedAt,
                transfer,
                multipartId,
                handleSha256);
    }

    public PendingUpload {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(transfer, "transfer");
        if ((transfer == Transfer.MULTIPART) != (multipartId != null && handleSha256 != null)) {
            throw new IllegalArgumentException("a multipart entry, and only one, has a multipart id and a handle");
        }
    }
}
