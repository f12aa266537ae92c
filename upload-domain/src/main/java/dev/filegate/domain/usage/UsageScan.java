package dev.filegate.domain.usage;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One walk over the store that makes a {@link UsageSnapshot}: in each tenant bucket, the tenants' key prefixes and
 * what is under each (listings only), then the pending-upload ledger a page at a time (each entry read once; memory
 * bounded by the {@link PendingIndex}'s caps, not by the ledger). Only reads. A tenant counts only in the bucket its
 * tenancy assigns it: keys another tenant's bucket holds under its name are not its own.
 */
final class UsageScan {

    /** Every tenant's keys start with this (the tenant prefix of {@code StorageKey}). */
    private static final String TENANT_KEYS = "orgs/";

    private final StoreAdministration store;
    private final PendingUploads pending;
    private final TenancyStrategy tenancy;
    private final Clock clock;

    UsageScan(StoreAdministration store, PendingUploads pending, TenancyStrategy tenancy, Clock clock) {
        this.store = store;
        this.pending = pending;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A tenant's counts while the scan runs. */
    private static final class Tally {
        long files;
        long bytes;
        long pending;
    }

    UsageSnapshot run() {
        Instant start = clock.instant();
        Map<OrgId, Tally> tallies = new HashMap<>();
        PendingIndex.Builder listed = new PendingIndex.Builder();
        for (String bucket : store.buckets()) {
            if (tenancy.isTenantBucket(bucket)) {
                countFiles(bucket, tallies);
                countPending(bucket, tallies, listed);
            }
        }
        List<TenantUsage> tenants = tallies.entrySet().stream()
                .filter(e -> e.getValue().files > 0 || e.getValue().pending > 0)
                .map(e -> new TenantUsage(e.getKey(), e.getValue().files, e.getValue().bytes, e.getValue().pending))
                .toList();
        return new UsageSnapshot(start, Duration.between(start, clock.instant()), tenants, listed.build());
    }

    private void countFiles(String bucket, Map<OrgId, Tally> tallies) {
        for (String prefix : store.childPrefixes(bucket, TENANT_KEYS)) {
            Optional<OrgId> org = orgOf(prefix).filter(o -> ownBucket(o, bucket));
            if (org.isPresent()) {
                StoreAdministration.Usage u = store.usage(bucket, StorageKey.prefixOf(org.get()));
                Tally t = tallies.computeIfAbsent(org.get(), o -> new Tally());
                t.files += u.objects();
                t.bytes += u.bytes();
            }
        }
    }

    private void countPending(String bucket, Map<OrgId, Tally> tallies, PendingIndex.Builder listed) {
        String cursor = null;
        do {
            PendingUploads.Page page = pending.page(bucket, TENANT_KEYS, cursor, PendingUploads.MAX_PAGE);
            for (PendingUpload p : page.entries()) {
                OrgId org = p.key().org();
                if (!p.closed() && ownBucket(org, bucket)) {
                    tallies.computeIfAbsent(org, o -> new Tally()).pending++;
                    listed.offer(p);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** {@code orgs/acme/} → acme; empty for a prefix no tenant of this service could have made. */
    private static Optional<OrgId> orgOf(String prefix) {
        String org = prefix.substring(TENANT_KEYS.length(), prefix.length() - 1);
        return OrgId.isValid(org) ? Optional.of(OrgId.of(org)) : Optional.empty();
    }

    private boolean ownBucket(OrgId org, String bucket) {
        try {
            return tenancy.bucketFor(org).equals(bucket);
        } catch (RuntimeException e) {
            return false; // an org whose bucket name the tenancy cannot form has no bucket of its own
        }
    }
}
