package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Copies of sources over the multipart copy threshold (5 GiB in production, where one CopyObject is refused), on
 * S3Proxy with the threshold lowered to 8 MiB and a 20 MiB object: three UploadPartCopy ranges of 8, 8 and 4 MiB.
 * A multipart result is told by its entity tag ({@code "...-3"}: the number of parts).
 */
class S3LargeCopiesTest {

    private static final long THRESHOLD = 8L * 1024 * 1024;
    private static final int SIZE = 20 * 1024 * 1024;
    private static final String BUCKET = "large-copies";

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Settings settings;
    private S3Client s3;
    private S3ObjectStore store;

    @BeforeEach
    void connect() {
        settings = S3ProxyStores.settings(proxy, THRESHOLD);
        s3 = S3Clients.create(settings);
        store = new S3Storage(s3, settings).objects();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private static ObjectLocation file(int n) {
        return new ObjectLocation(
                BUCKET,
                StorageKey.of(
                        OrgId.of("acme"), new FileId(String.format("2026-04-00000000-0000-4000-8000-%012d.bin", n))));
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static final NewObject SEALED =
            new NewObject("application/pdf", "Bericht für Q1.pdf", "alice", OptionalLong.of(SIZE));

    private String put(ObjectLocation at, byte[] bytes) throws IOException {
        return store.put(
                        at,
                        NewObject.unvalidated("application/octet-stream", "mallory", OptionalLong.of(bytes.length)),
                        new ByteArrayInputStream(bytes))
                .etag();
    }

    private byte[] stored(ObjectLocation at) throws IOException {
        try (InputStream in = ((ObjectRead.Content) store.get(at, ReadConditions.none())).body()) {
            return in.readAllBytes();
        }
    }

    private List<String> openUploads() {
        return s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream()
                .map(MultipartUpload::key)
                .toList();
    }

    @Test
    void aSourceOverTheThresholdIsCopiedInPartsWithTheNewTypeAndMetadata() throws IOException {
        ObjectLocation incoming = file(1).incomingArea();
        ObjectLocation target = file(1);
        byte[] body = random(SIZE);
        String etag = put(incoming, body);

        StoredObject copy = store.copy(incoming, target, SEALED, etag);
        assertTrue(copy.etag().endsWith("-3\""), "three part copies: " + copy.etag());
        assertEquals(store.head(target).orElseThrow(), copy, "the copy as stored");
        assertEquals(SIZE, copy.size());
        assertEquals("application/pdf", copy.contentType());
        assertEquals("Bericht für Q1.pdf", copy.filename());
        assertEquals("alice", copy.uploadedBy());
        assertArrayEquals(body, stored(target));
        StoredObject source = store.head(incoming).orElseThrow();
        assertEquals("application/octet-stream", source.contentType(), "the source is left as it was");
        assertEquals("mallory", source.uploadedBy());
        assertEquals(List.of(), openUploads(), "no multipart upload is left open");
    }

    @Test
    void aSourceOverTheThresholdIsCopiedOntoItselfInParts() throws IOException {
        ObjectLocation at = file(1);
        byte[] body = random(SIZE);
        String etag = put(at, body);

        StoredObject sealed = store.copy(at, at, SEALED, etag);
        assertTrue(sealed.etag().endsWith("-3\""), sealed.etag());
        assertEquals("Bericht für Q1.pdf", sealed.filename());
        assertEquals("application/pdf", store.head(at).orElseThrow().contentType());
        assertArrayEquals(body, stored(at));
        assertEquals(List.of(), openUploads());
    }

    @Test
    void aSourceAtTheThresholdIsOneCopyObject() throws IOException {
        ObjectLocation at = file(1);
        byte[] body = random((int) THRESHOLD);
        String etag = put(at, body);
        StoredObject sealed = store.copy(at, at, SEALED, etag);
        assertFalse(sealed.etag().contains("-"), "a single copy's tag: " + sealed.etag());
        assertEquals("Bericht für Q1.pdf", sealed.filename());
        assertArrayEquals(body, stored(at));
    }

    @Test
    void aSourceOverTheThresholdReplacedBeforeTheCopyIsNotCopiedAtAll() throws IOException {
        ObjectLocation at = file(1);
        String checked = put(at, random(SIZE));
        byte[] unchecked = random(SIZE + 1);
        put(at, unchecked);

        assertThrows(ObjectChanged.class, () -> store.copy(at, at, SEALED, checked));
        assertEquals(null, store.head(at).orElseThrow().filename(), "the bytes written since are not sealed");
        assertArrayEquals(unchecked, stored(at));
        assertEquals(List.of(), openUploads());
    }

    @Test
    void aSourceReplacedDuringTheCopyFailsItAndLeavesNoTargetAndNoOpenUpload() throws IOException {
        ObjectLocation incoming = file(1).incomingArea();
        ObjectLocation target = file(1);
        String etag = put(incoming, random(SIZE));
        // Before the second range is copied, a client writes the source again: the copy must not splice versions.
        AtomicInteger partCopies = new AtomicInteger();
        S3Client replacingSource = (S3Client) Proxy.newProxyInstance(
                S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
                    if (method.getName().equals("uploadPartCopy") && partCopies.incrementAndGet() == 2) {
                        s3.putObject(
                                b -> b.bucket(BUCKET).key(incoming.objectKey()),
                                RequestBody.fromBytes(random(SIZE + 1)));
                    }
                    try {
                        return method.invoke(s3, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Consumer<AwsRequestOverrideConfiguration.Builder> bounded = S3Clients.wholeCallTimeout(settings.callTimeout());
        S3ObjectReads reads =
                new S3ObjectReads(replacingSource, bounded, new TenantShares(2, Duration.ofSeconds(1), "test reads"));
        S3ObjectCopies copies = new S3ObjectCopies(
                replacingSource, bounded, bounded, reads, new MultipartAborts(replacingSource, bounded), THRESHOLD);

        ObjectChanged failure = assertThrows(ObjectChanged.class, () -> copies.copy(incoming, target, SEALED, etag));
        assertTrue(failure.getMessage().contains("replaced"), failure.getMessage());
        assertEquals(2, partCopies.get(), "the copy stopped at the range whose source had changed");
        assertEquals(Optional.empty(), store.head(target));
        assertEquals(List.of(), openUploads(), "the multipart copy was aborted");
    }

    @Test
    void onAStoreThatIgnoresTheConditionASourceReplacedDuringTheCopyStillLeavesNoTargetAndNoOpenUpload()
            throws IOException {
        ObjectLocation incoming = file(1).incomingArea();
        ObjectLocation target = file(1);
        String etag = put(incoming, random(SIZE));
        // Before the second range, other bytes of the same size: the store copies them from there on, no 412 says so.
        byte[] other = random(SIZE);
        other[0] ^= 1;
        S3Client ignoring = ConditionIgnoringStore.of(s3, call -> {
            if (call == 2) {
                s3.putObject(b -> b.bucket(BUCKET).key(incoming.objectKey()), RequestBody.fromBytes(other));
            }
        });
        S3ObjectCopies copies = copies(ignoring);

        ObjectChanged failure = assertThrows(ObjectChanged.class, () -> copies.copy(incoming, target, SEALED, etag));
        assertTrue(failure.getMessage().contains("replaced"), failure.getMessage());
        assertEquals(Optional.empty(), store.head(target), "nothing spliced was completed");
        assertEquals(List.of(), openUploads(), "the multipart copy was aborted");

        String now = store.head(incoming).orElseThrow().etag();
        assertEquals(SIZE, copies.copy(incoming, target, SEALED, now).size(), "an unchanged source is copied");
    }

    private S3ObjectCopies copies(S3Client client) {
        Consumer<AwsRequestOverrideConfiguration.Builder> bounded = S3Clients.wholeCallTimeout(settings.callTimeout());
        S3ObjectReads reads =
                new S3ObjectReads(client, bounded, new TenantShares(2, Duration.ofSeconds(1), "test reads"));
        return new S3ObjectCopies(client, bounded, bounded, reads, new MultipartAborts(client, bounded), THRESHOLD);
    }

    @Test
    void partsAreTheTargetSizeOrTheLowerThresholdNeverBelowFiveMiBAndAlwaysFewerThanTenThousand() {
        long mib = 1024L * 1024;
        long gib = 1024 * mib;
        assertEquals(8 * mib, S3ObjectCopies.partSize(20 * mib, 8 * mib));
        assertEquals(512 * mib, S3ObjectCopies.partSize(6 * gib, 5 * gib));
        assertEquals(5 * mib, S3ObjectCopies.partSize(20 * mib, 1));
        long fiveTiB = 5 * 1024 * gib;
        long part = S3ObjectCopies.partSize(fiveTiB, 5 * gib);
        assertTrue(part > 512 * mib && (fiveTiB + part - 1) / part <= 10_000, "5 TiB in " + part + "-byte parts");
    }

    @Test
    void theThresholdIsOneByteToFiveGiB() {
        assertThrows(IllegalArgumentException.class, () -> S3ProxyStores.settings(proxy, 0));
        assertThrows(
                IllegalArgumentException.class, () -> S3ProxyStores.settings(proxy, S3Settings.MAX_SINGLE_COPY + 1));
        assertEquals(
                S3Settings.MAX_SINGLE_COPY,
                S3ProxyStores.settings(proxy).multipartCopyThreshold(),
                "5 GiB unless lowered");
    }
}
