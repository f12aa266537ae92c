package dev.filegate.it.support.store;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * MinIO in a container that this run starts through Testcontainers (a Docker engine is needed: without one the
 * suites are skipped, see {@link StoreTargets#unavailable}), with credentials made up for the run; gone with the run.
 * MinIO allows every CORS origin by default, which the browser suites need.
 */
final class MinioTarget implements StoreTarget {

    static final String NAME = "minio";

    /** The MinIO release {@code deploy/compose.yaml} pins; {@code MinioTargetTest} keeps the two the same. */
    static final String IMAGE = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z.hotfix.7aa24e772";

    static final int S3_PORT = 9000;

    private final MinIOContainer container;
    private final StoreAccess access;

    MinioTarget(MinIOContainer container, String host, int port, String user, String password) {
        this.container = container;
        URI endpoint = URI.create("http://" + host + ":" + port);
        this.access = new StoreAccess(endpoint, Loopback.otherName(endpoint), "us-east-1", user, password, true);
    }

    /** Why MinIO cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? Optional.empty()
                    : Optional.of("Testcontainers found no Docker engine (DOCKER_HOST, the Docker socket,"
                            + " ~/.testcontainers.properties)");
        } catch (RuntimeException e) {
            return Optional.of("Testcontainers found no Docker engine: " + e.getMessage());
        }
    }

    /** The pinned image, as the module's container expects MinIO's own. */
    static DockerImageName image() {
        return DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("minio/minio");
    }

    /** The container, not started: the pinned image, the run's credentials, the S3 port. */
    static MinIOContainer container(String user, String password) {
        return new MinIOContainer(image()).withUserName(user).withPassword(password);
    }

    static MinioTarget start() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String user = "it-" + HexFormat.of().formatHex(bytes, 0, 4);
        String password = HexFormat.of().formatHex(bytes);
        MinIOContainer container = container(user, password);
        container.start();
        return new MinioTarget(container, container.getHost(), container.getMappedPort(S3_PORT), user, password);
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
        return false; // community MinIO allows every origin unless told otherwise
    }

    @Override
    public String bucket(String name) {
        return name;
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }
}
