package dev.filegate.domain.usage;

import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.tenant.OrgId;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The pending uploads a snapshot lists, newest first, for every tenant and for each one: the newest
 * {@link #PER_TENANT} of each tenant, at most {@link #IN_ALL} in all (the counts in {@link TenantUsage} stay exact).
 * So one tenant's burst of presigned uploads never pushes another tenant's out of its admin's list, and a snapshot's
 * memory stays bounded however large the ledger grows (a listed upload takes a few hundred bytes: 20,000 grew the
 * heap by 6 to 13 MB in UsageSnapshotBenchmark).
 */
final class PendingIndex {

    /** The most pending uploads listed of one tenant. */
    static final int PER_TENANT = 1_000;

    /** The most pending uploads listed in all. */
    static final int IN_ALL = 20_000;

    /** A listed upload and its place in the order. */
    record Listed(PendingCursor at, PendingSummary summary) {}

    /** Up to a page of uploads after a place, and the place of the last one when more follow. */
    record Slice(List<PendingSummary> uploads, PendingCursor next) {}

    private static final Comparator<Listed> ORDER = Comparator.comparing(Listed::at, PendingCursor.NEWEST_FIRST);

    private final List<Listed> all;
    private final Map<OrgId, List<Listed>> byTenant;

    private PendingIndex(List<Listed> all, Map<OrgId, List<Listed>> byTenant) {
        this.all = all;
        this.byTenant = byTenant;
    }

    /**
     * The uploads after {@code after} ({@code null}: from the newest), of one tenant or (empty) of every tenant.
     * A binary search and a copy of at most {@code limit} references: no store, no walk over the index.
     */
    Slice page(Optional<OrgId> tenant, PendingCursor after, int limit) {
        List<Listed> list = listed(tenant);
        int start = 0;
        if (after != null) {
            int found = Collections.binarySearch(list, new Listed(after, null), ORDER);
            start = found >= 0 ? found + 1 : -found - 1;
        }
        int end = Math.min(list.size(), start + limit);
        List<PendingSummary> uploads =
                list.subList(start, end).stream().map(Listed::summary).toList();
        return new Slice(uploads, end < list.size() ? list.get(end - 1).at() : null);
    }

    /** How many uploads of one tenant or (empty) of every tenant can be paged through. */
    int size(Optional<OrgId> tenant) {
        return listed(tenant).size();
    }

    private List<Listed> listed(Optional<OrgId> tenant) {
        return tenant.map(org -> byTenant.getOrDefault(org, List.of())).orElse(all);
    }

    /** Collects the newest uploads while a scan offers every pending one, in any order. */
    static final class Builder {

        private final int perTenant;
        private final int inAll;
        private final NavigableSet<Listed> all = new TreeSet<>(ORDER);
        private final Map<OrgId, NavigableSet<Listed>> byTenant = new HashMap<>();

        Builder() {
            this(PER_TENANT, IN_ALL);
        }

        Builder(int perTenant, int inAll) {
            this.perTenant = perTenant;
            this.inAll = inAll;
        }

        void offer(PendingUpload upload) {
            Listed l = new Listed(PendingCursor.of(upload.createdAt(), upload.key()), PendingSummary.of(upload));
            NavigableSet<Listed> tenant = byTenant.computeIfAbsent(l.summary().org(), org -> new TreeSet<>(ORDER));
            if (!tenant.add(l)) {
                return; // the same place twice: a 64-bit tie-break collision at one instant, listed once
            }
            all.add(l);
            if (tenant.size() > perTenant) {
                all.remove(tenant.pollLast());
            }
            if (all.size() > inAll) {
                Listed oldest = all.pollLast();
                byTenant.get(oldest.summary().org()).remove(oldest);
            }
        }

        PendingIndex build() {
            Map<OrgId, List<Listed>> tenants = new HashMap<>();
            byTenant.forEach((org, listed) -> {
                if (!listed.isEmpty()) {
                    tenants.put(org, List.copyOf(listed));
                }
            });
            return new PendingIndex(List.copyOf(all), Map.copyOf(tenants));
        }
    }
}
