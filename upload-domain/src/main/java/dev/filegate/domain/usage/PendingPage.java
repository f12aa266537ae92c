package dev.filegate.domain.usage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A page of the pending uploads a caller may see, newest first, from the last snapshot.
 *
 * @param takenAt when that snapshot was taken; empty (and no uploads) before the first one
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
public record PendingPage(
        boolean allTenants, Optional<Instant> takenAt, List<PendingSummary> uploads, String nextCursor) {

    public PendingPage {
        uploads = List.copyOf(uploads);
    }
}
