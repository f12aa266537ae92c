package dev.filegate.storage.s3;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A per-tenant share of a bounded resource shared by all tenants (part buffers, store connections): no tenant may
 * hold more than {@code perTenant} at once, so that one tenant's slow or stalled clients cannot starve the others.
 * Past its share a tenant waits up to {@code wait}, then is refused as its own condition (429 with Retry-After), not
 * as a store outage.
 */
final class TenantShares {

    private final int perTenant;
    private final Duration wait;
    private final String what;
    private final ConcurrentHashMap<OrgId, Semaphore> tenants = new ConcurrentHashMap<>();

    /** @param what what is shared, for the refusal: "uploads of unknown length", "transfers" */
    TenantShares(int perTenant, Duration wait, String what) {
        this.perTenant = Math.max(1, perTenant);
        this.wait = wait;
        this.what = what;
    }

    /** Takes one of {@code tenant}'s share; pair with {@link #release(OrgId)}. */
    void acquire(OrgId tenant) {
        Semaphore share = tenants.computeIfAbsent(tenant, t -> new Semaphore(perTenant, true));
        try {
            if (!share.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PolicyViolation(
                        PolicyViolation.Kind.TENANT_BUSY,
                        "this tenant already has " + perTenant + " " + what + " under way; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolicyViolation(PolicyViolation.Kind.TENANT_BUSY, "interrupted while waiting; retry shortly");
        }
    }

    void release(OrgId tenant) {
        tenants.get(tenant).release();
    }

    int perTenant() {
        return perTenant;
    }
}
