package dev.filegate.it.support.store;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the store the suites run against by the system property {@code it.store} ({@code -Dit.store=...}):
 *
 * <ul>
 *   <li>{@code s3proxy} (default): an S3Proxy process on loopback, started by the run ({@link S3ProxyTarget});
 *   <li>{@code minio}: MinIO through Testcontainers, where a Docker engine is found ({@link MinioTarget});
 *   <li>{@code external}: any S3 endpoint given by {@code FILEGATE_IT_S3_*} variables ({@link ExternalTarget});
 *   <li>{@code ceph}: a single-node Ceph cluster with its RADOS gateway, started by the run, where the Ceph binaries
 *       are installed ({@link CephTarget}).
 * </ul>
 */
public final class StoreTargets {

    public static final String PROPERTY = "it.store";

    /** The store a run uses unless {@value #PROPERTY} names another. */
    public static final String DEFAULT = S3ProxyTarget.NAME;

    static final List<String> NAMES =
            List.of(S3ProxyTarget.NAME, MinioTarget.NAME, ExternalTarget.NAME, CephTarget.NAME);

    private StoreTargets() {}

    /** The target this run was asked for. */
    public static String selected() {
        String name = System.getProperty(PROPERTY, "");
        return name.isBlank() ? DEFAULT : name.trim();
    }

    /**
     * Why the target cannot serve this run, if it cannot: the suites are then skipped with this reason. A target that
     * could run but is misconfigured is not skipped: it fails when started, naming what is wrong.
     *
     * @param plainHttp whether the run reaches the store through something that speaks only plain HTTP to it (the
     *     shipped nginx configuration of the gateway mode)
     */
    public static Optional<String> unavailable(String name, boolean plainHttp) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(PROPERTY + " must be one of " + NAMES + ", is " + name);
        }
        if (MinioTarget.NAME.equals(name)) {
            return MinioTarget.unavailable();
        }
        if (CephTarget.NAME.equals(name)) {
            return CephTarget.unavailable(System.getenv("PATH"));
        }
        String endpoint = System.getenv(ExternalTarget.ENDPOINT);
        if (ExternalTarget.NAME.equals(name) && plainHttp && endpoint != null && endpoint.startsWith("https:")) {
            return Optional.of("the shipped gateway configuration reaches the store over plain HTTP, "
                    + ExternalTarget.ENDPOINT + " is https");
        }
        return Optional.empty();
    }

    /**
     * Starts (or connects to) the target.
     *
     * @param data where a store the run starts keeps its data
     */
    public static StoreTarget start(String name, Path data) throws IOException {
        return switch (name) {
            case S3ProxyTarget.NAME -> S3ProxyTarget.start(data);
            case MinioTarget.NAME -> MinioTarget.start();
            case CephTarget.NAME -> CephTarget.start(data);
            case ExternalTarget.NAME ->
                ExternalTarget.from(System.getenv(), runId()).open();
            default -> throw new IllegalArgumentException(PROPERTY + " must be one of " + NAMES + ", is " + name);
        };
    }

    /**
     * A client of the target with the suites' own (full) rights, to look at what really landed there. Checksums only
     * where S3 requires them, as the service's own client: a store need not understand trailing checksums (the
     * RADOS gateway of Ceph 16 does not), and what the suites check they hash themselves.
     */
    public static S3Client client(StoreTarget target) {
        return S3Client.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(target.accessKey(), target.secretKey())))
                .forcePathStyle(target.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Eight hex digits, new for every test JVM (one per server configuration). */
    static String runId() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
