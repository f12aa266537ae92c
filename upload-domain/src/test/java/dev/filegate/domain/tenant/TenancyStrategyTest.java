package dev.filegate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.policy.PolicyViolation;
import org.junit.jupiter.api.Test;

class TenancyStrategyTest {

    @Test
    void sharedBucketPutsEveryTenantInOneBucket() {
        TenancyStrategy t = TenancyStrategy.of("shared-bucket", "files", "unused");
        assertEquals("files", t.bucketFor(OrgId.of("a")));
        assertEquals("files", t.bucketFor(OrgId.of("b")));
    }

    @Test
    void bucketPerTenantNamesTheBucketFromTheTemplate() {
        TenancyStrategy t = TenancyStrategy.of("bucket-per-tenant", null, "tenant-{org}");
        assertEquals("tenant-acme", t.bucketFor(OrgId.of("acme")));
        assertEquals("tenant-globex", t.bucketFor(OrgId.of("globex")));
    }

    @Test
    void bucketPerTenantRefusesAnOrgThatMakesAnInvalidBucketName() {
        TenancyStrategy t = TenancyStrategy.of("bucket-per-tenant", null, "tenant-{org}");
        assertThrows(PolicyViolation.class, () -> t.bucketFor(OrgId.of("a".repeat(60))));
    }

    @Test
    void tenantBucketsAreRecognisedForHousekeeping() {
        TenancyStrategy t = TenancyStrategy.of("bucket-per-tenant", null, "tenant-{org}-files");
        assertEquals(true, t.isTenantBucket("tenant-acme-files"));
        assertEquals(false, t.isTenantBucket("tenant--files"));
        assertEquals(false, t.isTenantBucket("other-acme-files"));
        assertEquals(false, t.isTenantBucket("tenant-a.b-files"));
        assertEquals(true, TenancyStrategy.of("shared-bucket", "files", null).isTenantBucket("files"));
    }

    @Test
    void templateWithoutPlaceholderOrWithTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BucketPerTenantTenancy("tenant"));
        assertThrows(IllegalArgumentException.class, () -> new BucketPerTenantTenancy("{org}-{org}"));
        assertThrows(IllegalArgumentException.class, () -> new BucketPerTenantTenancy("Tenant_{org}"));
    }

    @Test
    void invalidSharedBucketAndUnknownStrategyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SharedBucketTenancy("My_Bucket"));
        assertThrows(IllegalArgumentException.class, () -> new SharedBucketTenancy("192.168.1.1"));
        assertThrows(IllegalArgumentException.class, () -> TenancyStrategy.of("per-user", "b", "t-{org}"));
    }
}
