package dev.filegate.domain.upload;

import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Removes what no one validated: once a pending upload's URL has expired and a grace period has passed, whatever
 * lies in its incoming area (the bytes of an upload never completed, or bytes PUT again after completion), any
 * unsealed copy a completion left behind when it was interrupted, and its ledger entry are deleted. A completed
 * file is kept.
 */
public final class PendingUploadSweeper {

    /** What one sweep did. */
    public record Result(int removedObjects, int removedEntries) {}

    private final ObjectStore store;
    private final UploadLedger ledger;
    private final Supplier<List<String>> buckets;
    private final Clock clock;
    private final Duration grace;

    public PendingUploadSweeper(
            ObjectStore store, PendingUploads pending, Supplier<List<String>> buckets, Clock clock, Duration grace) {
        this.store = store;
        this.ledger = new UploadLedger(pending, clock);
        this.buckets = buckets;
        this.clock = clock;
        this.grace = grace;
    }

    public Result sweep() {
        int objects = 0;
        int entries = 0;
        var now = clock.instant();
        for (String bucket : buckets.get()) {
            for (PendingUpload p : ledger.expired(bucket, now, grace)) {
                ObjectLocation location = new ObjectLocation(bucket, p.key());
                if (store.delete(location.incomingArea())) {
                    objects++;
                }
                Optional<StoredObject> object = store.head(location);
                if (object.isPresent() && !CompletedFiles.isComplete(object.get())) {
                    store.delete(location);
                    objects++;
                }
                ledger.remove(p);
                entries++;
            }
        }
        return new Result(objects, entries);
    }
}
