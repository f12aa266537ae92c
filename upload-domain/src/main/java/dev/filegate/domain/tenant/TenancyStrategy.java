package dev.filegate.domain.tenant;

/**
 * Where a tenant's objects live. Keys always carry the tenant prefix ({@code orgs/{org}/files/...}); the strategy
 * decides the bucket. Both strategies keep the prefix so that a key alone still names its owner.
 */
public sealed interface TenancyStrategy permits SharedBucketTenancy, BucketPerTenantTenancy {

    /** The bucket holding this tenant's objects. */
    String bucketFor(OrgId org);

    /** Whether a bucket name is one of this strategy's tenant buckets. */
    boolean isTenantBucket(String bucket);

    /** A short name for configuration and the capabilities document. */
    String name();

    static TenancyStrategy of(String strategy, String sharedBucket, String bucketTemplate) {
        return switch (strategy == null ? "" : strategy.strip()) {
            case SharedBucketTenancy.NAME -> new SharedBucketTenancy(sharedBucket);
            case BucketPerTenantTenancy.NAME -> new BucketPerTenantTenancy(bucketTemplate);
            default ->
                throw new IllegalArgumentException("unknown tenancy strategy '" + strategy + "' (use "
                        + SharedBucketTenancy.NAME + " or " + BucketPerTenantTenancy.NAME + ")");
        };
    }
}
