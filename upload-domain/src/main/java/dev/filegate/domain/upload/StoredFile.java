package dev.filegate.domain.upload;

import dev.filegate.domain.file.FileId;
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
}
