package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of presigned uploads not yet completed. Kept in the store itself (no database), apart from the files.
 * A bucket that does not exist holds no entries.
 */
public interface PendingUploads {

    /** The most entries one {@link #page} call may be asked for (an S3 listing's page). */
    int MAX_PAGE = 1000;

    void record(PendingUpload upload);

    Optional<PendingUpload> find(String bucket, StorageKey key);

    void remove(String bucket, StorageKey key);

    /**
     * One page of the entries under a key prefix, in key order. A page holds at most {@code limit} entries, and may
     * hold fewer (even none) while more follow: an entry removed between listing and reading is left out.
     *
     * @param cursor the {@link Page#nextCursor()} of the previous page, or {@code null} for the first; it is the
     *     store's own continuation, never shown to clients
     * @param limit 1 to {@link #MAX_PAGE}
     */
    Page page(String bucket, String keyPrefix, String cursor, int limit);

    /** Every entry under a key prefix, read page by page (memory grows with the ledger: prefer {@link #page}). */
    default List<PendingUpload> list(String bucket, String keyPrefix) {
        List<PendingUpload> all = new ArrayList<>();
        String cursor = null;
        do {
            Page page = page(bucket, keyPrefix, cursor, MAX_PAGE);
            all.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Entries of one page, and the cursor of the next ({@code null} at the end). */
    record Page(List<PendingUpload> entries, String nextCursor) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}
