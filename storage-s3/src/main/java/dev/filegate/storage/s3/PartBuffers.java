package dev.filegate.storage.s3;

import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory that streamed uploads of unknown length hold: each fills one part-sized buffer before sending
 * it, so N such uploads at once would need N parts of heap. Past the budget, an upload waits for a buffer, and after
 * {@code wait} is refused as a temporary condition (503 with Retry-After) instead of exhausting the heap.
 *
 * <p>No tenant may hold more than its share (half the buffers, at least one; {@link TenantShares}): a tenant whose
 * uploads stall cannot starve the others.
 */
final class PartBuffers {

    private final int partSize;
    private final Semaphore available;
    private final TenantShares shares;
    private final Duration wait;

    PartBuffers(int partSize, int count, Duration wait) {
        this.partSize = partSize;
        this.available = new Semaphore(count, true);
        this.shares = new TenantShares(count / 2, wait, "uploads of unknown length");
        this.wait = wait;
    }

    /** A fresh part buffer for one of {@code tenant}'s uploads; pair with {@link #giveBack(OrgId)}. */
    byte[] take(OrgId tenant) {
        shares.acquire(tenant);
        try {
            if (!available.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailable("too many uploads of unknown length are under way; retry shortly", null);
            }
        } catch (InterruptedException e) {
            shares.release(tenant);
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for an upload buffer", null);
        } catch (RuntimeException e) {
            shares.release(tenant);
            throw e;
        }
        return new byte[partSize];
    }

    void giveBack(OrgId tenant) {
        available.release();
        shares.release(tenant);
    }

    /** How many uploads of one tenant may hold a buffer at once. */
    int perTenant() {
        return shares.perTenant();
    }
}
