package dev.filegate.it.support.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The MinIO target's wiring, which runs here without a container: this machine and CI have no Docker engine, so the
 * suites with {@code -Dit.store=minio} are skipped, and only this test shows what they would start.
 */
class MinioTargetTest {

    @Test
    void theContainerRunsTheReleaseTheComposeFilePinsWithTheRunsCredentials() throws IOException {
        Map<?, ?> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("..", "deploy", "compose.yaml")));
        Map<?, ?> minio = (Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("minio");
        assertEquals(minio.get("image"), MinioTarget.IMAGE, "the suites test the MinIO the deployment runs");

        assertEquals(MinioTarget.IMAGE, MinioTarget.image().asCanonicalNameString());
        try (MinIOContainer container = MinioTarget.container("it-user", "it-password-0123")) {
            container.configure();
            assertEquals("it-user", container.getEnvMap().get("MINIO_ROOT_USER"));
            assertEquals("it-password-0123", container.getEnvMap().get("MINIO_ROOT_PASSWORD"));
            assertTrue(
                    container.getExposedPorts().contains(MinioTarget.S3_PORT),
                    container.getExposedPorts().toString());
        }
    }

    @Test
    void theTargetIsTheMappedPortWithTheRunsCredentialsAndBucketsAsNamed() {
        MinioTarget target = new MinioTarget(null, "127.0.0.1", 32768, "it-user", "it-password-0123");

        assertEquals(URI.create("http://127.0.0.1:32768"), target.endpoint());
        assertEquals(Optional.of(URI.create("http://localhost:32768")), target.otherName());
        assertEquals("it-user", target.accessKey());
        assertEquals("it-password-0123", target.secretKey());
        assertTrue(target.pathStyle());
        assertEquals("filegate-it", target.bucket(StoreTarget.SHARED_BUCKET), "a fresh container: no run prefix");
        assertEquals(
                Optional.empty(),
                new MinioTarget(null, "docker.internal", 32768, "u", "p").otherName(),
                "a remote Docker host has one name");
    }

    @Test
    void withoutADockerEngineTheSuitesAreSkippedWithOneReasonNamingIt() {
        Optional<String> reason = StoreTargets.unavailable(MinioTarget.NAME, false);

        if (DockerClientFactory.instance().isDockerAvailable()) {
            assertEquals(Optional.empty(), reason);
        } else {
            assertTrue(reason.orElseThrow().contains("no Docker engine"), reason.orElseThrow());
        }
    }
}
