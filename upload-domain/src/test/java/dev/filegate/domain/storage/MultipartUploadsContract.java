package dev.filegate.domain.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.MultipartUploads.MultipartRefused;
import dev.filegate.domain.storage.MultipartUploads.OpenUpload;
import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MultipartUploads} does, run against each implementation (the in-memory fake the domain's tests
 * use, the S3 adapter on a real S3 server): a subclass supplies a fresh, empty store per test, the {@link ObjectStore}
 * completed uploads are read from, and a client's part upload. Where the two disagree, the fake would let the
 * domain's tests pass against a store that behaves otherwise in production; the rules are real S3's.
 */
public abstract class MultipartUploadsContract {

    protected static final String MISSING_BUCKET = "contract-nowhere";
    protected static final OrgId ACME = OrgId.of("acme");
    protected static final OrgId GLOBEX = OrgId.of("globex");

    private static final int MIN_PART = (int) MultipartUploads.MIN_PART_SIZE;
    private static final NewObject PDF =
            new NewObject("application/pdf", "Grüße, 日本 & 100%.pdf", "jürgen@example.com", OptionalLong.empty());

    private MultipartUploads uploads;

    /** A fresh, empty store; called before each test. */
    protected abstract MultipartUploads newUploads() throws Exception;

    /** The objects of the store {@link #newUploads()} made: where completed uploads are read. */
    protected abstract ObjectStore objects();

    /** The bucket the uploads go to (it may not exist before the first start). */
    protected abstract String bucket();

    /**
     * What a client does with a signed part URL: sends part {@code partNumber} of upload {@code uploadId} of {@code
     * location}. Fails the test if the store refuses it.
     */
    protected abstract void uploadPart(ObjectLocation location, String uploadId, int partNumber, byte[] bytes)
            throws Exception;

    @BeforeEach
    final void freshStore() throws Exception {
        uploads = newUploads();
    }

    protected ObjectLocation file(OrgId org, int n) {
        return new ObjectLocation(
                bucket(),
                StorageKey.of(org, new FileId(String.format("2026-03-00000000-0000-4000-8000-%012d.bin", n))));
    }

    private static byte[] random(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : pieces) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private byte[] stored(ObjectLocation at) throws IOException {
        ObjectRead read = objects().get(at, ReadConditions.none());
        try (InputStream in = ((ObjectRead.Content) read).body()) {
            return in.readAllBytes();
        }
    }

    private List<UploadedPart> parts(ObjectLocation at, String uploadId) {
        return uploads.parts(at, uploadId).orElseThrow(() -> new AssertionError("the upload should be open"));
    }

    private Set<String> openIds(String prefix) {
        return uploads.open(bucket(), prefix).stream().map(OpenUpload::uploadId).collect(Collectors.toSet());
    }

    private static UploadedPart withEtag(UploadedPart part, String etag) {
        return new UploadedPart(part.number(), etag, part.size());
    }

    /**
     * {@code refused} is refused with a message a client may see, nothing is stored, and the upload is still open
     * with its parts: {@code valid} then completes it to {@code expected}.
     */
    private void assertRefusedAndStillOpen(
            ObjectLocation at, String uploadId, List<UploadedPart> refused, List<UploadedPart> valid, byte[] expected)
            throws IOException {
        List<UploadedPart> before = parts(at, uploadId);
        MultipartRefused refusal = assertThrows(MultipartRefused.class, () -> uploads.complete(at, uploadId, refused));
        assertNotNull(refusal.getMessage());
        assertFalse(refusal.getMessage().isBlank());
        assertFalse(refusal.getMessage().contains(uploadId), "the store's upload id never reaches a client");
        assertEquals(Optional.empty(), objects().head(at), "a refused completion stores nothing");
        assertEquals(before, parts(at, uploadId), "the parts are kept");
        assertTrue(openIds("").contains(uploadId), "the upload stays open");
        uploads.complete(at, uploadId, valid);
        assertArrayEquals(expected, stored(at), "a corrected completion still succeeds");
    }

    @Test
    void aStartedUploadCompletesToItsPartsBytesWithTheTypeAndMetadataGivenAtStart() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        byte[] first = random(MIN_PART, 1);
        byte[] last = random(1000, 2);
        uploadPart(at, uploadId, 1, first);
        uploadPart(at, uploadId, 2, last);
        assertEquals(Optional.empty(), objects().head(at), "no object before completion");

        StoredObject completed = uploads.complete(at, uploadId, parts(at, uploadId));
        assertEquals(at.key(), completed.key());
        assertEquals(MIN_PART + 1000, completed.size());
        assertEquals("application/pdf", completed.contentType());
        assertEquals("Grüße, 日本 & 100%.pdf", completed.filename());
        assertEquals("jürgen@example.com", completed.uploadedBy());
        StoredObject head = objects().head(at).orElseThrow();
        assertEquals(head, completed, "the object as stored");
        assertArrayEquals(concat(first, last), stored(at));

        assertFalse(openIds("").contains(uploadId), "a completed upload is no longer open");
        assertEquals(Optional.empty(), uploads.parts(at, uploadId), "nor has it parts");
    }

    @Test
    void partsAreListedInPartNumberOrderWithTheirSizesAndEntityTags() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        assertEquals(List.of(), parts(at, uploadId), "an upload just started is open with no parts");
        uploadPart(at, uploadId, 3, random(30, 3));
        uploadPart(at, uploadId, 1, random(10, 1));
        uploadPart(at, uploadId, 2, random(20, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        assertEquals(List.of(1, 2, 3), parts.stream().map(UploadedPart::number).toList());
        assertEquals(
                List.of(10L, 20L, 30L), parts.stream().map(UploadedPart::size).toList());
        for (UploadedPart p : parts) {
            assertTrue(
                    p.etag().length() > 2
                            && p.etag().startsWith("\"")
                            && p.etag().endsWith("\""),
                    p.etag());
        }
        assertEquals(3, parts.stream().map(UploadedPart::etag).distinct().count(), "other bytes, other tags");
    }

    @Test
    void aListingOfMoreThanAThousandPartsHasEveryPart() throws Exception {
        // S3 lists at most 1000 parts a page: tiny parts (allowed until completion) make a second page.
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        int count = 1003;
        for (int n = 1; n <= count; n++) {
            uploadPart(at, uploadId, n, new byte[] {(byte) n});
        }
        List<UploadedPart> parts = parts(at, uploadId);
        assertEquals(
                IntStream.rangeClosed(1, count).boxed().toList(),
                parts.stream().map(UploadedPart::number).toList());
        assertTrue(parts.stream().allMatch(p -> p.size() == 1));
    }

    @Test
    void uploadingAPartAgainReplacesIt() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        UploadedPart replaced = parts(at, uploadId).get(0);
        byte[] again = random(MIN_PART + 5, 3);
        uploadPart(at, uploadId, 1, again);
        List<UploadedPart> parts = parts(at, uploadId);
        assertEquals(2, parts.size());
        assertEquals(MIN_PART + 5, parts.get(0).size());
        assertNotEquals(replaced.etag(), parts.get(0).etag());
        assertThrows(
                MultipartRefused.class,
                () -> uploads.complete(at, uploadId, List.of(replaced, parts.get(1))),
                "the replaced part's tag no longer completes");
        uploads.complete(at, uploadId, parts);
        assertArrayEquals(concat(again, random(10, 2)), stored(at));
    }

    @Test
    void entityTagsWithoutTheirQuotesCompleteAsWell() throws Exception {
        // Browser clients (Uppy) send the tags they read from ETag headers, quoted or not, even mixed.
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        uploads.complete(
                at, uploadId, List.of(withEtag(parts.get(0), parts.get(0).etag().replace("\"", "")), parts.get(1)));
        assertArrayEquals(concat(random(MIN_PART, 1), random(10, 2)), stored(at));
    }

    @Test
    void completingWithAnEntityTagThatIsNotThePartsIsRefusedAndTheUploadStaysOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        assertRefusedAndStillOpen(
                at,
                uploadId,
                List.of(withEtag(parts.get(0), parts.get(1).etag()), parts.get(1)),
                parts,
                concat(random(MIN_PART, 1), random(10, 2)));
    }

    @Test
    void completingWithAPartThatWasNeverUploadedIsRefusedAndTheUploadStaysOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        UploadedPart missing = new UploadedPart(3, parts.get(1).etag(), 10);
        assertRefusedAndStillOpen(
                at,
                uploadId,
                List.of(parts.get(0), parts.get(1), missing),
                parts,
                concat(random(MIN_PART, 1), random(10, 2)));
    }

    @Test
    void completingWithThePartsInDescendingOrderIsRefusedAndTheUploadStaysOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(MIN_PART, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        assertRefusedAndStillOpen(
                at,
                uploadId,
                List.of(parts.get(1), parts.get(0)),
                parts,
                concat(random(MIN_PART, 1), random(MIN_PART, 2)));
    }

    @Test
    void completingWithAPartListedTwiceIsRefusedAndTheUploadStaysOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        assertRefusedAndStillOpen(
                at,
                uploadId,
                List.of(parts.get(0), parts.get(0), parts.get(1)),
                parts,
                concat(random(MIN_PART, 1), random(10, 2)));
    }

    @Test
    void completingWithAPartOtherThanTheLastBelowTheMinimumIsRefusedAndTheUploadStaysOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART - 1, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        // Part 1 alone is the last part, which may be small.
        assertRefusedAndStillOpen(at, uploadId, parts, List.of(parts.get(0)), random(MIN_PART - 1, 1));
    }

    @Test
    void completingFromNoPartsIsRefusedAndTheUploadStaysOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(10, 1));
        assertRefusedAndStillOpen(at, uploadId, List.of(), parts(at, uploadId), random(10, 1));
    }

    @Test
    void anUnknownUploadIdHasNoPartsCannotBeAbortedAndCannotBeCompleted() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(10, 1));
        UploadedPart part = parts(at, uploadId).get(0);
        String unknown = "no-such-upload";
        assertEquals(Optional.empty(), uploads.parts(at, unknown));
        assertFalse(uploads.abort(at, unknown));
        assertThrows(MultipartRefused.class, () -> uploads.complete(at, unknown, List.of(part)));
        assertEquals(Optional.empty(), objects().head(at));
        assertEquals(List.of(part), parts(at, uploadId), "the real upload is untouched");
    }

    @Test
    void anUploadIdNamesNoUploadAtAnotherKey() throws Exception {
        ObjectLocation at = file(ACME, 1);
        ObjectLocation other = file(ACME, 2);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(10, 1));
        UploadedPart part = parts(at, uploadId).get(0);
        assertEquals(Optional.empty(), uploads.parts(other, uploadId));
        assertThrows(MultipartRefused.class, () -> uploads.complete(other, uploadId, List.of(part)));
        assertEquals(Optional.empty(), objects().head(other));
        assertEquals(List.of(part), parts(at, uploadId));
    }

    @Test
    void abortingDiscardsThePartsAndTheUploadIsNoLongerOpen() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(10, 1));
        UploadedPart part = parts(at, uploadId).get(0);
        assertTrue(uploads.abort(at, uploadId));
        assertEquals(Optional.empty(), uploads.parts(at, uploadId));
        assertFalse(openIds("").contains(uploadId));
        assertFalse(uploads.abort(at, uploadId), "nothing is left to abort");
        assertThrows(MultipartRefused.class, () -> uploads.complete(at, uploadId, List.of(part)));
        assertEquals(Optional.empty(), objects().head(at));
    }

    @Test
    void openListsTheUploadsUnderThePrefixOnly() throws Exception {
        ObjectLocation first = file(ACME, 1);
        String a1 = uploads.start(first, PDF);
        String a1again = uploads.start(first, PDF);
        String a2 = uploads.start(file(ACME, 2), PDF);
        String g3 = uploads.start(file(GLOBEX, 3), PDF);
        String incoming = uploads.start(file(ACME, 4).incomingArea(), PDF);

        List<OpenUpload> acme = uploads.open(bucket(), StorageKey.prefixOf(ACME));
        assertEquals(
                Set.of(a1, a1again, a2), acme.stream().map(OpenUpload::uploadId).collect(Collectors.toSet()));
        for (OpenUpload u : acme) {
            assertEquals(u.uploadId().equals(a2) ? file(ACME, 2).objectKey() : first.objectKey(), u.objectKey());
            assertNotNull(u.initiated());
        }
        assertEquals(Set.of(g3), openIds(StorageKey.prefixOf(GLOBEX)));
        assertEquals(Set.of(incoming), openIds(ObjectLocation.INCOMING_PREFIX));
        assertEquals(Set.of(a1, a1again, a2, g3, incoming), openIds(""));
        assertEquals(Set.of(), openIds(StorageKey.prefixOf(OrgId.of("initech"))));
    }

    @Test
    void aBucketThatDoesNotExistHoldsNoUploads() {
        ObjectLocation nowhere =
                new ObjectLocation(MISSING_BUCKET, file(ACME, 1).key());
        assertEquals(List.of(), uploads.open(MISSING_BUCKET, ""));
        assertEquals(Optional.empty(), uploads.parts(nowhere, "no-such-upload"));
        assertFalse(uploads.abort(nowhere, "no-such-upload"));
    }

    /**
     * Real S3 (and S3Proxy) answer a repeated completion with the same parts, while the object is as it completed,
     * with the object again: a client whose first answer was lost may retry. Any other completion of a completed
     * upload is refused.
     */
    @Test
    void completingAgainWithTheSamePartsAnswersTheSameObjectAndWithOtherPartsIsRefused() throws Exception {
        ObjectLocation at = file(ACME, 1);
        String uploadId = uploads.start(at, PDF);
        uploadPart(at, uploadId, 1, random(MIN_PART, 1));
        uploadPart(at, uploadId, 2, random(10, 2));
        List<UploadedPart> parts = parts(at, uploadId);
        StoredObject first = uploads.complete(at, uploadId, parts);

        StoredObject again = uploads.complete(at, uploadId, parts);
        assertEquals(first, again, "the same object, not a second one");
        assertArrayEquals(concat(random(MIN_PART, 1), random(10, 2)), stored(at));
        assertThrows(
                MultipartRefused.class,
                () -> uploads.complete(at, uploadId, List.of(parts.get(0))),
                "the completed upload is not completed otherwise");
        assertEquals(first, objects().head(at).orElseThrow(), "and the object is left as it was");
    }
}
