package dev.filegate.it.support.store;

import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ceph's RADOS gateway (Debian's {@code radosgw}, Ceph 16), a second real S3 implementation: a single-node cluster
 * ({@link CephCluster}) this run starts over a fresh folder, the gateway on {@code it.s3.port} and the monitor on a
 * free loopback port, with the build's throw-away credentials; gone with the run. Where the Ceph binaries are not
 * installed, the suites are skipped (see {@link StoreTargets#unavailable}).
 *
 * <p>Path-style, plain HTTP, reachable as {@code 127.0.0.1} and {@code localhost}. The gateway verifies SigV4 for
 * whatever region the request names, so the run says {@code us-east-1}, where bucket creation names no location
 * (the gateway refuses any but its zonegroup's, {@code default}). CORS is per bucket, as on AWS: the service puts
 * its rule. Its answers to form uploads carry no {@code ETag}: see {@link #answersFormUploadsWithETag()}.
 */
final class CephTarget implements StoreTarget {

    static final String NAME = "ceph";

    static final String REGION = "us-east-1";

    private final CephCluster cluster;
    private final StoreAccess access;

    CephTarget(CephCluster cluster, int rgwPort, String accessKey, String secretKey) {
        this.cluster = cluster;
        URI endpoint = URI.create("http://127.0.0.1:" + rgwPort);
        this.access = new StoreAccess(endpoint, Loopback.otherName(endpoint), REGION, accessKey, secretKey, true);
    }

    /** Why a cluster cannot be started here, if it cannot: the binaries missing from {@code path}. */
    static Optional<String> unavailable(String path) {
        List<String> missing = CephCluster.missing(path);
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("the Ceph binaries " + String.join(", ", missing) + " are not installed (Debian: apt-get"
                        + " install radosgw ceph-mon ceph-osd ceph-common)");
    }

    static CephTarget start(Path data) throws IOException {
        int rgwPort = ItProperties.s3Port();
        CephConfig config =
                new CephConfig(data, freePort(), rgwPort, UUID.randomUUID().toString());
        String accessKey = ItProperties.required("it.s3.identity");
        String secretKey = ItProperties.required("it.s3.credential");
        long started = System.nanoTime();
        CephCluster cluster = CephCluster.start(config, accessKey, secretKey);
        CephTarget target = new CephTarget(cluster, rgwPort, accessKey, secretKey);
        try (S3Client s3 = StoreTargets.client(target)) {
            ItEnvironment.await("a signed ListBuckets answered by the RADOS gateway", () -> answers(s3), 60);
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        System.err.printf(
                "[it] it.store=ceph: a single-node Ceph cluster started, its RADOS gateway on %d answered a signed"
                        + " request after %.1f s%n",
                rgwPort, (System.nanoTime() - started) / 1e9);
        return target;
    }

    private static boolean answers(S3Client s3) {
        try {
            s3.listBuckets();
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    /** A loopback port free just now (the monitor's: nothing but the cluster's own daemons and tools reach it). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StoreAccess access() {
        return access;
    }

    @Override
    public boolean takesBucketCors() {
        return true; // the gateway keeps CORS per bucket (PutBucketCors), as AWS does
    }

    @Override
    public boolean answersFormUploadsWithETag() {
        return false; // a POST answers 204 (or 200, 201 with the XML document) with no ETag or Location header
    }

    @Override
    public String bucket(String name) {
        return name; // a fresh cluster: no run prefix
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.stop();
        }
    }
}
