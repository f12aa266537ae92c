package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadCompletionTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    private static final byte[] OTHER_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 1, 1, 1};
    private static final byte[] HTML = "<html><script>".getBytes();

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    private final TenancyStrategy tenancy = Fixtures.SHARED_BUCKET;
    private final UploadPolicy policy = Fixtures.imagesUpTo1MiB();
    private final FileService files =
            new FileService(store, tenancy, policy, new AccessPolicy(false), StorageKeyGenerator.systemDefault());
    private final UploadReservations reservations = new UploadReservations(
            store,
            new RecordingSigner(),
            ledger,
            tenancy,
            policy,
            new AccessPolicy(false),
            StorageKeyGenerator.systemDefault(),
            false);
    private final UploadCompletion completion =
            new UploadCompletion(store, ledger, tenancy, new AccessPolicy(false), Clock.systemUTC());
    private final Caller alice = new Caller("alice", Optional.of(ACME), Set.of(Role.UPLOADER));

    private PresignedUpload presign() {
        return presign(PNG.length, Optional.empty());
    }

    private PresignedUpload presign(long size, Optional<String> sha256) {
        return reservations.presign(
                alice,
                ACME,
                new UploadRequest("cat.png", "image/png", OptionalLong.of(size)),
                sha256,
                AccessSigner.Audience.PUBLIC);
    }

    /** What a client does with its PUT URL, with whatever metadata a lenient store lets it add. */
    private void clientPuts(ObjectLocation where, String filenameMetadata, byte[] bytes) throws IOException {
        store.put(
                where,
                new NewObject("image/png", filenameMetadata, "alice", OptionalLong.of(bytes.length)),
                new ByteArrayInputStream(bytes));
        // a client's PUT carries no uploader metadata: only what it added itself
        String id = where.bucket() + "/" + where.objectKey();
        StoredObject o = store.objects.get(id);
        store.objects.put(
                id,
                new StoredObject(
                        o.key(), o.size(), o.contentType(), o.etag(), o.lastModified(), filenameMetadata, null));
    }

    private ObjectLocation location(PresignedUpload u) {
        return new CompletedFiles(store, tenancy).locate(ACME, u.id().value()).orElseThrow();
    }

    private byte[] served(PresignedUpload u) throws IOException {
        ObjectRead read = files.read(alice, ACME, u.id().value(), ReadConditions.none());
        assertInstanceOf(ObjectRead.Content.class, read, "the file is served");
        try (InputStream in = ((ObjectRead.Content) read).body()) {
            return in.readAllBytes();
        }
    }

    @Test
    void bytesThatClaimToBeCompleteAreNotServedUntilTheServiceCompletesThem() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), "forged.png", PNG); // x-amz-meta-filename added by the client
        assertTrue(files.describe(alice, ACME, u.id().value()).isEmpty());
        assertInstanceOf(ObjectRead.Missing.class, files.read(alice, ACME, u.id().value(), ReadConditions.none()));
        assertEquals(
                PolicyViolation.Kind.INVALID_REQUEST,
                assertThrows(PolicyViolation.class, () -> completion.complete(alice, ACME, u.id().value()))
                        .kind(),
                "metadata nobody signed (or copied from a file of the service's) is refused");
        assertTrue(store.objects.isEmpty(), "and deleted");
    }

    @Test
    void completionServesTheValidatedNameAndRemovesTheIncomingBytes() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), null, PNG);
        StoredFile completed = completion.complete(alice, ACME, u.id().value());
        assertEquals("cat.png", completed.filename());
        assertEquals(StoredFile.State.COMPLETE, completed.state());
        assertArrayEquals(PNG, served(u));
        assertTrue(store.head(location(u).incomingArea()).isEmpty(), "the incoming bytes are gone");
        assertTrue(ledger.find("files", location(u).key()).orElseThrow().closed());
    }

    @Test
    void bytesPutAgainAfterCompletionAreNeverServedAndAreSwept() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), null, PNG);
        completion.complete(alice, ACME, u.id().value());
        clientPuts(location(u).incomingArea(), null, OTHER_PNG); // the PUT URL is still valid
        assertArrayEquals(PNG, served(u));
        completion.complete(alice, ACME, u.id().value());
        assertArrayEquals(PNG, served(u), "completing again does not take the new bytes");
        Instant later = Instant.now().plus(Duration.ofDays(1));
        new PendingUploadSweeper(
                        store,
                        new InMemoryMultipartUploads(store, Clock.systemUTC()),
                        ledger,
                        () -> List.of("files"),
                        Clock.fixed(later, ZoneOffset.UTC),
                        Duration.ofHours(1),
                        Duration.ofHours(24))
                .sweep();
        assertTrue(store.head(location(u).incomingArea()).isEmpty(), "the re-PUT bytes are swept");
        assertArrayEquals(PNG, served(u), "the validated file stays");
        assertTrue(ledger.find("files", location(u).key()).isEmpty());
    }

    @Test
    void contentContradictingItsTypeIsDeletedFromBothAreas() throws IOException {
        PresignedUpload u = presign(HTML.length, Optional.empty());
        clientPuts(location(u).incomingArea(), null, HTML);
        PolicyViolation e = assertThrows(PolicyViolation.class, () -> completion.complete(alice, ACME, u.id().value()));
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, e.kind());
        assertTrue(store.objects.isEmpty(), store.objects.keySet().toString());
        assertTrue(ledger.find("files", location(u).key()).orElseThrow().closed(), "kept until swept, closed");
        clientPuts(location(u).incomingArea(), null, PNG); // the URL still works: a second try is not a completion
        assertEquals(
                "no upload with this id is pending in this org",
                assertThrows(FileNotFound.class, () -> completion.complete(alice, ACME, u.id().value()))
                        .getMessage());
    }

    @Test
    void anUploadOfAnotherSizeThanDeclaredIsDeletedFromBothAreas() throws IOException {
        PresignedUpload u = presign(PNG.length + 1, Optional.empty());
        clientPuts(location(u).incomingArea(), null, PNG);
        PolicyViolation e = assertThrows(PolicyViolation.class, () -> completion.complete(alice, ACME, u.id().value()));
        assertEquals("the uploaded size differs from the declared one", e.getMessage());
        assertTrue(store.objects.isEmpty(), store.objects.keySet().toString());
        assertTrue(ledger.find("files", location(u).key()).orElseThrow().closed());
    }

    @Test
    void completingBeforeTheBytesArrivedIsAConflict() {
        PresignedUpload u = presign();
        assertEquals(
                PolicyViolation.Kind.NOT_UPLOADED,
                assertThrows(PolicyViolation.class, () -> completion.complete(alice, ACME, u.id().value()))
                        .kind());
        assertFalse(ledger.find("files", location(u).key()).orElseThrow().closed(), "the upload may still arrive");
    }

    @Test
    void aDeclaredSha256IsCheckedOverTheBytesNotLeftToTheStore() throws IOException {
        String otherPng = HexFormat.of().formatHex(sha256(OTHER_PNG));
        PresignedUpload u = presign(PNG.length, Optional.of(otherPng));
        clientPuts(location(u).incomingArea(), null, PNG); // e.g. a copy a lenient store made for the PUT URL
        assertThrows(PolicyViolation.class, () -> completion.complete(alice, ACME, u.id().value()));
        assertTrue(store.objects.isEmpty());
        PresignedUpload ok = presign(PNG.length, Optional.of(HexFormat.of().formatHex(sha256(PNG))));
        clientPuts(location(ok).incomingArea(), null, PNG);
        assertEquals(
                HexFormat.of().formatHex(sha256(PNG)),
                completion.complete(alice, ACME, ok.id().value()).sha256());
    }

    @Test
    void anotherTenantCannotCompleteAnUploadAndAnUnknownIdIsNotFound() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), null, PNG);
        Caller mallory = new Caller("mallory", Optional.of(OrgId.of("globex")), Set.of(Role.UPLOADER));
        assertThrows(AccessDenied.class, () -> completion.complete(mallory, ACME, u.id().value()));
        assertThrows(FileNotFound.class, () -> completion.complete(mallory, OrgId.of("globex"), u.id().value()));
        assertThrows(FileNotFound.class, () -> completion.complete(alice, ACME, "../" + u.id().value()));
        assertFalse(ledger.find("files", location(u).key()).orElseThrow().closed(), "nothing was touched");
        assertTrue(store.head(location(u).incomingArea()).isPresent());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
