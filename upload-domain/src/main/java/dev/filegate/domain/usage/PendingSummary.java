package dev.filegate.domain.usage;

import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.tenant.OrgId;
import java.time.Instant;

/**
 * A pending upload as the admin view shows it: who signed what, when, and until when. Never its key or file id: with
 * the id (and, for a PUT, its size) a store that honours unsigned copy headers would let a caller copy the file into
 * an upload of its own (SECURITY.md).
 */
public record PendingSummary(
        OrgId org,
        String filename,
        String contentType,
        long size,
        String uploadedBy,
        Instant createdAt,
        Instant expiresAt) {

    static PendingSummary of(PendingUpload p) {
        return new PendingSummary(
                p.key().org(), p.filename(), p.contentType(), p.size(), p.uploadedBy(), p.createdAt(), p.expiresAt());
    }
}
