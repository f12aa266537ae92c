package dev.filegate.domain.upload;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.time.Instant;

/**
 * A tenant's file as callers see it.
 *
 * @param sha256 hex digest when the service saw the bytes (proxy uploads), otherwise {@code null}
 */
public record StoredFile(
        OrgId org,
        FileId id,
        String filename,
        String contentType,
        long size,
        String sha256,
        String etag,
        Instant createdAt,
        String uploadedBy,
        State state) {

    /** Whether the file passed every check and may be served. */
    public enum State {
        /** Validated and served. */
        COMPLETE,
        /** Signed for a presigned upload and not (yet) completed: not served through the API. */
        PENDING
    }

    /** How a stored object is described to its tenant (without a digest: the store keeps none). */
    static StoredFile of(OrgId org, StoredObject o) {
        return new StoredFile(
                org,
                o.key().fileId(),
                o.filename() != null ? o.filename() : o.key().fileId().value(),
                o.contentType(),
                o.size(),
                null,
                o.etag(),
                o.lastModified(),
                o.uploadedBy(),
                CompletedFiles.isComplete(o) ? State.COMPLETE : State.PENDING);
    }

    /** This file with the digest its uploader declared (and completion checked), or {@code null}. */
    StoredFile withSha256(String sha256Hex) {
        return new StoredFile(org, id, filename, contentType, size, sha256Hex, etag, createdAt, uploadedBy, state);
    }
}
