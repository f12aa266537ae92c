package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUpload.Transfer;
import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The ledger's markers keep every field of an entry, and markers written by earlier versions still read. */
class S3PendingUploadsTest {

    private static final String BUCKET = "pending-ledger";
    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.891Z");

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;
    private S3PendingUploads ledger;

    @BeforeEach
    void connect() {
        s3 = S3Clients.create(S3ProxyStores.settings(proxy));
        s3.createBucket(b -> b.bucket(BUCKET));
        ledger = new S3PendingUploads(s3, Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private static StorageKey key(int n) {
        return StorageKey.of(
                OrgId.of("acme"), new FileId(String.format("2026-01-00000000-0000-4000-8000-%012d.bin", n)));
    }

    private static PendingUpload entry(int n, Transfer transfer, String multipartId, String handleSha256) {
        return new PendingUpload(
                BUCKET,
                key(n),
                "Grüße = report.pdf",
                "application/pdf",
                42_000_000,
                null,
                "alice",
                CREATED,
                CREATED.plusSeconds(900),
                null,
                transfer,
                multipartId,
                handleSha256);
    }

    @Test
    void everyTransferReadsBackAsRecordedWithItsMultipartIdAndHandle() {
        List<PendingUpload> entries = List.of(
                new PendingUpload(
                        BUCKET,
                        key(1),
                        "a.png",
                        "image/png",
                        5,
                        "ab".repeat(32),
                        "bob",
                        CREATED,
                        CREATED.plusSeconds(60)),
                entry(2, Transfer.POST, null, null),
                entry(3, Transfer.MULTIPART, "upload/id+with=chars", "cd".repeat(32)),
                entry(4, Transfer.MULTIPART, "id", "ef".repeat(32)).closedAt(CREATED.plusSeconds(30)));
        entries.forEach(ledger::record);
        for (PendingUpload e : entries) {
            assertEquals(Optional.of(e), ledger.find(BUCKET, e.key()));
        }
        assertEquals(entries, ledger.list(BUCKET, StorageKey.prefixOf(OrgId.of("acme"))));
    }

    @Test
    void aMarkerWrittenBeforeThereWereOtherTransfersReadsAsASinglePut() {
        // The marker of the version before form and multipart uploads: no transfer, multipart id or handle.
        String old = "filename=old.pdf\n"
                + "content-type=application/pdf\n"
                + "size=1234\n"
                + "uploaded-by=alice\n"
                + "created-at=2026-03-04T05\\:06\\:07.891Z\n"
                + "expires-at=2026-03-04T05\\:21\\:07.891Z\n";
        s3.putObject(b -> b.bucket(BUCKET).key(S3PendingUploads.PREFIX + key(9).value()), RequestBody.fromString(old));
        assertEquals(
                Optional.of(new PendingUpload(
                        BUCKET,
                        key(9),
                        "old.pdf",
                        "application/pdf",
                        1234,
                        null,
                        "alice",
                        CREATED,
                        CREATED.plusSeconds(900))),
                ledger.find(BUCKET, key(9)));
    }
}
