package dev.filegate.domain.tenant;

/** Every tenant in one bucket, isolated by the {@code orgs/{org}/} key prefix. */
public record SharedBucketTenancy(String bucket) implements TenancyStrategy {

    public static final String NAME = "shared-bucket";

    public SharedBucketTenancy {
        BucketName.require(bucket, "the shared bucket");
    }

    @Override
    public String bucketFor(OrgId org) {
        return bucket;
    }

    @Override
    public boolean isTenantBucket(String name) {
        return bucket.equals(name);
    }

    @Override
    public String name() {
        return NAME;
    }
}
