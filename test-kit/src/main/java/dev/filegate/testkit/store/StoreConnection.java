package dev.filegate.testkit.store;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach and sign for a store: what filegate's {@code storage.s3.*} settings say, and what a test that looks at
 * the store itself needs.
 *
 * @param endpoint where the store listens, e.g. {@code http://127.0.0.1:41234}
 * @param region the region requests are signed for
 * @param accessKey the access key id
 * @param secretKey the secret key
 * @param pathStyle whether buckets are addressed as {@code host/bucket} rather than {@code bucket.host}
 */
public record StoreConnection(URI endpoint, String region, String accessKey, String secretKey, boolean pathStyle) {

    public StoreConnection {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Never the secret key: connections end up in test reports. */
    @Override
    public String toString() {
        return "StoreConnection[" + endpoint + ", " + region + ", access key " + accessKey + "]";
    }
}
