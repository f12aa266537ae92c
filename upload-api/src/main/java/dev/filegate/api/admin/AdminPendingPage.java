package dev.filegate.api.admin;

import dev.filegate.domain.usage.PendingPage;
import dev.filegate.domain.usage.PendingSummary;
import java.util.List;

/**
 * A page of pending uploads (JSON-B, snake_case; absent values left out), newest first, from the last usage snapshot.
 *
 * @param scope {@code all-tenants} or {@code own-tenant}, as in the overview
 * @param state {@code taken}, or {@code not-taken} (and no uploads) before the first snapshot
 * @param takenAt when the snapshot answering was taken
 * @param nextCursor pass it as {@code cursor} for the next page; absent on the last one
 */
public record AdminPendingPage(
        String scope, String state, String takenAt, List<Pending> pendingUploads, String nextCursor) {

    static AdminPendingPage of(PendingPage page) {
        return new AdminPendingPage(
                page.allTenants() ? "all-tenants" : "own-tenant",
                page.takenAt().isPresent() ? "taken" : "not-taken",
                page.takenAt().map(Object::toString).orElse(null),
                page.uploads().stream().map(Pending::of).toList(),
                page.nextCursor());
    }

    /**
     * An upload signed but not (yet) completed. Never its file id: with it (and, for a PUT, its size) a store that
     * honours unsigned copy headers would let a caller copy the file into an upload of its own (SECURITY.md).
     */
    public record Pending(
            String org,
            String filename,
            String contentType,
            long size,
            String uploadedBy,
            String createdAt,
            String expiresAt) {

        static Pending of(PendingSummary p) {
            return new Pending(
                    p.org().value(),
                    p.filename(),
                    p.contentType(),
                    p.size(),
                    p.uploadedBy(),
                    p.createdAt().toString(),
                    p.expiresAt().toString());
        }
    }
}
