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
import dev.filegate.domain.storage.ObjectStore;
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
import java.io.UncheckedIOException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Bytes of the PNG's size that are not a PNG: what a client re-PUTs to have something unchecked served. */
    private static final byte[] UNCHECKED = "<script>1;//".getBytes();

    /** Another instance of the service: the same store and ledger, its own lock. */
    private UploadCompletion instance(ObjectStore through) {
        return new UploadCompletion(through, ledger, tenancy, new AccessPolicy(false), Clock.systemUTC());
    }

    private byte[] bytesAt(ObjectLocation at) {
        return store.bytes.get(at.bucket() + "/" + at.objectKey());
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out waiting until " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Runnable clientPutsAgain(ObjectLocation where, byte[] bytes) {
        return () -> {
            try {
                clientPuts(where, null, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @ParameterizedTest(name = "on a store that {0} the entity tag a copy names")
    @ValueSource(strings = {"enforces", "ignores"})
    void anotherInstanceCompletingTheSameUploadBetweenThisOnesCheckAndItsSealNeverGetsUncheckedBytesSealed(
            String conditions) throws Exception {
        InterleavingStore replicas = new InterleavingStore(store, conditions.equals("ignores"));
        PresignedUpload u = presign();
        ObjectLocation file = location(u);
        ObjectLocation incoming = file.incomingArea();
        clientPuts(incoming, null, PNG);
        CountDownLatch firstChecked = new CountDownLatch(1);
        CountDownLatch secondCopied = new CountDownLatch(1);
        CountDownLatch firstSealed = new CountDownLatch(1);
        List<byte[]> servedOnceSealed = new CopyOnWriteArrayList<>();
        // Instance A has checked the bytes and is about to seal them: the client PUTs other bytes with its URL, which
        // is still valid, and calls complete on instance B, which gets as far as copying them before A seals.
        replicas.onceBefore(InterleavingStore.Call::seal, () -> {
            firstChecked.countDown();
            await(secondCopied, "B copied the new bytes");
        });
        replicas.onceAfter(InterleavingStore.Call::seal, () -> {
            servedOnceSealed.add(bytesAt(file));
            firstSealed.countDown();
        });
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<StoredFile> a = instances.submit(() -> instance(replicas).complete(alice, ACME, u.id().value()));
            await(firstChecked, "A checked its bytes");
            clientPutsAgain(incoming, UNCHECKED).run();
            replicas.onceAfter(c -> c.copyOf(incoming), () -> {
                secondCopied.countDown();
                await(firstSealed, "A sealed");
            });
            Future<StoredFile> b = instances.submit(() -> instance(replicas).complete(alice, ACME, u.id().value()));

            StoredFile completed = a.get(10, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> b.get(10, TimeUnit.SECONDS));
            assertEquals(
                    PolicyViolation.Kind.TYPE_MISMATCH,
                    assertInstanceOf(PolicyViolation.class, refused.getCause()).kind(),
                    "B checked the bytes it copied, and refused them");
            assertEquals(1, servedOnceSealed.size());
            assertArrayEquals(PNG, servedOnceSealed.get(0), "what A sealed is what A checked, not B's bytes");
            assertEquals(PNG.length, completed.size());
            assertArrayEquals(PNG, served(u), "and B's refusal did not remove A's file");
            assertEquals(Set.of("files/" + file.objectKey()), store.objects.keySet(), "no check copy is left");
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void bytesPutAgainBetweenTheirCheckedDescriptionAndTheCopyAreAConflictThatACompletionRetriedResolves()
            throws IOException {
        InterleavingStore replicas = new InterleavingStore(store, false);
        PresignedUpload u = presign();
        ObjectLocation incoming = location(u).incomingArea();
        clientPuts(incoming, null, PNG);
        replicas.onceBefore(c -> c.copyOf(incoming), clientPutsAgain(incoming, OTHER_PNG));

        UploadChanged conflict =
                assertThrows(UploadChanged.class, () -> instance(replicas).complete(alice, ACME, u.id().value()));
        assertEquals("the upload changed while it was being completed; complete it again", conflict.getMessage());
        assertFalse(ledger.find("files", location(u).key()).orElseThrow().closed(), "the upload is still pending");
        assertEquals(
                Set.of("files/" + incoming.objectKey()),
                store.objects.keySet(),
                "nothing but the client's new bytes is left, and nothing is served");

        assertEquals(
                StoredFile.State.COMPLETE,
                instance(replicas).complete(alice, ACME, u.id().value()).state());
        assertArrayEquals(OTHER_PNG, served(u), "completing again checked and sealed the bytes there now");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"before it looked at the incoming bytes", "before it copied them"})
    void aCompletionThatAnotherInstanceFinishedMeanwhileAnswersTheFile(String when) throws IOException {
        InterleavingStore replicas = new InterleavingStore(store, false);
        PresignedUpload u = presign();
        ObjectLocation incoming = location(u).incomingArea();
        clientPuts(incoming, null, PNG);
        UploadCompletion other = instance(store);
        replicas.onceBefore(
                when.startsWith("before it looked") ? c -> c.headOf(incoming) : c -> c.copyOf(incoming),
                () -> other.complete(alice, ACME, u.id().value()));

        StoredFile answered = instance(replicas).complete(alice, ACME, u.id().value());
        assertEquals(StoredFile.State.COMPLETE, answered.state());
        assertEquals("cat.png", answered.filename());
        assertArrayEquals(PNG, served(u));
    }

    @Test
    void theSweeperRunningWhileAnExpiredUploadIsCompletedNeverRemovesWhatTheCompletionSeals() throws IOException {
        InterleavingStore replicas = new InterleavingStore(store, false);
        PresignedUpload u = presign();
        clientPuts(location(u).incomingArea(), null, PNG);
        PendingUploadSweeper sweeper = new PendingUploadSweeper(
                store,
                new InMemoryMultipartUploads(store, Clock.systemUTC()),
                ledger,
                () -> List.of("files"),
                Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC),
                Duration.ofHours(1),
                Duration.ofHours(24));
        // The client completes late, after its URL and the grace ran out: the housekeeping job of another instance
        // sweeps the upload between the completion's check and its seal.
        replicas.onceBefore(InterleavingStore.Call::seal, sweeper::sweep);

        instance(replicas).complete(alice, ACME, u.id().value());
        assertArrayEquals(PNG, served(u));
        sweeper.sweep();
        assertArrayEquals(PNG, served(u), "a sealed file is kept");
        assertTrue(ledger.find("files", location(u).key()).isEmpty(), "the entry the completion closed is swept");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
