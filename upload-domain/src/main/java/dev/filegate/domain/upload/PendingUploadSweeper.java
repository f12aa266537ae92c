package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Removes what no one validated: once a pending upload's URL has expired (or a multipart upload went unused for its
 * maximum idle time) and a grace period has passed, its open multipart upload, whatever lies in its incoming area (the bytes of an
 * upload never completed, or bytes PUT again after completion), any unsealed copy a completion left behind when it
 * was interrupted, and its ledger entry are deleted. A completed file is kept.
 *
 * <p>A live multipart upload whose parts already exceed its limit is aborted (part URLs bind no length). It also
 * aborts every multipart upload the store holds open under the tenants' keys, started longer ago than the
 * maximum idle time and the grace, that no live entry keeps (a start whose entry was never written, a proxy upload
 * whose clean-up was lost): the store then keeps no parts nobody will complete. A production store should have the
 * lifecycle rule {@code AbortIncompleteMultipartUpload} as well.
 */
public final class PendingUploadSweeper {

    /** What one sweep did. */
    public record Result(int removedObjects, int removedEntries, int abortedUploads) {}

    /** Every tenant's keys start with this (the tenant prefix of {@code StorageKey}). */
    private static final String TENANT_KEYS = "orgs/";

    private final ObjectStore store;
    private final MultipartUploads multipart;
    private final UploadLedger ledger;
    private final Supplier<List<String>> buckets;
    private final Clock clock;
    private final Duration grace;
    private final Duration multipartMaxIdle;

    public PendingUploadSweeper(
            ObjectStore store,
            MultipartUploads multipart,
            PendingUploads pending,
            Supplier<List<String>> buckets,
            Clock clock,
            Duration grace,
            Duration multipartMaxIdle) {
        this.store = store;
        this.multipart = multipart;
        this.ledger = new UploadLedger(pending, clock);
        this.buckets = buckets;
        this.clock = clock;
        this.grace = grace;
        this.multipartMaxIdle = multipartMaxIdle;
    }

    public Result sweep() {
        int objects = 0;
        int entries = 0;
        int aborted = 0;
        Instant now = clock.instant();
        for (String bucket : buckets.get()) {
            for (PendingUpload p : ledger.all(bucket)) {
                ObjectLocation location = new ObjectLocation(bucket, p.key());
                if (!UploadLedger.isExpired(p, now, grace)) {
                    aborted += abortIfOverLimit(location, p);
                    continue;
                }
                if (p.transfer() == PendingUpload.Transfer.MULTIPART
                        && !p.closed()
                        && multipart.abort(location, p.multipartId())) {
                    aborted++;
                }
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
            Instant startedBefore = now.minus(multipartMaxIdle).minus(grace);
            for (MultipartUploads.OpenUpload u : multipart.open(bucket, TENANT_KEYS)) {
                if (u.initiated().isBefore(startedBefore)) {
                    aborted += abortUnkept(bucket, u, now);
                }
            }
        }
        return new Result(objects, entries, aborted);
    }

    /**
     * A part URL binds no length, so a live multipart upload may hold more than its limit between two signatures:
     * aborted here at the latest (and its entry closed), so the store holds it for one sweep interval at most.
     */
    private int abortIfOverLimit(ObjectLocation location, PendingUpload p) {
        if (p.transfer() != PendingUpload.Transfer.MULTIPART || p.closed()) {
            return 0;
        }
        long held = multipart.parts(location, p.multipartId()).orElse(List.of()).stream()
                .mapToLong(MultipartUploads.UploadedPart::size)
                .sum();
        if (held <= p.size()) {
            return 0;
        }
        multipart.abort(location, p.multipartId());
        ledger.close(p);
        return 1;
    }

    /** Aborts an old open upload unless a live entry of the ledger is for it (a long upload still moving). */
    private int abortUnkept(String bucket, MultipartUploads.OpenUpload u, Instant now) {
        Optional<StorageKey> key = StorageKey.parse(u.objectKey());
        if (key.isEmpty()) {
            return 0;
        }
        ObjectLocation location = new ObjectLocation(bucket, key.get());
        boolean kept = ledger.find(location)
                .filter(p -> u.uploadId().equals(p.multipartId()) && !p.closed())
                .filter(p -> p.expiresAt().plus(grace).isAfter(now))
                .isPresent();
        return !kept && multipart.abort(location, u.uploadId()) ? 1 : 0;
    }
}
