package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PendingUploadSweeperTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Map<String, PendingUpload> ledger = new HashMap<>();
    private final PendingUploads pending = new PendingUploads() {
        @Override
        public void record(PendingUpload u) {
            ledger.put(u.bucket() + "/" + u.key(), u);
        }

        @Override
        public Optional<PendingUpload> find(String bucket, StorageKey key) {
            return Optional.ofNullable(ledger.get(bucket + "/" + key));
        }

        @Override
        public void remove(String bucket, StorageKey key) {
            ledger.remove(bucket + "/" + key);
        }

        @Override
        public List<PendingUpload> list(String bucket, String prefix) {
            return new ArrayList<>(ledger.values().stream().filter(u -> u.bucket().equals(bucket)).toList());
        }
    };
    private final StorageKeyGenerator keys = StorageKeyGenerator.systemDefault();

    private StorageKey pendingUpload(Instant expiresAt, boolean bytesArrived, boolean completed) throws IOException {
        StorageKey key = keys.next(OrgId.of("acme"), "png");
        pending.record(new PendingUpload("b", key, "a.png", "image/png", 3, null, "alice", expiresAt.minusSeconds(900), expiresAt));
        if (bytesArrived) {
            store.put(new ObjectLocation("b", key), new NewObject("image/png", "x", "alice", OptionalLong.empty()),
                    new ByteArrayInputStream(new byte[3]));
            if (!completed) {
                // a presigned PUT carries no filename metadata until completion
                var o = store.objects.get("b/" + key);
                store.objects.put("b/" + key, new dev.filegate.domain.storage.StoredObject(o.key(), o.size(), o.contentType(),
                        o.etag(), o.lastModified(), null, null));
            }
        }
        return key;
    }

    private PendingUploadSweeper sweeper() {
        return new PendingUploadSweeper(store, pending, () -> List.of("b"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));
    }

    @Test
    void abandonedUploadPastGraceLosesObjectAndEntry() throws IOException {
        StorageKey key = pendingUpload(NOW.minus(Duration.ofHours(2)), true, false);
        assertEquals(new PendingUploadSweeper.Result(1, 1), sweeper().sweep());
        assertTrue(store.objects.isEmpty());
        assertTrue(pending.find("b", key).isEmpty());
    }

    @Test
    void uploadStillWithinGraceIsLeftAlone() throws IOException {
        pendingUpload(NOW.minus(Duration.ofMinutes(30)), true, false);
        assertEquals(new PendingUploadSweeper.Result(0, 0), sweeper().sweep());
        assertEquals(1, store.objects.size());
    }

    @Test
    void completedUploadKeepsItsObject() throws IOException {
        pendingUpload(NOW.minus(Duration.ofHours(2)), true, true);
        assertEquals(new PendingUploadSweeper.Result(0, 1), sweeper().sweep());
        assertEquals(1, store.objects.size());
    }

    @Test
    void signedButNeverUploadedLosesOnlyTheEntry() throws IOException {
        pendingUpload(NOW.minus(Duration.ofHours(2)), false, false);
        assertEquals(new PendingUploadSweeper.Result(0, 1), sweeper().sweep());
    }
}
