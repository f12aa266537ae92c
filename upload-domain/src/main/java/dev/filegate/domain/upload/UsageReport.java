package dev.filegate.domain.upload;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an administrator sees: usage and the uploads still pending, of the admin's own tenant, or of every tenant for
 * an operator (or an admin where admins may act on every tenant; see {@link AccessPolicy#seesAllTenants}).
 */
public final class UsageReport {

    /** One tenant's files. */
    public record TenantUsage(OrgId org, long files, long bytes) {}

    private final StoreAdministration store;
    private final PendingUploads pending;
    private final TenancyStrategy tenancy;
    private final AccessPolicy access;

    public UsageReport(
            StoreAdministration store, PendingUploads pending, TenancyStrategy tenancy, AccessPolicy access) {
        this.store = store;
        this.pending = pending;
        this.tenancy = tenancy;
        this.access = access;
    }

    /** Whether {@code caller} sees every tenant; refuses callers who may see no admin view. */
    public boolean seesAllTenants(Caller caller) {
        return access.seesAllTenants(caller);
    }

    public List<TenantUsage> tenants(Caller caller) {
        List<TenantUsage> usage = new ArrayList<>();
        if (!access.seesAllTenants(caller)) {
            OrgId own = caller.org().orElseThrow();
            StoreAdministration.Usage u = store.usage(tenancy.bucketFor(own), StorageKey.prefixOf(own));
            return u.objects() == 0 ? List.of() : List.of(new TenantUsage(own, u.objects(), u.bytes()));
        }
        for (String bucket : tenantBuckets()) {
            for (String prefix : store.childPrefixes(bucket, "orgs/")) {
                String org = prefix.substring("orgs/".length(), prefix.length() - 1);
                try {
                    OrgId id = OrgId.of(org);
                    StoreAdministration.Usage u = store.usage(bucket, StorageKey.prefixOf(id));
                    usage.add(new TenantUsage(id, u.objects(), u.bytes()));
                } catch (RuntimeException e) {
                    // a prefix no tenant of this service could have made: not reported
                }
            }
        }
        usage.sort(Comparator.comparingLong(TenantUsage::bytes).reversed());
        return usage;
    }

    /** The most recent pending uploads the caller may see, newest first. */
    public List<PendingUpload> pending(Caller caller, int limit) {
        List<PendingUpload> all = new ArrayList<>();
        if (!access.seesAllTenants(caller)) {
            OrgId own = caller.org().orElseThrow();
            all.addAll(pending.list(tenancy.bucketFor(own), StorageKey.prefixOf(own)));
        } else {
            for (String bucket : tenantBuckets()) {
                all.addAll(pending.list(bucket, "orgs/"));
            }
        }
        all.removeIf(PendingUpload::closed);
        all.sort(Comparator.comparing(PendingUpload::createdAt).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    private List<String> tenantBuckets() {
        return store.buckets().stream().filter(tenancy::isTenantBucket).toList();
    }
}
