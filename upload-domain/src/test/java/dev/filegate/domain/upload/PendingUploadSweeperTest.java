package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PendingUploadSweeperTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryPendingUploads pending = new InMemoryPendingUploads();
    private final StorageKeyGenerator keys = StorageKeyGenerator.systemDefault();
    private final MutableClock multipartClock = new MutableClock(NOW);
    private final InMemoryMultipartUploads multipart = new InMemoryMultipartUploads(store, multipartClock);

    private StorageKey pendingUpload(Instant expiresAt, boolean bytesArrived, boolean completed) throws IOException {
        StorageKey key = keys.next(OrgId.of("acme"), "png");
        pending.record(new PendingUpload(
                "b", key, "a.png", "image/png", 3, null, "alice", expiresAt.minusSeconds(900), expiresAt));
        if (bytesArrived) {
            store.put(
                    new ObjectLocation("b", key),
                    new NewObject("image/png", "x", "alice", OptionalLong.empty()),
                    new ByteArrayInputStream(new byte[3]));
            if (!completed) {
                // a presigned PUT carries no filename metadata until completion
                var o = store.objects.get("b/" + key);
                store.objects.put(
                        "b/" + key,
                        new StoredObject(o.key(), o.size(), o.contentType(), o.etag(), o.lastModified(), null, null));
            }
        }
        return key;
    }

    private PendingUploadSweeper sweeper() {
        return new PendingUploadSweeper(
                store,
                multipart,
                pending,
                () -> List.of("b"),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofHours(1),
                Duration.ofHours(24));
    }

    @Test
    void abandonedUploadPastGraceLosesObjectAndEntry() throws IOException {
        StorageKey key = pendingUpload(NOW.minus(Duration.ofHours(2)), true, false);
        assertEquals(new PendingUploadSweeper.Result(1, 1, 0), sweeper().sweep());
        assertTrue(store.objects.isEmpty());
        assertTrue(pending.find("b", key).isEmpty());
    }

    @Test
    void uploadStillWithinGraceIsLeftAlone() throws IOException {
        pendingUpload(NOW.minus(Duration.ofMinutes(30)), true, false);
        assertEquals(new PendingUploadSweeper.Result(0, 0, 0), sweeper().sweep());
        assertEquals(1, store.objects.size());
    }

    @Test
    void completedUploadKeepsItsObject() throws IOException {
        pendingUpload(NOW.minus(Duration.ofHours(2)), true, true);
        assertEquals(new PendingUploadSweeper.Result(0, 1, 0), sweeper().sweep());
        assertEquals(1, store.objects.size());
    }

    @Test
    void signedButNeverUploadedLosesOnlyTheEntry() throws IOException {
        pendingUpload(NOW.minus(Duration.ofHours(2)), false, false);
        assertEquals(new PendingUploadSweeper.Result(0, 1, 0), sweeper().sweep());
    }

    @Test
    void whateverLiesInTheIncomingAreaPastGraceIsRemovedAndTheValidatedFileKept() throws IOException {
        StorageKey key = pendingUpload(NOW.minus(Duration.ofHours(2)), true, true);
        pending.record(pending.find("b", key).orElseThrow().closedAt(NOW.minus(Duration.ofHours(2))));
        store.put(
                new ObjectLocation("b", key).incomingArea(),
                new NewObject("image/png", "again.png", "alice", OptionalLong.empty()),
                new ByteArrayInputStream(new byte[5]));
        assertEquals(new PendingUploadSweeper.Result(1, 1, 0), sweeper().sweep());
        assertTrue(store.head(new ObjectLocation("b", key).incomingArea()).isEmpty(), "bytes PUT after completion");
        assertTrue(store.head(new ObjectLocation("b", key)).isPresent(), "the validated file");
    }

    private StorageKey multipartUpload(Instant startedAt, Duration maxAge, boolean withEntry) {
        multipartClock.advance(Duration.between(multipartClock.instant(), startedAt));
        StorageKey key = keys.next(OrgId.of("acme"), "png");
        ObjectLocation location = new ObjectLocation("b", key);
        String id = multipart.start(location, NewObject.unvalidated("image/png", "alice", OptionalLong.empty()));
        multipart.uploadPart(location, id, 1, new byte[10]);
        if (withEntry) {
            pending.record(new PendingUpload(
                    "b",
                    key,
                    "a.png",
                    "image/png",
                    1000,
                    null,
                    "alice",
                    startedAt,
                    startedAt.plus(maxAge),
                    null,
                    PendingUpload.Transfer.MULTIPART,
                    id,
                    "0".repeat(64)));
        }
        return key;
    }

    @Test
    void aMultipartUploadPastItsAgeAndGraceIsAbortedAndItsEntryRemoved() {
        StorageKey key = multipartUpload(NOW.minus(Duration.ofHours(26)), Duration.ofHours(24), true);
        assertEquals(new PendingUploadSweeper.Result(0, 1, 1), sweeper().sweep());
        assertEquals(0, multipart.openCount());
        assertTrue(pending.find("b", key).isEmpty());
    }

    @Test
    void aMultipartUploadWithinItsAgeIsLeftOpen() {
        StorageKey key = multipartUpload(NOW.minus(Duration.ofHours(2)), Duration.ofHours(24), true);
        assertEquals(new PendingUploadSweeper.Result(0, 0, 0), sweeper().sweep());
        assertEquals(1, multipart.openCount());
        assertTrue(pending.find("b", key).isPresent());
    }

    @Test
    void anOpenMultipartUploadWithoutAnEntryIsAbortedOnceOlderThanTheAgeAndGrace() {
        multipartUpload(NOW.minus(Duration.ofHours(24)).minus(Duration.ofMinutes(59)), Duration.ofHours(24), false);
        assertEquals(new PendingUploadSweeper.Result(0, 0, 0), sweeper().sweep(), "not yet past the grace");
        multipartUpload(NOW.minus(Duration.ofHours(25)).minus(Duration.ofMinutes(1)), Duration.ofHours(24), false);
        assertEquals(new PendingUploadSweeper.Result(0, 0, 1), sweeper().sweep());
        assertEquals(1, multipart.openCount());
    }

    @Test
    void anOldUploadKeptAliveByItsEntryIsNotAborted() {
        StorageKey key = multipartUpload(NOW.minus(Duration.ofHours(30)), Duration.ofHours(24), true);
        pending.record(pending.find("b", key).orElseThrow().expiringAt(NOW.plus(Duration.ofHours(20))));
        assertEquals(new PendingUploadSweeper.Result(0, 0, 0), sweeper().sweep());
        assertEquals(1, multipart.openCount());
    }

    @Test
    void aLiveMultipartUploadHoldingMoreThanItsLimitIsAbortedAtTheNextSweep() {
        StorageKey key = multipartUpload(NOW.minus(Duration.ofMinutes(5)), Duration.ofHours(24), true);
        ObjectLocation location = new ObjectLocation("b", key);
        String id = pending.find("b", key).orElseThrow().multipartId();
        multipart.uploadPart(location, id, 2, new byte[2000]); // the entry allows 1000 bytes
        assertEquals(new PendingUploadSweeper.Result(0, 0, 1), sweeper().sweep());
        assertEquals(0, multipart.openCount());
        assertTrue(pending.find("b", key).orElseThrow().closed());
    }
}
