package dev.filegate.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class S3ProxyStoreTest {

    private static EmbeddedStore store;

    @BeforeAll
    static void start() {
        store = StoreKind.S3PROXY.start();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void the_store_listens_on_loopback_and_addresses_buckets_by_path() {
        StoreConnection c = store.connection();

        assertEquals("http", c.endpoint().getScheme());
        assertEquals("127.0.0.1", c.endpoint().getHost());
        assertTrue(c.pathStyle());
        assertEquals("us-east-1", c.region());
    }

    @Test
    void a_request_signed_with_the_runs_credentials_stores_and_reads_an_object() {
        try (S3Client s3 = StoreClients.of(store.connection())) {
            s3.createBucket(b -> b.bucket("kit-round-trip"));
            s3.putObject(b -> b.bucket("kit-round-trip").key("a.txt"), RequestBody.fromString("hello"));

            assertEquals(
                    "hello",
                    s3.getObjectAsBytes(b -> b.bucket("kit-round-trip").key("a.txt"))
                            .asString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_request_signed_with_another_secret_is_refused_because_the_store_verifies_signatures() {
        try (S3Client s3 = StoreClients.signedWith(store.connection(), "not-the-secret")) {
            S3Exception e = assertThrows(S3Exception.class, s3::listBuckets);

            assertEquals(403, e.statusCode());
        }
    }

    @Test
    void an_unsigned_request_is_refused() throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                store.connection().endpoint().resolve("/").toURL().openConnection();
        try {
            assertEquals(403, c.getResponseCode());
        } finally {
            c.disconnect();
        }
    }

    @Test
    void each_run_gets_credentials_of_its_own() {
        try (EmbeddedStore other = StoreKind.S3PROXY.start()) {
            assertNotEquals(store.connection().accessKey(), other.connection().accessKey());
            assertNotEquals(store.connection().secretKey(), other.connection().secretKey());
            assertNotEquals(store.connection().endpoint(), other.connection().endpoint());
        }
    }

    @Test
    void a_closed_store_no_longer_listens() {
        EmbeddedStore other = StoreKind.S3PROXY.start();
        URI endpoint = other.connection().endpoint();
        other.close();

        assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close());
    }

    @Test
    void s3proxy_needs_nothing_from_the_machine() {
        assertFalse(StoreKind.S3PROXY.unavailable().isPresent());
    }
}
