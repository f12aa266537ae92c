package dev.filegate.storage.s3;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory that streamed uploads of unknown length hold: each fills one part-sized buffer before sending
 * it, so N such uploads at once would need N parts of heap. Past the budget, an upload waits for a buffer, and after
 * {@code wait} is refused as a temporary condition (503 with Retry-After) instead of exhausting the heap.
 *
 * <p>No tenant may hold more than its share (half the buffers, at least one): a tenant whose uploads stall cannot
 * starve the others. An upload over its tenant's share waits for one of that tenant's buffers, then is refused as
 * the tenant's condition (429 with Retry-After), not as a store outage.
 */
final class PartBuffers {

    private final int partSize;
    private final int perTenant;
    private final Semaphore available;
    private final ConcurrentHashMap<OrgId, Semaphore> tenants = new ConcurrentHashMap<>();
    private final Duration wait;

    PartBuffers(int partSize, int count, Duration wait) {
        this.partSize = partSize;
        this.perTenant = Math.max(1, count / 2);
        this.available = new Semaphore(count, true);
        this.wait = wait;
    }

    /** A fresh part buffer for one of {@code tenant}'s uploads; pair with {@link #giveBack(OrgId)}. */
    byte[] take(OrgId tenant) {
        Semaphore share = tenants.computeIfAbsent(tenant, t -> new Semaphore(perTenant, true));
        try {
            if (!share.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PolicyViolation(PolicyViolation.Kind.TENANT_BUSY,
                        "this tenant already has " + perTenant + " uploads of unknown length under way; retry shortly");
            }
            try {
                if (!available.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new StoreUnavailable("too many uploads of unknown length are under way; retry shortly", null);
                }
            } catch (RuntimeException | InterruptedException e) {
                share.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for an upload buffer", null);
        }
        return new byte[partSize];
    }

    void giveBack(OrgId tenant) {
        available.release();
        tenants.get(tenant).release();
    }

    /** How many uploads of one tenant may hold a buffer at once. */
    int perTenant() {
        return perTenant;
    }
}
