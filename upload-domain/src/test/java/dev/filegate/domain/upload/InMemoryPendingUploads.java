package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pending-upload ledger in a map, for unit tests; safe for the threads of tests that play two instances. */
public final class InMemoryPendingUploads implements PendingUploads {

    final Map<String, PendingUpload> entries = new HashMap<>();

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

    @Override
    public synchronized List<PendingUpload> list(String bucket, String prefix) {
        return new ArrayList<>(entries.values().stream()
                .filter(u -> u.bucket().equals(bucket) && u.key().value().startsWith(prefix))
                .toList());
    }
}
