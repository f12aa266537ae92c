package dev.filegate.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MinioStoreTest {

    @Test
    void without_a_docker_engine_minio_is_unavailable_and_says_why() {
        Optional<String> why = StoreKind.MINIO.unavailable();
        Assumptions.assumeTrue(why.isPresent(), "a Docker engine is here: MinIO can run");

        assertTrue(why.get().contains("Docker engine"), why.get());
    }

    @Test
    void with_a_docker_engine_minio_starts_and_verifies_signatures() {
        Optional<String> why = StoreKind.MINIO.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "MinIO cannot run here: " + why.orElseThrow());

        try (EmbeddedStore minio = StoreKind.MINIO.start();
                S3Client s3 = StoreClients.of(minio.connection());
                S3Client wrong = StoreClients.signedWith(minio.connection(), "not-the-secret")) {
            s3.createBucket(b -> b.bucket("kit-minio"));
            assertTrue(
                    s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("kit-minio")));
            assertEquals(
                    403, assertThrows(S3Exception.class, wrong::listBuckets).statusCode());
        }
    }
}
