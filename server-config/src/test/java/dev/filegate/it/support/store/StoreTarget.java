package dev.filegate.it.support.store;

import java.net.URI;
import java.util.Optional;

/**
 * The S3 store the black-box suites run against, chosen by {@code it.store} (see {@link StoreTargets}): where it is,
 * how to sign for it, and what the run calls its buckets. The suites and the server under test reach it with the
 * same settings; only a target that the run started itself may be torn down with the run.
 */
public interface StoreTarget extends AutoCloseable {

    /** The suites' one bucket in the shared-bucket configurations (a logical name; see {@link #bucket}). */
    String SHARED_BUCKET = "filegate-it";

    /** The start of each tenant's bucket in the bucket-per-tenant configuration; the org follows it. */
    String TENANT_BUCKETS = "it-tenant-";

    /** The value of {@code it.store} that chose it. */
    String name();

    /** How to reach and sign for it. */
    StoreAccess access();

    default URI endpoint() {
        return access().endpoint();
    }

    /** See {@link StoreAccess#otherName()}. */
    default Optional<URI> otherName() {
        return access().otherName();
    }

    default String region() {
        return access().region();
    }

    default String accessKey() {
        return access().accessKey();
    }

    default String secretKey() {
        return access().secretKey();
    }

    default boolean pathStyle() {
        return access().pathStyle();
    }

    /**
     * Whether the service is to put its CORS rule on the buckets (PutBucketCors); {@code false} where the store's own
     * configuration already lets the suites' origin ({@code http://127.0.0.1:<port>}) in.
     */
    boolean takesBucketCors();

    /**
     * Whether the store answers a browser's form upload (a POST policy's) with the {@code ETag} and {@code Location}
     * headers, which Uppy 5.x reads: without an {@code ETag} it never finishes the upload. AWS, S3Proxy and MinIO
     * send both; Ceph 16's RADOS gateway neither.
     */
    default boolean answersFormUploadsWithETag() {
        return true;
    }

    /**
     * The run's name for the logical bucket (or bucket prefix) {@code name}: the name itself on a store the run
     * started, a run-unique one on a store that others use too.
     */
    String bucket(String name);

    /** An object's unsigned URL at {@link #endpoint()}, addressed as the target is (path-style or by virtual host). */
    default URI objectUri(String bucket, String key) {
        URI e = endpoint();
        String port = e.getPort() == -1 ? "" : ":" + e.getPort();
        return pathStyle()
                ? URI.create(e.getScheme() + "://" + e.getHost() + port + "/" + bucket + "/" + key)
                : URI.create(e.getScheme() + "://" + bucket + "." + e.getHost() + port + "/" + key);
    }

    /** Takes the store down if the run started it, or removes what the run created on it. */
    @Override
    void close();
}
