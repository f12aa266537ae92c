package dev.filegate.it.support;

import dev.filegate.it.support.store.StoreTarget;
import java.util.Arrays;

/**
 * The server configurations the suites run in, one failsafe execution each (the table in server-config/pom.xml names
 * them, their JVM arguments and the tagged suites each runs). The running one is {@link #current()}.
 */
public enum ServerConfiguration {
    /** Proxy uploads and downloads; one bucket, a key prefix per tenant; the store behind {@link StoreLink}. */
    SHARED_BUCKET("shared-bucket"),
    /** Proxy uploads and downloads; a bucket per tenant. */
    BUCKET_PER_TENANT("bucket-per-tenant"),
    /** Presigned uploads and redirect downloads; the store's public endpoint is {@code localhost}. */
    PRESIGNED("presigned"),
    /** Uploads and downloads through a real nginx running the shipped configuration. */
    GATEWAY("gateway"),
    /** Presigned mode with the default multipart idle limit, octet streams up to 8 GiB: the 6 GiB upload. */
    PRESIGNED_LARGE("presigned-large"),
    /** Presigned mode, tokens from a real OpenID Connect provider (Keycloak), whose JWKS URL the server fetches. */
    OIDC("oidc");

    private final String name;

    ServerConfiguration(String name) {
        this.name = name;
    }

    /** The configuration of this test JVM, from {@code it.server}. */
    public static ServerConfiguration current() {
        String name = ItProperties.required("it.server");
        return Arrays.stream(values())
                .filter(c -> c.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown it.server " + name));
    }

    /** The name in the pom, in file names and in reports. */
    public String id() {
        return name;
    }

    /** Whether the server reaches the store through the {@link StoreLink} (where the store can be put behind one). */
    public boolean throughLink() {
        return this == SHARED_BUCKET;
    }

    /** Whether the server signs URLs for the store's second name, its public endpoint. */
    public boolean signsForAPublicEndpoint() {
        return this == PRESIGNED;
    }

    /** The bucket a tenant's files live in under this configuration's tenancy strategy, on the run's store. */
    public String bucketFor(String org) {
        StoreTarget store = ItEnvironment.env().store;
        return this == BUCKET_PER_TENANT
                ? store.bucket(StoreTarget.TENANT_BUCKETS) + org
                : store.bucket(StoreTarget.SHARED_BUCKET);
    }
}
