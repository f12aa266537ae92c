package dev.filegate.domain.usage;

import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an administrator sees of usage: files, bytes and pending uploads of the admin's own tenant, or of every tenant
 * for an operator (or an admin where admins may act on every tenant; see {@link AccessPolicy#seesAllTenants}).
 *
 * <p>Answers come from the last {@link UsageSnapshot}; only {@link #refresh} calls the store, and a background job
 * calls it. An answer never waits for a scan: before the first one it says so. A tenant admin's view is served from
 * the same snapshot, because one large tenant costs a scan as much as all of them.
 */
public final class UsageReport {

    /** The largest page of pending uploads. */
    public static final int MAX_PAGE = 100;

    private record State(UsageSnapshot snapshot, RefreshFailure failure) {}

    private final UsageScan scan;
    private final AccessPolicy access;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(new State(null, null));

    public UsageReport(
            StoreAdministration store,
            PendingUploads pending,
            TenancyStrategy tenancy,
            AccessPolicy access,
            Clock clock) {
        this.scan = new UsageScan(store, pending, tenancy, clock);
        this.access = access;
        this.clock = clock;
    }

    /**
     * Scans the store and replaces the snapshot (unless a newer one arrived meanwhile). Only reads the store.
     *
     * @throws StoreUnavailable when the store fails the scan: the last snapshot stays, the failure is reported
     */
    public UsageSnapshot refresh() {
        UsageSnapshot fresh;
        try {
            fresh = scan.run();
        } catch (RuntimeException e) {
            RefreshFailure failure = new RefreshFailure(
                    clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state.updateAndGet(s -> new State(s.snapshot(), failure));
            throw e;
        }
        state.updateAndGet(s ->
                s.snapshot() != null && s.snapshot().takenAt().isAfter(fresh.takenAt()) ? s : new State(fresh, null));
        return fresh;
    }

    /** Whether {@code caller} sees every tenant; refuses callers who may see no admin view. */
    public boolean seesAllTenants(Caller caller) {
        return access.seesAllTenants(caller);
    }

    /** The caller's usage from the last snapshot; no store call. */
    public UsageOverview overview(Caller caller) {
        boolean all = access.seesAllTenants(caller);
        Optional<OrgId> scope = scope(caller, all);
        State s = state.get();
        Optional<RefreshFailure> failure = Optional.ofNullable(s.failure());
        UsageSnapshot snapshot = s.snapshot();
        if (snapshot == null) {
            return new UsageOverview(all, Optional.empty(), failure);
        }
        List<TenantUsage> tenants = scope.map(
                        org -> snapshot.tenant(org).map(List::of).orElse(List.of()))
                .orElse(snapshot.tenants());
        Duration age = Duration.between(snapshot.takenAt(), clock.instant());
        return new UsageOverview(
                all,
                Optional.of(new UsageOverview.Taken(
                        snapshot.takenAt(),
                        age.isNegative() ? Duration.ZERO : age,
                        snapshot.scanTime(),
                        tenants,
                        tenants.stream().mapToLong(TenantUsage::pendingUploads).sum(),
                        snapshot.pending().size(scope))),
                failure);
    }

    /**
     * A page of the pending uploads the caller may see, newest first, from the last snapshot; no store call.
     *
     * @param cursor a {@link PendingPage#nextCursor()} of an earlier page (of any snapshot), or {@code null}
     * @param limit clamped to 1 to {@link #MAX_PAGE}
     * @throws dev.filegate.domain.policy.PolicyViolation for a cursor this service did not hand out
     */
    public PendingPage pending(Caller caller, String cursor, int limit) {
        boolean all = access.seesAllTenants(caller);
        PendingCursor after = PendingCursor.decode(cursor);
        UsageSnapshot snapshot = state.get().snapshot();
        if (snapshot == null) {
            return new PendingPage(all, Optional.empty(), List.of(), null);
        }
        PendingIndex.Slice slice =
                snapshot.pending().page(scope(caller, all), after, Math.max(1, Math.min(limit, MAX_PAGE)));
        return new PendingPage(
                all,
                Optional.of(snapshot.takenAt()),
                slice.uploads(),
                slice.next() == null ? null : slice.next().encode());
    }

    /** The caller's own tenant, or empty for every tenant ({@link AccessPolicy#seesAllTenants} ensured there is one). */
    private static Optional<OrgId> scope(Caller caller, boolean all) {
        return all ? Optional.empty() : Optional.of(caller.org().orElseThrow());
    }
}
