package dev.filegate.domain.tenant;

import dev.filegate.domain.policy.PolicyViolation;

/** One bucket per tenant, named from a template such as {@code tenant-{org}}. */
public record BucketPerTenantTenancy(String template) implements TenancyStrategy {

    public static final String NAME = "bucket-per-tenant";
    public static final String PLACEHOLDER = "{org}";

    public BucketPerTenantTenancy {
        if (template == null
                || !template.contains(PLACEHOLDER)
                || template.indexOf(PLACEHOLDER) != template.lastIndexOf(PLACEHOLDER)) {
            throw new IllegalArgumentException(
                    "the bucket template must contain {org} exactly once, e.g. tenant-{org}");
        }
        BucketName.require(template.replace(PLACEHOLDER, "org"), "the bucket template");
    }

    @Override
    public String bucketFor(OrgId org) {
        String bucket = template.replace(PLACEHOLDER, org.value());
        if (!BucketName.isValid(bucket)) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_ORG,
                    "this org id does not give a valid bucket name under the configured template");
        }
        return bucket;
    }

    @Override
    public boolean isTenantBucket(String bucket) {
        int at = template.indexOf(PLACEHOLDER);
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + PLACEHOLDER.length());
        if (bucket == null
                || !bucket.startsWith(prefix)
                || !bucket.endsWith(suffix)
                || bucket.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        String org = bucket.substring(prefix.length(), bucket.length() - suffix.length());
        return OrgId.isValid(org);
    }

    @Override
    public String name() {
        return NAME;
    }
}
