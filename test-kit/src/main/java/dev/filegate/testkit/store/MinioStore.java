package dev.filegate.testkit.store;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * MinIO in a container started through Testcontainers (needs a Docker engine and the optional dependency
 * {@code org.testcontainers:testcontainers-minio}), with credentials made up for the run. Loaded only when chosen, so
 * that suites without Testcontainers never touch it.
 */
final class MinioStore implements EmbeddedStore {

    /** The MinIO release filegate's {@code deploy/compose.yaml} runs. */
    static final String IMAGE = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z.hotfix.7aa24e772";

    private static final int S3_PORT = 9000;

    private final MinIOContainer container;
    private final StoreConnection connection;

    private MinioStore(MinIOContainer container, StoreConnection connection) {
        this.container = container;
        this.connection = connection;
    }

    /** Why MinIO cannot be started here, if it cannot. */
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

    static MinioStore start() {
        Credentials credentials = Credentials.random();
        MinIOContainer container = new MinIOContainer(
                        DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("minio/minio"))
                .withUserName(credentials.accessKey())
                .withPassword(credentials.secretKey());
        container.start();
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(S3_PORT));
        return new MinioStore(
                container,
                new StoreConnection(endpoint, "us-east-1", credentials.accessKey(), credentials.secretKey(), true));
    }

    @Override
    public String description() {
        return "MinIO (Testcontainers)";
    }

    @Override
    public StoreConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        container.stop();
    }
}
