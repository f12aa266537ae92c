package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.SignedRequest;
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
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresignedTransfersTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    private static final byte[] OTHER_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 1, 1, 1};
    private static final byte[] HTML = "<html><script>".getBytes();

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    private final List<ObjectLocation> signedFor = new ArrayList<>();
    private final TenancyStrategy tenancy = TenancyStrategy.of("shared-bucket", "files", null);
    private final UploadPolicy policy = new UploadPolicy(
            DataSize.ofMebibytes(1),
            SizeLimit.parseAll(""),
            MediaTypeAllowList.parse("image/*"),
            FilenameRules.defaults(),
            Expiries.defaults());
    private final FileService files =
            new FileService(store, tenancy, policy, new AccessPolicy(false), StorageKeyGenerator.systemDefault());
    private final PresignedTransfers transfers = new PresignedTransfers(
            store,
            store,
            new RecordingSigner(),
            ledger,
            tenancy,
            policy,
            new AccessPolicy(false),
            StorageKeyGenerator.systemDefault(),
            false);
    private final Caller alice = new Caller("alice", Optional.of(ACME), Set.of(Role.UPLOADER));

    private PresignedUpload presign() {
        return transfers.presign(
                alice,
                ACME,
                new UploadRequest("cat.png", "image/png", OptionalLong.of(PNG.length)),
                Optional.empty(),
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
        return FileService.locate(tenancy, ACME, u.id().value()).orElseThrow();
    }

    private byte[] served(PresignedUpload u) throws IOException {
        ObjectRead read = files.read(alice, ACME, u.id().value(), ReadConditions.none());
        assertInstanceOf(ObjectRead.Content.class, read, "the file is served");
        try (InputStream in = ((ObjectRead.Content) read).body()) {
            return in.readAllBytes();
        }
    }

    @Test
    void clientsAreOnlyEverSignedUrlsForTheIncomingArea() {
        presign();
        assertEquals(2, signedFor.size(), "a PUT and a GET");
        assertTrue(signedFor.stream().allMatch(ObjectLocation::incoming), signedFor.toString());
    }

    @Test
    void bytesThatClaimToBeCompleteAreNotServedUntilTheServiceCompletesThem() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), "forged.png", PNG); // x-amz-meta-filename added by the client
        assertTrue(files.describe(alice, ACME, u.id().value()).isEmpty());
        assertInstanceOf(ObjectRead.Missing.class, files.read(alice, ACME, u.id().value(), ReadConditions.none()));
        assertEquals(
                PolicyViolation.Kind.INVALID_REQUEST,
                assertThrows(PolicyViolation.class, () -> transfers.complete(alice, ACME, u.id().value()))
                        .kind(),
                "metadata nobody signed (or copied from a file of the service's) is refused");
        assertTrue(store.objects.isEmpty(), "and deleted");
    }

    @Test
    void completionServesTheValidatedNameAndRemovesTheIncomingBytes() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), null, PNG);
        StoredFile completed = transfers.complete(alice, ACME, u.id().value());
        assertEquals("cat.png", completed.filename());
        assertArrayEquals(PNG, served(u));
        assertTrue(store.head(location(u).incomingArea()).isEmpty(), "the incoming bytes are gone");
        assertTrue(ledger.find("files", location(u).key()).orElseThrow().closed());
    }

    @Test
    void bytesPutAgainAfterCompletionAreNeverServedAndAreSwept() throws IOException {
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), null, PNG);
        transfers.complete(alice, ACME, u.id().value());
        clientPuts(location(u).incomingArea(), null, OTHER_PNG); // the PUT URL is still valid
        assertArrayEquals(PNG, served(u));
        transfers.complete(alice, ACME, u.id().value());
        assertArrayEquals(PNG, served(u), "completing again does not take the new bytes");
        Instant later = Instant.now().plus(Duration.ofDays(1));
        new PendingUploadSweeper(
                        store, ledger, () -> List.of("files"), Clock.fixed(later, ZoneOffset.UTC), Duration.ofHours(1))
                .sweep();
        assertTrue(store.head(location(u).incomingArea()).isEmpty(), "the re-PUT bytes are swept");
        assertArrayEquals(PNG, served(u), "the validated file stays");
        assertTrue(ledger.find("files", location(u).key()).isEmpty());
    }

    @Test
    void contentContradictingItsTypeIsDeletedFromBothAreas() throws IOException {
        PresignedUpload u = transfers.presign(
                alice,
                ACME,
                new UploadRequest("cat.png", "image/png", OptionalLong.of(HTML.length)),
                Optional.empty(),
                AccessSigner.Audience.PUBLIC);
        clientPuts(location(u).incomingArea(), null, HTML);
        PolicyViolation e = assertThrows(PolicyViolation.class, () -> transfers.complete(alice, ACME, u.id().value()));
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, e.kind());
        assertTrue(store.objects.isEmpty(), store.objects.keySet().toString());
        assertTrue(ledger.find("files", location(u).key()).orElseThrow().closed(), "kept until swept, closed");
        clientPuts(location(u).incomingArea(), null, PNG); // the URL still works: a second try is not a completion
        assertEquals(
                PolicyViolation.Kind.NOT_FOUND,
                assertThrows(PolicyViolation.class, () -> transfers.complete(alice, ACME, u.id().value()))
                        .kind());
    }

    @Test
    void completingBeforeTheBytesArrivedIsAConflict() {
        PresignedUpload u = presign();
        assertEquals(
                PolicyViolation.Kind.NOT_UPLOADED,
                assertThrows(PolicyViolation.class, () -> transfers.complete(alice, ACME, u.id().value()))
                        .kind());
    }

    @Test
    void onlyServiceCallersGetUrlsForTheInternalEndpoint() {
        UploadRequest request = new UploadRequest("cat.png", "image/png", OptionalLong.of(PNG.length));
        assertThrows(
                AccessDenied.class,
                () -> transfers.presign(alice, ACME, request, Optional.empty(), AccessSigner.Audience.INTERNAL));
        Caller runner = new Caller("runner", Optional.of(ACME), Set.of(Role.UPLOADER, Role.SERVICE));
        transfers.presign(runner, ACME, request, Optional.empty(), AccessSigner.Audience.INTERNAL);
        assertTrue(ledger.entries.size() == 1);
        assertFalse(signedFor.isEmpty());
    }

    @Test
    void aDeclaredSha256IsCheckedOverTheBytesNotLeftToTheStore() throws IOException {
        String otherPng = HexFormat.of().formatHex(sha256(OTHER_PNG));
        PresignedUpload u = transfers.presign(
                alice,
                ACME,
                new UploadRequest("cat.png", "image/png", OptionalLong.of(PNG.length)),
                Optional.of(otherPng),
                AccessSigner.Audience.PUBLIC);
        clientPuts(location(u).incomingArea(), null, PNG); // e.g. a copy a lenient store made for the PUT URL
        assertThrows(PolicyViolation.class, () -> transfers.complete(alice, ACME, u.id().value()));
        assertTrue(store.objects.isEmpty());
        PresignedUpload ok = transfers.presign(
                alice,
                ACME,
                new UploadRequest("cat.png", "image/png", OptionalLong.of(PNG.length)),
                Optional.of(HexFormat.of().formatHex(sha256(PNG))),
                AccessSigner.Audience.PUBLIC);
        clientPuts(location(ok).incomingArea(), null, PNG);
        assertEquals(
                HexFormat.of().formatHex(sha256(PNG)),
                transfers.complete(alice, ACME, ok.id().value()).sha256());
    }

    @Test
    void aDeploymentCanRequireASha256WithEveryPresignedUpload() {
        PresignedTransfers strict = new PresignedTransfers(
                store,
                store,
                new RecordingSigner(),
                ledger,
                tenancy,
                policy,
                new AccessPolicy(false),
                StorageKeyGenerator.systemDefault(),
                true);
        assertThrows(
                PolicyViolation.class,
                () -> strict.presign(
                        alice,
                        ACME,
                        new UploadRequest("cat.png", "image/png", OptionalLong.of(PNG.length)),
                        Optional.empty(),
                        AccessSigner.Audience.PUBLIC));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records which locations it was asked to sign for. */
    private final class RecordingSigner implements AccessSigner {
        @Override
        public SignedRequest signUpload(
                ObjectLocation location,
                String contentType,
                long contentLength,
                Optional<byte[]> sha256,
                Duration ttl,
                Audience audience) {
            signedFor.add(location);
            return new SignedRequest(
                    "PUT",
                    URI.create("http://store/" + location.objectKey()),
                    Map.of(),
                    Instant.now().plus(ttl));
        }

        @Override
        public GatewaySignature signForGateway(ObjectLocation location, String method, Map<String, String> headers) {
            signedFor.add(location);
            return new GatewaySignature("/" + location.objectKey(), Map.of());
        }

        @Override
        public SignedRequest signDownload(
                ObjectLocation location, String filename, String contentType, Duration ttl, Audience audience) {
            signedFor.add(location);
            return new SignedRequest(
                    "GET",
                    URI.create("http://store/" + location.objectKey()),
                    Map.of(),
                    Instant.now().plus(ttl));
        }
    }
}
