package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pending-upload ledger in a map, for unit tests; pages like the store, in key order; safe for the threads of
 * tests that play two instances.
 */
public final class InMemoryPendingUploads implements PendingUploads {

    /** {@code bucket/key} → entry, in key order within a bucket. */
    final Map<String, PendingUpload> entries = new TreeMap<>();

    @Override
    public synchronized void record(PendingUpload u) {
        entries.put(u.bucket() + "/" + u.key(), u);
    }

    @Override
    public synchronized Optional<PendingUpload> find(String bucket, StorageKey key) {
        return Optional.ofNullable(entries.get(bucket + "/" + key));
    }

    @Override
    public synchronized void remove(String bucket, StorageKey key) {
        entries.remove(bucket + "/" + key);
    }

    /** The cursor is the last key of the previous page. */
    @Override
    public synchronized Page page(String bucket, String prefix, String cursor, int limit) {
        List<PendingUpload> after = entries.values().stream()
                .filter(u -> u.bucket().equals(bucket) && u.key().value().startsWith(prefix))
                .filter(u -> cursor == null || u.key().value().compareTo(cursor) > 0)
                .toList();
        List<PendingUpload> page = after.subList(0, Math.min(limit, after.size()));
        return new Page(
                page,
                page.size() < after.size() ? page.get(page.size() - 1).key().value() : null);
    }
}
