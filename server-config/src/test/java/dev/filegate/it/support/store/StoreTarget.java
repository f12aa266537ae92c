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

    /** Where the suites and the server reach the store. */
    URI endpoint();

    /**
     * The same store under a second host name (its {@code public} endpoint in presigned mode), so that a URL signed
     * for one name can be tried at the other; empty where the store has only one name.
     */
    Optional<URI> otherName();

    String region();

    String accessKey();

    String secretKey();

    /** Path-style addressing ({@code host/bucket/key}) rather than virtual-hosted ({@code bucket.host/key}). */
    boolean pathStyle();

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
