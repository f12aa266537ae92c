package dev.filegate.domain.usage;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.storage.StoreUnavailable;
import java.util.List;
import java.util.Optional;

/**
 * Both ports a usage report reads, decorated: every call is counted before it reaches the store behind, and the
 * store can be made unreachable ({@link StoreUnavailable} from every call).
 */
final class CountingStore implements StoreAdministration, PendingUploads {

    private final StoreAdministration administration;
    private final PendingUploads ledger;
    private int calls;
    private boolean down;

    CountingStore(StoreAdministration administration, PendingUploads ledger) {
        this.administration = administration;
        this.ledger = ledger;
    }

    /** Store calls made since the last {@link #reset}. */
    int calls() {
        return calls;
    }

    void reset() {
        calls = 0;
    }

    void down(boolean down) {
        this.down = down;
    }

    private void call() {
        calls++;
        if (down) {
            throw new StoreUnavailable("store unreachable (test)", null);
        }
    }

    @Override
    public void prepare(String bucket) {
        call();
        administration.prepare(bucket);
    }

    @Override
    public List<String> buckets() {
        call();
        return administration.buckets();
    }

    @Override
    public Usage usage(String bucket, String prefix) {
        call();
        return administration.usage(bucket, prefix);
    }

    @Override
    public List<String> childPrefixes(String bucket, String prefix) {
        call();
        return administration.childPrefixes(bucket, prefix);
    }

    @Override
    public StoreHealth health(String bucket) {
        call();
        return administration.health(bucket);
    }

    @Override
    public int finishCleanup() {
        call();
        return administration.finishCleanup();
    }

    @Override
    public void record(PendingUpload upload) {
        call();
        ledger.record(upload);
    }

    @Override
    public Optional<PendingUpload> find(String bucket, StorageKey key) {
        call();
        return ledger.find(bucket, key);
    }

    @Override
    public void remove(String bucket, StorageKey key) {
        call();
        ledger.remove(bucket, key);
    }

    @Override
    public Page page(String bucket, String keyPrefix, String cursor, int limit) {
        call();
        return ledger.page(bucket, keyPrefix, cursor, limit);
    }

    @Override
    public List<PendingUpload> list(String bucket, String keyPrefix) {
        call();
        return ledger.list(bucket, keyPrefix);
    }
}
