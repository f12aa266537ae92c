package dev.filegate.domain.usage;

import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the store held per tenant when a scan ran: files, bytes and pending uploads, and a newest-first list of those
 * pending uploads ({@link PendingIndex}). Immutable; a refresh replaces it whole.
 */
public final class UsageSnapshot {

    private static final Comparator<TenantUsage> MOST_BYTES_FIRST = Comparator.comparingLong(TenantUsage::bytes)
            .reversed()
            .thenComparing(t -> t.org().value());

    private final Instant takenAt;
    private final Duration scanTime;
    private final List<TenantUsage> tenants;
    private final Map<OrgId, TenantUsage> byOrg;
    private final PendingIndex pending;

    UsageSnapshot(Instant takenAt, Duration scanTime, Collection<TenantUsage> tenants, PendingIndex pending) {
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.scanTime = Objects.requireNonNull(scanTime, "scanTime");
        this.tenants = tenants.stream().sorted(MOST_BYTES_FIRST).toList();
        this.byOrg = tenants.stream().collect(Collectors.toUnmodifiableMap(TenantUsage::org, Function.identity()));
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    /** When the scan began: everything the store held before then is in it (S3 lists are not atomic). */
    public Instant takenAt() {
        return takenAt;
    }

    /** How long the scan took. */
    public Duration scanTime() {
        return scanTime;
    }

    /** Every tenant with files or pending uploads, most bytes first. */
    public List<TenantUsage> tenants() {
        return tenants;
    }

    /** One tenant's usage; empty when it had neither files nor pending uploads. */
    public Optional<TenantUsage> tenant(OrgId org) {
        return Optional.ofNullable(byOrg.get(org));
    }

    PendingIndex pending() {
        return pending;
    }
}
