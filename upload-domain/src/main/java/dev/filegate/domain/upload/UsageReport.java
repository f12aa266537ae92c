package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What an administrator sees: per-tenant usage and the uploads still pending, across every tenant bucket. */
public final class UsageReport {

    /** One tenant's files. */
    public record TenantUsage(OrgId org, long files, long bytes) {
    }

    private final ObjectStore store;
    private final PendingUploads pending;
    private final TenancyStrategy tenancy;

    public UsageReport(ObjectStore store, PendingUploads pending, TenancyStrategy tenancy) {
        this.store = store;
        this.pending = pending;
        this.tenancy = tenancy;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new AccessDenied("this needs the role admin");
        }
    }

    public List<TenantUsage> tenants(Caller caller) {
        requireAdmin(caller);
        List<TenantUsage> usage = new ArrayList<>();
        for (String bucket : tenantBuckets()) {
            for (String prefix : store.childPrefixes(bucket, "orgs/")) {
                String org = prefix.substring("orgs/".length(), prefix.length() - 1);
                try {
                    OrgId id = OrgId.of(org);
                    ObjectStore.Usage u = store.usage(bucket, StorageKey.prefixOf(id));
                    usage.add(new TenantUsage(id, u.objects(), u.bytes()));
                } catch (RuntimeException e) {
                    // a prefix no tenant of this service could have made: not reported
                }
            }
        }
        usage.sort(Comparator.comparingLong(TenantUsage::bytes).reversed());
        return usage;
    }

    /** The most recent pending uploads, newest first. */
    public List<PendingUpload> pending(Caller caller, int limit) {
        requireAdmin(caller);
        List<PendingUpload> all = new ArrayList<>();
        for (String bucket : tenantBuckets()) {
            all.addAll(pending.list(bucket, "orgs/"));
        }
        all.sort(Comparator.comparing(PendingUpload::createdAt).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    private List<String> tenantBuckets() {
        return store.buckets().stream().filter(tenancy::isTenantBucket).toList();
    }
}
