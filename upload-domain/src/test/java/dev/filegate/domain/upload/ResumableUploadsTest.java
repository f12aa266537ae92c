package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.MultipartPolicy;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.AccessSigner.Audience;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import dev.filegate.domain.upload.ResumableUploads.ClaimedPart;
import dev.filegate.domain.upload.ResumableUploads.Started;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResumableUploadsTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final int MIB = 1024 * 1024;
    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryMultipartUploads multipart = new InMemoryMultipartUploads(store, Clock.systemUTC());
    private final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    private final TenancyStrategy tenancy = Fixtures.SHARED_BUCKET;
    private final UploadPolicy policy = new UploadPolicy(
            DataSize.ofMebibytes(12),
            SizeLimit.parseAll(""),
            MediaTypeAllowList.parse("image/*"),
            FilenameRules.defaults(),
            Expiries.defaults());
    /** Images up to 8 GiB: limits whose part count is far above the lookahead. */
    private final UploadPolicy large = new UploadPolicy(
            DataSize.parse("8GiB"),
            SizeLimit.parseAll(""),
            MediaTypeAllowList.parse("image/*"),
            FilenameRules.defaults(),
            Expiries.defaults());

    private final RecordingSigner signer = new RecordingSigner();
    private final ResumableUploads uploads =
            uploads(multipart, policy, MultipartPolicy.defaults(), StorageKeyGenerator.systemDefault(), false);

    private ResumableUploads uploads(
            MultipartUploads parts,
            UploadPolicy limits,
            MultipartPolicy multipartPolicy,
            StorageKeyGenerator keys,
            boolean requireSha256) {
        return new ResumableUploads(
                store,
                parts,
                store,
                signer,
                ledger,
                tenancy,
                limits,
                multipartPolicy,
                new AccessPolicy(false),
                keys,
                requireSha256);
    }

    private final FileService files =
            new FileService(store, tenancy, policy, new AccessPolicy(false), StorageKeyGenerator.systemDefault());
    private final Caller alice = new Caller("alice", Optional.of(ACME), Set.of(Role.UPLOADER));

    private Started start() {
        return uploads.start(alice, ACME, new UploadRequest("big.png", "image/png", OptionalLong.empty()));
    }

    private ObjectLocation location(Started s) {
        return new CompletedFiles(store, tenancy).locate(ACME, s.fileId());
    }

    /** What the client does with a signed part URL; the part's content starts like a PNG for part 1. */
    private byte[] clientUploadsPart(Started s, int number, int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) number);
        if (number == 1) {
            System.arraycopy(PNG_HEAD, 0, data, 0, PNG_HEAD.length);
        }
        uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), number, Audience.PUBLIC);
        String id = ledger.find("files", location(s).key()).orElseThrow().multipartId();
        assertTrue(multipart.uploadPart(location(s), id, number, data));
        return data;
    }

    private static List<ClaimedPart> claims(List<UploadedPart> parts) {
        return parts.stream().map(p -> new ClaimedPart(p.number(), p.etag())).toList();
    }

    private byte[] served(String fileId) throws IOException {
        ObjectRead read = files.read(alice, ACME, fileId, ReadConditions.none());
        try (InputStream in = ((ObjectRead.Content) read).body()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aFileUploadedInPartsIsServedByteIdenticalOnceCompleted() throws IOException {
        Started s = start();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(clientUploadsPart(s, 1, 5 * MIB));
        whole.writeBytes(clientUploadsPart(s, 2, 3 * MIB));
        StoredFile file = uploads.complete(
                alice,
                ACME,
                s.handle(),
                s.fileId().value(),
                claims(uploads.parts(alice, ACME, s.handle(), s.fileId().value())));
        assertEquals(8L * MIB, file.size());
        assertEquals("big.png", file.filename());
        assertArrayEquals(whole.toByteArray(), served(s.fileId().value()));
        assertEquals(0, multipart.openCount());
        assertTrue(ledger.find("files", location(s).key()).orElseThrow().closed());
    }

    /** This upload's route on another instance of the service, through {@code through}. */
    private ResumableUploads instance(ObjectStore through) {
        return new ResumableUploads(
                store,
                multipart,
                through,
                signer,
                ledger,
                tenancy,
                policy,
                MultipartPolicy.defaults(),
                new AccessPolicy(false),
                StorageKeyGenerator.systemDefault(),
                false);
    }

    @ParameterizedTest(name = "on a store that {0} the entity tag a copy names")
    @ValueSource(strings = {"enforces", "ignores"})
    void bytesOfAnotherSizeWrittenAtTheFileBetweenTheChecksAndTheSealAreNeverSealed(String conditions)
            throws IOException {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        clientUploadsPart(s, 2, 100);
        ObjectLocation file = location(s);
        byte[] unchecked = "<html><script>".getBytes();
        // Whatever writes there after the check (a store that lets a completed upload be completed again from
        // other parts, say) must not have its bytes sealed by this completion.
        InterleavingStore replicas = new InterleavingStore(store, conditions.equals("ignores"));
        replicas.onceBefore(InterleavingStore.Call::seal, () -> {
            try {
                store.put(
                        file,
                        NewObject.unvalidated("image/png", "alice", OptionalLong.of(unchecked.length)),
                        new ByteArrayInputStream(unchecked));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<ClaimedPart> claimed =
                claims(uploads.parts(alice, ACME, s.handle(), s.fileId().value()));

        assertThrows(
                UploadChanged.class,
                () -> instance(replicas)
                        .complete(alice, ACME, s.handle(), s.fileId().value(), claimed));
        assertTrue(
                store.head(file).filter(CompletedFiles::isComplete).isEmpty(),
                "the bytes nobody checked are not sealed (or, sealed by a store that ignored the condition, deleted)");
        assertTrue(files.describe(alice, ACME, s.fileId().value()).isEmpty(), "and not served");
        assertFalse(ledger.find("files", file.key()).orElseThrow().closed(), "the entry is kept for the sweeper");
        new PendingUploadSweeper(
                        store,
                        multipart,
                        ledger,
                        () -> List.of("files"),
                        Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC),
                        Duration.ofHours(1),
                        MultipartPolicy.defaults().maxIdle())
                .sweep();
        assertTrue(store.objects.isEmpty(), "which removes them once the upload expired");
    }

    @Test
    void nothingIsServedBeforeTheUploadIsCompleted() {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        assertTrue(files.describe(alice, ACME, s.fileId().value()).isEmpty());
        assertTrue(store.objects.isEmpty(), "parts are not an object");
    }

    @Test
    void anInterruptedUploadResumesFromItsPartListAndTheETagsQuotedOrNot() throws IOException {
        Started s = start();
        byte[] first = clientUploadsPart(s, 1, 5 * MIB);
        List<UploadedPart> listed =
                uploads.parts(alice, ACME, s.handle(), s.fileId().value());
        assertEquals(1, listed.size());
        assertEquals(5L * MIB, listed.get(0).size());
        byte[] second = clientUploadsPart(s, 2, 100);
        List<UploadedPart> all =
                uploads.parts(alice, ACME, s.handle(), s.fileId().value());
        List<ClaimedPart> mixed = List.of(
                new ClaimedPart(2, all.get(1).etag()),
                new ClaimedPart(1, all.get(0).etag().replace("\"", "")));
        uploads.complete(alice, ACME, s.handle(), s.fileId().value(), mixed);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(first);
        whole.writeBytes(second);
        assertArrayEquals(whole.toByteArray(), served(s.fileId().value()));
    }

    @Test
    void anotherUsersOrTenantsHandleOrKeyIsRefusedOnEveryRouteAsIfAbsent() {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        Started other = start();
        Caller bob = new Caller("bob", Optional.of(ACME), Set.of(Role.UPLOADER));
        OrgId globex = OrgId.of("globex");
        Caller mallory = new Caller("mallory", Optional.of(globex), Set.of(Role.UPLOADER));
        String key = s.fileId().value();
        List<ClaimedPart> parts = List.of(new ClaimedPart(1, "x"));
        record Attempt(Caller caller, OrgId org, String handle, String key) {}
        List<Attempt> attempts = List.of(
                new Attempt(bob, ACME, s.handle(), key),
                new Attempt(mallory, globex, s.handle(), key),
                new Attempt(alice, ACME, other.handle(), key),
                new Attempt(alice, ACME, s.handle(), other.fileId().value()),
                new Attempt(alice, ACME, "", key),
                new Attempt(alice, ACME, null, key),
                new Attempt(alice, ACME, s.handle(), "../" + key));
        for (Attempt a : attempts) {
            List<Executable> routes = List.of(
                    () -> uploads.signPart(a.caller(), a.org(), a.handle(), a.key(), 2, Audience.PUBLIC),
                    () -> uploads.parts(a.caller(), a.org(), a.handle(), a.key()),
                    () -> uploads.complete(a.caller(), a.org(), a.handle(), a.key(), parts),
                    () -> uploads.abort(a.caller(), a.org(), a.handle(), a.key()));
            for (Executable route : routes) {
                assertThrows(FileNotFound.class, route::execute, a.toString());
            }
        }
        assertThrows(
                AccessDenied.class,
                () -> uploads.parts(mallory, ACME, s.handle(), key),
                "another tenant's org in the path is refused by the tenant check");
        assertEquals(1, uploads.parts(alice, ACME, s.handle(), key).size(), "still alice's, untouched");
    }

    @Test
    void partNumbersOutsideOneToTenThousandAreRefused() {
        Started s = start();
        for (int n : new int[] {0, -1, 10_001, Integer.MAX_VALUE}) {
            PolicyViolation e = assertThrows(
                    PolicyViolation.class,
                    () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), n, Audience.PUBLIC));
            assertEquals(PolicyViolation.Kind.INVALID_REQUEST, e.kind());
        }
        assertEquals(1, multipart.openCount(), "a bad number is the client's mistake, not a reason to abort");
    }

    @Test
    void aPartBeyondWhatTheSizeLimitAllowsIsRefusedAndTheUploadAborted() {
        Started s = start();
        // 12 MiB in parts of at least 5 MiB but the last: at most 3 parts
        SignedRequest third =
                uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 3, Audience.PUBLIC);
        assertTrue(third.url().toString().contains("partNumber=3"));
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 4, Audience.PUBLIC));
        assertEquals(PolicyViolation.Kind.TOO_LARGE, e.kind());
        assertEquals(0, multipart.openCount());
        assertThrows(
                FileNotFound.class,
                () -> uploads.parts(alice, ACME, s.handle(), s.fileId().value()));
    }

    @Test
    void oncePartsUploadedExceedTheLimitNoFurtherPartIsSignedAndTheUploadIsAborted() {
        Started s = start();
        clientUploadsPart(s, 1, 13 * MIB); // one part may be as large as the store allows
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 2, Audience.PUBLIC));
        assertEquals(PolicyViolation.Kind.TOO_LARGE, e.kind());
        assertEquals(0, multipart.openCount());
    }

    @Test
    void partsSummingBeyondTheLimitAreRefusedOnCompletionWithNothingLeft() {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        clientUploadsPart(s, 2, 5 * MIB);
        clientUploadsPart(s, 3, 3 * MIB);
        List<UploadedPart> listed =
                uploads.parts(alice, ACME, s.handle(), s.fileId().value());
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> uploads.complete(alice, ACME, s.handle(), s.fileId().value(), claims(listed)));
        assertEquals(PolicyViolation.Kind.TOO_LARGE, e.kind());
        assertEquals(0, multipart.openCount());
        assertTrue(store.objects.isEmpty());
    }

    @Test
    void aPartNamedWithAnotherETagOrNotUploadedOrTwiceIsRefusedAndTheUploadStaysOpen() {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        String etag = uploads.parts(alice, ACME, s.handle(), s.fileId().value())
                .get(0)
                .etag();
        for (List<ClaimedPart> wrong : List.of(
                List.of(new ClaimedPart(1, "\"0123\"")),
                List.of(new ClaimedPart(1, etag), new ClaimedPart(2, etag)),
                List.of(new ClaimedPart(1, etag), new ClaimedPart(1, etag)),
                List.<ClaimedPart>of())) {
            PolicyViolation e = assertThrows(
                    PolicyViolation.class,
                    () -> uploads.complete(alice, ACME, s.handle(), s.fileId().value(), wrong));
            assertEquals(PolicyViolation.Kind.INVALID_REQUEST, e.kind(), wrong.toString());
        }
        assertEquals(1, multipart.openCount());
        assertEquals(
                1, uploads.parts(alice, ACME, s.handle(), s.fileId().value()).size());
    }

    @Test
    void aNonLastPartTooSmallForTheStoreIsRefusedAsTheClientsMistake() {
        Started s = start();
        clientUploadsPart(s, 1, 100);
        clientUploadsPart(s, 2, 100);
        List<UploadedPart> listed =
                uploads.parts(alice, ACME, s.handle(), s.fileId().value());
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> uploads.complete(alice, ACME, s.handle(), s.fileId().value(), claims(listed)));
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, e.kind());
    }

    @Test
    void contentContradictingItsTypeIsDeletedAndTheUploadEnded() {
        Started s = start();
        uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 1, Audience.PUBLIC);
        String id = ledger.find("files", location(s).key()).orElseThrow().multipartId();
        multipart.uploadPart(location(s), id, 1, "<html><script>alert(1)</script>".getBytes());
        List<UploadedPart> listed =
                uploads.parts(alice, ACME, s.handle(), s.fileId().value());
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> uploads.complete(alice, ACME, s.handle(), s.fileId().value(), claims(listed)));
        assertEquals(PolicyViolation.Kind.TYPE_MISMATCH, e.kind());
        assertTrue(store.objects.isEmpty());
        assertThrows(
                FileNotFound.class,
                () -> uploads.complete(alice, ACME, s.handle(), s.fileId().value(), claims(listed)),
                "a refused upload is not served by completing again");
    }

    @Test
    void completingAgainAnswersTheSameFile() {
        Started s = start();
        clientUploadsPart(s, 1, 1000);
        List<ClaimedPart> parts =
                claims(uploads.parts(alice, ACME, s.handle(), s.fileId().value()));
        StoredFile first = uploads.complete(alice, ACME, s.handle(), s.fileId().value(), parts);
        StoredFile again = uploads.complete(alice, ACME, s.handle(), s.fileId().value(), parts);
        assertEquals(first.id(), again.id());
        assertEquals(first.size(), again.size());
    }

    @Test
    void abortLeavesNothingAndAbortingAgainChangesNothing() {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        uploads.abort(alice, ACME, s.handle(), s.fileId().value());
        assertEquals(0, multipart.openCount());
        assertTrue(store.objects.isEmpty());
        uploads.abort(alice, ACME, s.handle(), s.fileId().value());
        assertThrows(
                FileNotFound.class,
                () -> uploads.parts(alice, ACME, s.handle(), s.fileId().value()));
        assertThrows(
                FileNotFound.class,
                () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 2, Audience.PUBLIC));
    }

    @Test
    void aTypeOutsideTheAllowListOrAnUnsafeNameStartsNothing() {
        assertThrows(
                PolicyViolation.class,
                () -> uploads.start(alice, ACME, new UploadRequest("a.html", "text/html", OptionalLong.empty())));
        assertThrows(
                PolicyViolation.class,
                () -> uploads.start(alice, ACME, new UploadRequest("../a.png", "image/png", OptionalLong.empty())));
        assertEquals(0, multipart.openCount());
        assertTrue(ledger.list("files", "orgs/").isEmpty());
    }

    @Test
    void onlyServiceCallersGetPartUrlsForTheInternalEndpoint() {
        Started s = start();
        assertThrows(
                AccessDenied.class,
                () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 1, Audience.INTERNAL));
    }

    @Test
    void thePartUrlNeverOutlivesTheUpload() {
        Started s = start();
        SignedRequest part =
                uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 1, Audience.PUBLIC);
        assertFalse(
                part.expiresAt().isAfter(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5)));
    }

    @Test
    void theMostPartsAreBoundedByTheSmallestPartTheStoreAccepts() {
        assertEquals(1, ResumableUploads.maxParts(5L * MIB));
        assertEquals(2, ResumableUploads.maxParts(5L * MIB + 1));
        assertEquals(410, ResumableUploads.maxParts(2048L * MIB));
        assertEquals(10_000, ResumableUploads.maxParts(5L * 1024 * 1024 * 1024 * 1024));
    }

    @Test
    void anUploadThatKeepsMovingOutlivesItsIdleTimeAndOneLeftIdleDoesNot() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        ResumableUploads timed = uploads(
                new InMemoryMultipartUploads(store, clock),
                policy,
                new MultipartPolicy(
                        DataSize.parse("8MiB"), DataSize.parse("100MiB"), Duration.ofMinutes(10), Duration.ofHours(1)),
                new StorageKeyGenerator(clock, UUID::randomUUID),
                false);
        Started s = timed.start(alice, ACME, new UploadRequest("slow.png", "image/png", OptionalLong.empty()));
        for (int i = 0; i < 5; i++) { // five hours, a part signed every 40 minutes
            clock.advance(Duration.ofMinutes(40));
            timed.signPart(alice, ACME, s.handle(), s.fileId().value(), 1, Audience.PUBLIC); // still alive
        }
        clock.advance(Duration.ofMinutes(61));
        assertThrows(
                FileNotFound.class,
                () -> timed.signPart(alice, ACME, s.handle(), s.fileId().value(), 2, Audience.PUBLIC),
                "an hour without a part: abandoned");
    }

    @Test
    void reSigningAnEarlyPartOnceTheUploadHoldsMoreThanItsLimitAbortsIt() {
        Started s = start();
        clientUploadsPart(s, 1, 13 * MIB); // one URL, one oversized part: the store takes it
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 1, Audience.PUBLIC));
        assertEquals(PolicyViolation.Kind.TOO_LARGE, e.kind());
        assertEquals(0, multipart.openCount(), "no keeping an oversized upload alive by signing part 1 again");
    }

    @Test
    void partsAreSignedOnlyAFewAheadOfWhatWasUploaded() {
        ResumableUploads wide =
                uploads(multipart, large, MultipartPolicy.defaults(), StorageKeyGenerator.systemDefault(), false);
        Started s = wide.start(alice, ACME, new UploadRequest("wide.png", "image/png", OptionalLong.empty()));
        wide.signParts(
                alice,
                ACME,
                s.handle(),
                s.fileId().value(),
                IntStream.rangeClosed(1, ResumableUploads.LOOKAHEAD).boxed().toList(),
                Audience.PUBLIC);
        PolicyViolation e = assertThrows(
                PolicyViolation.class,
                () -> wide.signPart(
                        alice, ACME, s.handle(), s.fileId().value(), ResumableUploads.LOOKAHEAD + 1, Audience.PUBLIC));
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, e.kind());
        assertEquals(1, multipart.openCount(), "the client's mistake: the upload stays");
    }

    @Test
    void aDeploymentThatNeedsASha256WithEveryDirectUploadStartsNoMultipartUpload() {
        ResumableUploads strict =
                uploads(multipart, policy, MultipartPolicy.defaults(), StorageKeyGenerator.systemDefault(), true);
        assertThrows(
                PolicyViolation.class,
                () -> strict.start(alice, ACME, new UploadRequest("a.png", "image/png", OptionalLong.empty())));
        assertEquals(0, multipart.openCount());
    }

    @Test
    void anUploadAbortedWhileAPartWasBeingSignedGetsNoMoreUrls() {
        Started s = start();
        clientUploadsPart(s, 1, 5 * MIB);
        String id = ledger.find("files", location(s).key()).orElseThrow().multipartId();
        multipart.abort(location(s), id); // another replica aborted it; this one's entry is not closed yet
        assertThrows(
                FileNotFound.class,
                () -> uploads.signPart(alice, ACME, s.handle(), s.fileId().value(), 2, Audience.PUBLIC));
    }

    @Test
    void tinyPartsEarnNoMorePartUrls() {
        ResumableUploads wide =
                uploads(multipart, large, MultipartPolicy.defaults(), StorageKeyGenerator.systemDefault(), false);
        Started s = wide.start(alice, ACME, new UploadRequest("ladder.png", "image/png", OptionalLong.empty()));
        String id = ledger.find("files", location(s).key()).orElseThrow().multipartId();
        wide.signPart(alice, ACME, s.handle(), s.fileId().value(), ResumableUploads.LOOKAHEAD, Audience.PUBLIC);
        multipart.uploadPart(location(s), id, ResumableUploads.LOOKAHEAD, new byte[1]); // one byte in the top part
        assertThrows(
                PolicyViolation.class,
                () -> wide.signPart(
                        alice, ACME, s.handle(), s.fileId().value(), ResumableUploads.LOOKAHEAD + 1, Audience.PUBLIC),
                "a byte is not a part's worth: the ladder does not climb");
    }

    @Test
    void theFilesCompleteRouteKnowsNoMultipartUpload() {
        Started s = start();
        UploadCompletion completion =
                new UploadCompletion(store, ledger, tenancy, new AccessPolicy(false), Clock.systemUTC());
        Caller bob = new Caller("bob", Optional.of(ACME), Set.of(Role.UPLOADER));
        assertThrows(
                FileNotFound.class,
                () -> completion.complete(bob, ACME, s.fileId().value()));
    }
}
