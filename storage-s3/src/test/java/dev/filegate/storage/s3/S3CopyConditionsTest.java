package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.OrgId;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the store itself does with the conditions completion relies on, measured on S3Proxy (the version the build
 * pins) with the SDK alone, and what the adapter does where a store would not: the service seals only what it checked,
 * and must know which of these conditions the store enforces rather than assume it.
 */
class S3CopyConditionsTest {

    private static final String BUCKET = "copy-conditions";
    private static final String STALE = "\"0123456789abcdef0123456789abcdef\"";

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;
    private String etag;

    @BeforeEach
    void putAnObject() {
        s3 = S3Clients.create(S3ProxyStores.settings(proxy));
        s3.createBucket(b -> b.bucket(BUCKET));
        etag = s3.putObject(b -> b.bucket(BUCKET).key("checked"), RequestBody.fromBytes(new byte[6 * 1024 * 1024]))
                .eTag();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private static int status(Runnable call) {
        return assertThrows(S3Exception.class, call::run).statusCode();
    }

    private boolean exists(String key) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).keyCount() > 0;
    }

    @Test
    void copyObjectRefusesASourceOfAnotherEntityTagWith412AndWritesNothing() {
        assertEquals(
                412,
                status(() -> s3.copyObject(b -> b.sourceBucket(BUCKET)
                        .sourceKey("checked")
                        .copySourceIfMatch(STALE)
                        .destinationBucket(BUCKET)
                        .destinationKey("sealed"))));
        assertEquals(false, exists("sealed"));
        assertEquals(
                412,
                status(() -> s3.copyObject(b -> b.sourceBucket(BUCKET)
                        .sourceKey("checked")
                        .copySourceIfMatch(STALE)
                        .destinationBucket(BUCKET)
                        .destinationKey("checked")
                        .metadataDirective("REPLACE")
                        .metadata(Map.of("filename", "sealed.png")))),
                "onto itself too (the seal)");
        assertEquals(
                Map.of(), s3.headObject(b -> b.bucket(BUCKET).key("checked")).metadata());
        assertEquals(
                etag,
                s3.copyObject(b -> b.sourceBucket(BUCKET)
                                .sourceKey("checked")
                                .copySourceIfMatch(etag)
                                .destinationBucket(BUCKET)
                                .destinationKey("sealed"))
                        .copyObjectResult()
                        .eTag(),
                "the source named is copied");
    }

    @Test
    void uploadPartCopyRefusesASourceOfAnotherEntityTagWith412() {
        String upload =
                s3.createMultipartUpload(b -> b.bucket(BUCKET).key("large")).uploadId();
        assertEquals(
                412,
                status(() -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET)
                        .sourceKey("checked")
                        .copySourceIfMatch(STALE)
                        .copySourceRange("bytes=0-5242879")
                        .destinationBucket(BUCKET)
                        .destinationKey("large")
                        .uploadId(upload)
                        .partNumber(1))));
        assertEquals(
                0,
                s3.listParts(b -> b.bucket(BUCKET).key("large").uploadId(upload))
                        .parts()
                        .size());
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("large").uploadId(upload));
    }

    @Test
    void getObjectRefusesAnotherEntityTagWith412WholeOrRanged() {
        assertEquals(
                412,
                status(() ->
                        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("checked").ifMatch(STALE))));
        assertEquals(
                412,
                status(() -> s3.getObjectAsBytes(
                        b -> b.bucket(BUCKET).key("checked").range("bytes=0-9").ifMatch(STALE))));
    }

    /**
     * Why completion does not rely on conditions on a copy's destination (S3's {@code If-None-Match} and {@code
     * If-Match} on CopyObject): S3Proxy ignores them and overwrites. Completion never writes unchecked bytes where a
     * file is, so it needs none.
     */
    @Test
    void s3ProxyIgnoresConditionsOnTheDestinationOfACopy() {
        s3.putObject(b -> b.bucket(BUCKET).key("existing"), RequestBody.fromString("already here"));
        s3.copyObject(b -> b.sourceBucket(BUCKET)
                .sourceKey("checked")
                .destinationBucket(BUCKET)
                .destinationKey("existing")
                .ifNoneMatch("*"));
        assertEquals(etag, s3.headObject(b -> b.bucket(BUCKET).key("existing")).eTag(), "If-None-Match: * was ignored");
        s3.copyObject(b -> b.sourceBucket(BUCKET)
                .sourceKey("checked")
                .destinationBucket(BUCKET)
                .destinationKey("existing")
                .ifMatch(STALE));
        assertEquals(etag, s3.headObject(b -> b.bucket(BUCKET).key("existing")).eTag(), "If-Match was ignored");
    }

    /** A store that ignored If-Match on a read still cannot make the adapter hand over another object's bytes. */
    @Test
    void theAdapterRefusesAReadOfAnotherObjectEvenFromAStoreThatIgnoresIfMatch() throws Exception {
        S3Client ignoringIfMatch = (S3Client) Proxy.newProxyInstance(
                S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (p, method, args) -> {
                    Object[] call = args;
                    if (method.getName().equals("getObject") && args[0] instanceof GetObjectRequest get) {
                        call = args.clone();
                        call[0] = get.toBuilder().ifMatch(null).build();
                    }
                    try {
                        return method.invoke(s3, call);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Consumer<AwsRequestOverrideConfiguration.Builder> bounded = S3Clients.wholeCallTimeout(Duration.ofSeconds(10));
        S3ObjectReads reads =
                new S3ObjectReads(ignoringIfMatch, bounded, new TenantShares(2, Duration.ofSeconds(1), "test reads"));
        ObjectLocation at = new ObjectLocation(
                BUCKET,
                StorageKey.of(OrgId.of("acme"), new FileId("2026-04-00000000-0000-4000-8000-000000000001.png")));
        s3.putObject(b -> b.bucket(BUCKET).key(at.objectKey()), RequestBody.fromString("written since the check"));

        assertThrows(
                ObjectChanged.class, () -> reads.get(at, ReadConditions.none().onlyIfMatch(STALE)));
        String current =
                s3.headObject(b -> b.bucket(BUCKET).key(at.objectKey())).eTag();
        try (InputStream in =
                ((ObjectRead.Content) reads.get(at, ReadConditions.none().onlyIfMatch(current))).body()) {
            assertArrayEquals("written since the check".getBytes(), in.readAllBytes());
        }
    }

    /**
     * A store that ignores {@code x-amz-copy-source-if-match} (Ceph's RADOS gateway) copies whatever is at the source
     * by then; the adapter finds out, removes that copy and answers {@link ObjectChanged}, as a store's 412 would.
     */
    @Test
    void theAdapterRemovesAndRefusesACopyOfAnotherVersionFromAStoreThatIgnoresTheCondition() {
        ObjectLocation incoming = location(1).incomingArea();
        ObjectLocation check = location(1).checkCopy("0123456789abcdef");
        String described = s3.putObject(
                        b -> b.bucket(BUCKET).key(incoming.objectKey()), RequestBody.fromString("checked bytes"))
                .eTag();
        S3ObjectCopies copies = copies(ConditionIgnoringStore.of(
                s3,
                call -> s3.putObject(
                        b -> b.bucket(BUCKET).key(incoming.objectKey()),
                        RequestBody.fromString("written since the HEAD"))));

        assertThrows(ObjectChanged.class, () -> copies.copy(incoming, check, SEALED, described));
        assertEquals(false, exists(check.objectKey()), "the copy of the other version is gone");

        String now =
                s3.headObject(b -> b.bucket(BUCKET).key(incoming.objectKey())).eTag();
        S3ObjectCopies plain = copies(ConditionIgnoringStore.of(s3, call -> {}));
        assertEquals(
                "written since the HEAD".length(),
                plain.copy(incoming, check, SEALED, now).size(),
                "a source left alone is copied");
    }

    /** Onto itself (the seal), the object that is there now is another one than named: it is not left sealed. */
    @Test
    void aCopyOntoItselfOfAnotherVersionFromAStoreThatIgnoresTheConditionIsNotLeftSealed() {
        ObjectLocation at = location(2);
        String described = s3.putObject(b -> b.bucket(BUCKET).key(at.objectKey()), RequestBody.fromString("checked"))
                .eTag();
        S3ObjectCopies copies = copies(ConditionIgnoringStore.of(
                s3,
                call -> s3.putObject(b -> b.bucket(BUCKET).key(at.objectKey()), RequestBody.fromString("unchecked"))));

        assertThrows(ObjectChanged.class, () -> copies.copy(at, at, SEALED, described));
        assertEquals(false, exists(at.objectKey()), "no object carries the seal's metadata over unchecked bytes");
    }

    private static final NewObject SEALED = new NewObject("text/plain", "report.txt", "alice", OptionalLong.empty());

    private static ObjectLocation location(int n) {
        return new ObjectLocation(
                BUCKET,
                StorageKey.of(
                        OrgId.of("acme"), new FileId(String.format("2026-04-00000000-0000-4000-8000-%012d.txt", n))));
    }

    private S3ObjectCopies copies(S3Client client) {
        Consumer<AwsRequestOverrideConfiguration.Builder> bounded = S3Clients.wholeCallTimeout(Duration.ofSeconds(10));
        S3ObjectReads reads =
                new S3ObjectReads(client, bounded, new TenantShares(2, Duration.ofSeconds(1), "test reads"));
        return new S3ObjectCopies(
                client, bounded, bounded, reads, new MultipartAborts(client, bounded), S3Settings.MAX_SINGLE_COPY);
    }
}
