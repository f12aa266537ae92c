package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.AccessSigner.Audience;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.OrgId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which URL the signer names for each audience and addressing style (no store involved). */
class S3AccessSignerTest {

    private static final ObjectLocation AT = new ObjectLocation(
            "acme-files",
            StorageKey.of(OrgId.of("acme"), new FileId("2026-01-00000000-0000-4000-8000-000000000001.bin")));

    private static S3Settings settings(Optional<URI> endpoint, boolean pathStyle) {
        return new S3Settings(
                endpoint,
                "eu-central-1",
                Optional.of("AKIDEXAMPLE"),
                Optional.of("secret"),
                pathStyle,
                false,
                S3Settings.MIN_PART_SIZE,
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                1,
                List.of());
    }

    private static S3AccessSigner signer(Optional<URI> internal, Optional<URI> external, boolean pathStyle) {
        return new S3AccessSigner(settings(internal, pathStyle), external);
    }

    @Test
    void aBucketUrlIsPathOrVirtualHostStyleAndEndsInASlash() {
        assertEquals(
                URI.create("http://minio:9000/acme-files/"),
                S3AccessSigner.bucketUrl(URI.create("http://minio:9000"), "acme-files", true));
        assertEquals(
                URI.create("https://store.example/s3/acme-files/"),
                S3AccessSigner.bucketUrl(URI.create("https://store.example/s3/"), "acme-files", true));
        assertEquals(
                URI.create("https://acme-files.s3.eu-central-1.amazonaws.com/"),
                S3AccessSigner.bucketUrl(URI.create("https://s3.eu-central-1.amazonaws.com"), "acme-files", false));
        assertEquals(
                URI.create("http://acme-files.store.example:8443/"),
                S3AccessSigner.bucketUrl(URI.create("http://store.example:8443"), "acme-files", false));
    }

    @Test
    void aFormGoesToTheBucketOnTheAudiencesEndpoint() {
        try (S3AccessSigner s = signer(
                Optional.of(URI.create("http://minio:9000")),
                Optional.of(URI.create("https://files.example.com")),
                true)) {
            PostPolicy outside = s.signPostPolicy(AT, "image/png", 1, 10, Duration.ofMinutes(5), Audience.PUBLIC);
            PostPolicy inside = s.signPostPolicy(AT, "image/png", 1, 10, Duration.ofMinutes(5), Audience.INTERNAL);
            assertEquals(URI.create("https://files.example.com/acme-files/"), outside.url());
            assertEquals(URI.create("http://minio:9000/acme-files/"), inside.url());
            assertEquals(null, outside.url().getQuery());
        }
        try (S3AccessSigner s = signer(Optional.empty(), Optional.empty(), false)) {
            assertEquals(
                    URI.create("https://acme-files.s3.eu-central-1.amazonaws.com/"),
                    s.signPostPolicy(AT, "image/png", 1, 10, Duration.ofMinutes(5), Audience.PUBLIC)
                            .url());
        }
    }

    @Test
    void aPartUrlNamesTheUploadAndPartOnTheAudiencesHostAndBindsNoHeader() {
        try (S3AccessSigner s = signer(
                Optional.of(URI.create("http://minio:9000")),
                Optional.of(URI.create("https://files.example.com")),
                true)) {
            SignedRequest part = s.signPart(AT, "up/load+id", 7, Duration.ofMinutes(15), Audience.PUBLIC);
            assertEquals("PUT", part.method());
            assertEquals("files.example.com", part.url().getHost());
            assertEquals("/acme-files/" + AT.objectKey(), part.url().getRawPath());
            assertTrue(
                    part.url().getRawQuery().contains("partNumber=7"),
                    part.url().getRawQuery());
            assertTrue(
                    part.url().getRawQuery().contains("uploadId=up%2Fload%2Bid"),
                    part.url().getRawQuery());
            assertEquals(Map.of(), part.headers(), "a client does not say a part's size before sending it");
            assertEquals(
                    "minio",
                    s.signPart(AT, "id", 7, Duration.ofMinutes(15), Audience.INTERNAL)
                            .url()
                            .getHost());
        }
    }

    @Test
    void aPartNumberOutsideOneToTenThousandIsNotSigned() {
        try (S3AccessSigner s = signer(Optional.of(URI.create("http://minio:9000")), Optional.empty(), true)) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> s.signPart(AT, "id", 0, Duration.ofMinutes(1), Audience.PUBLIC));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> s.signPart(AT, "id", 10_001, Duration.ofMinutes(1), Audience.PUBLIC));
            s.signPart(AT, "id", 10_000, Duration.ofMinutes(1), Audience.PUBLIC);
        }
    }
}
