package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.AccessSigner.Audience;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.MultipartUploads.OpenUpload;
import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import dev.filegate.domain.storage.MultipartUploadsContract;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.StoreUnavailable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 adapter honours the multipart contract against a real S3 server (S3Proxy, a fresh one per test), with parts
 * sent as a client sends them: an HTTP PUT to the signer's part URL.
 */
class S3MultipartUploadsContractTest extends MultipartUploadsContract {

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;
    private S3Storage storage;
    private S3AccessSigner signer;

    @Override
    protected MultipartUploads newUploads() {
        S3Settings settings = S3ProxyStores.settings(proxy);
        s3 = S3Clients.create(settings);
        storage = new S3Storage(s3, settings);
        signer = new S3AccessSigner(settings, Optional.empty());
        return storage.multipartUploads();
    }

    @Override
    protected ObjectStore objects() {
        return storage.objects();
    }

    @Override
    protected String bucket() {
        return "contract-multipart";
    }

    @Override
    protected void uploadPart(ObjectLocation location, String uploadId, int partNumber, byte[] bytes) throws Exception {
        StoreClients.Answer answer = StoreClients.put(
                signer.signPart(location, uploadId, partNumber, Duration.ofMinutes(5), Audience.INTERNAL), bytes);
        assertTrue(answer.ok(), "the store refused part " + partNumber + ": " + answer);
    }

    @AfterEach
    void close() {
        signer.close();
        s3.close();
    }

    @Test
    void listingsReadEveryPageOfUploads() {
        // S3Proxy pages upload listings (it ignores max-parts, so part listings are one page there): pages of two.
        S3Settings settings = S3ProxyStores.settings(proxy);
        Consumer<AwsRequestOverrideConfiguration.Builder> bounded = S3Clients.wholeCallTimeout(settings.callTimeout());
        S3MultipartUploads paged = new S3MultipartUploads(
                s3,
                bounded,
                bounded,
                new S3BucketSetup(s3, settings, bounded),
                new S3ObjectReads(s3, bounded, new TenantShares(2, Duration.ofSeconds(1), "test reads")),
                2);
        ObjectLocation at = file(ACME, 1);
        NewObject object = NewObject.unvalidated("image/png", "alice", OptionalLong.empty());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(paged.start(at, object));
        }
        ids.add(paged.start(file(ACME, 2), object));
        assertEquals(
                Set.copyOf(ids),
                paged.open(bucket(), StorageKey.prefixOf(ACME)).stream()
                        .map(OpenUpload::uploadId)
                        .collect(Collectors.toSet()));
        for (String id : ids.subList(0, 5)) {
            assertEquals(Optional.of(List.of()), paged.parts(at, id), "an open upload with no parts, on any page");
        }
        assertEquals(Optional.empty(), paged.parts(at, ids.get(5)), "the other key's upload is not this key's");
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void everyCallToAnUnreachableStoreIsAStoreFailure() throws IOException {
        S3Settings reachable = S3ProxyStores.settings(proxy);
        S3Settings unreachable = new S3Settings(
                Optional.of(closedPort()),
                reachable.region(),
                reachable.accessKey(),
                reachable.secretKey(),
                true,
                true,
                reachable.partSize(),
                1,
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                2,
                List.of());
        try (S3Client down = S3Clients.create(unreachable)) {
            MultipartUploads uploads = new S3Storage(down, unreachable).multipartUploads();
            ObjectLocation at = file(ACME, 1);
            List<UploadedPart> parts = List.of(new UploadedPart(1, "\"tag\"", 1));
            assertThrows(
                    StoreUnavailable.class,
                    () -> uploads.start(at, NewObject.unvalidated("image/png", "alice", OptionalLong.empty())));
            assertThrows(StoreUnavailable.class, () -> uploads.parts(at, "id"));
            assertThrows(StoreUnavailable.class, () -> uploads.complete(at, "id", parts));
            assertThrows(StoreUnavailable.class, () -> uploads.abort(at, "id"));
            assertThrows(StoreUnavailable.class, () -> uploads.open(bucket(), ""));
        }
    }
}
