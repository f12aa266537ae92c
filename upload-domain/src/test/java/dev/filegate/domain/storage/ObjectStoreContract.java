package dev.filegate.domain.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} does, run against each implementation (the in-memory fake the domain's tests use,
 * the S3 adapter on a real S3 server): a subclass supplies a fresh, empty store per test. Where the two disagree,
 * the fake would let the domain's tests pass against a store that behaves otherwise in production.
 */
public abstract class ObjectStoreContract {

    protected static final String BUCKET = "contract-files";
    protected static final String MISSING_BUCKET = "contract-nowhere";
    protected static final OrgId ACME = OrgId.of("acme");
    protected static final OrgId GLOBEX = OrgId.of("globex");

    private static final byte[] HELLO = "hello, contract".getBytes();

    private ObjectStore store;

    /** A fresh, empty store; called before each test. */
    protected abstract ObjectStore newStore() throws Exception;

    /** Writes begun in {@code bucket} and neither completed nor abandoned (S3: open multipart uploads). */
    protected abstract List<String> unfinishedWrites(String bucket) throws Exception;

    /** A body length the store writes in several pieces when it arrives without one (S3: more than two parts). */
    protected int severalPieces() {
        return 11 * 1024 * 1024;
    }

    @BeforeEach
    final void freshStore() throws Exception {
        store = newStore();
    }

    protected static ObjectLocation file(OrgId org, int n) {
        return new ObjectLocation(
                BUCKET, StorageKey.of(org, new FileId(String.format("2026-01-00000000-0000-4000-8000-%012d.bin", n))));
    }

    private static NewObject validated(String filename, long length) {
        return new NewObject("application/pdf", filename, "alice", OptionalLong.of(length));
    }

    private StoredObject put(ObjectLocation at, NewObject object, byte[] bytes) throws IOException {
        return store.put(at, object, new ByteArrayInputStream(bytes));
    }

    private StoredObject put(ObjectLocation at, byte[] bytes) throws IOException {
        return put(at, validated("report.pdf", bytes.length), bytes);
    }

    private static ObjectRead.Content content(ObjectRead read) {
        return assertInstanceOf(ObjectRead.Content.class, read);
    }

    private static byte[] bytes(ObjectRead read) throws IOException {
        try (InputStream in = content(read).body()) {
            return in.readAllBytes();
        }
    }

    private byte[] stored(ObjectLocation at) throws IOException {
        return bytes(store.get(at, ReadConditions.none()));
    }

    private static ReadConditions range(String header) {
        return ReadConditions.fromHeaders(header, null);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** {@code bytes}, then {@code failure} instead of the rest. */
    private static InputStream failingAfter(byte[] bytes, IOException failure) {
        return new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next == bytes.length) {
                    throw failure;
                }
                return bytes[next++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (next == bytes.length) {
                    throw failure;
                }
                int n = Math.min(len, bytes.length - next);
                System.arraycopy(bytes, next, b, off, n);
                next += n;
                return n;
            }
        };
    }

    private static void assertCausedBy(Throwable cause, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == cause) {
                return;
            }
        }
        fail("expected the body's failure (or one caused by it), got " + thrown);
    }

    @Test
    void aStoredObjectReadsBackWithItsTypeMetadataAndEntityTag() throws IOException {
        ObjectLocation at = file(ACME, 1);
        StoredObject written = put(at, HELLO);
        assertEquals(at.key(), written.key());
        assertEquals(HELLO.length, written.size());
        assertEquals("application/pdf", written.contentType());
        assertEquals("report.pdf", written.filename());
        assertEquals("alice", written.uploadedBy());
        assertNotNull(written.etag());

        StoredObject head = store.head(at).orElseThrow();
        assertEquals(written.key(), head.key());
        assertEquals(written.size(), head.size());
        assertEquals(written.contentType(), head.contentType());
        assertEquals(written.etag(), head.etag(), "the entity tag a write reports is the one the store keeps");
        assertEquals(written.filename(), head.filename());
        assertEquals(written.uploadedBy(), head.uploadedBy());
        assertNotNull(head.lastModified());

        ObjectRead.Content read = content(store.get(at, ReadConditions.none()));
        assertFalse(read.partial());
        assertEquals(HELLO.length, read.contentLength());
        assertEquals(head, read.object(), "a read describes the object as a HEAD does");
        assertArrayEquals(HELLO, bytes(read));
    }

    @Test
    void emptyObjectsOfKnownLengthAreStoredAndLeaveTheStoreUsableForOtherWritesAtTheSameTime() throws Exception {
        // Empty bodies of declared length 0, written by several callers at once, once left the S3 adapter's pooled
        // connections unusable: other tenants' writes beside them failed as store failures.
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writes.add(pool.submit(() -> put(file(ACME, n), new byte[0])));
                if (i % 4 == 0) {
                    writes.add(pool.submit(() -> put(file(GLOBEX, n), HELLO)));
                }
            }
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(new byte[0], stored(file(ACME, 39)));
        assertArrayEquals(HELLO, stored(file(GLOBEX, 36)));
    }

    @Test
    void metadataSurvivesAnyCharacterAndAnUnvalidatedObjectHasNoFilename() throws IOException {
        ObjectLocation validated = file(ACME, 1);
        store.put(
                validated,
                new NewObject("text/plain", "Grüße, 日本 & 100%.txt", "jürgen@example.com", OptionalLong.empty()),
                new ByteArrayInputStream(HELLO));
        StoredObject head = store.head(validated).orElseThrow();
        assertEquals("text/plain", head.contentType());
        assertEquals("Grüße, 日本 & 100%.txt", head.filename());
        assertEquals("jürgen@example.com", head.uploadedBy());

        ObjectLocation unvalidated = file(ACME, 2).incomingArea();
        put(unvalidated, NewObject.unvalidated("image/png", "alice", OptionalLong.of(HELLO.length)), HELLO);
        assertNull(store.head(unvalidated).orElseThrow().filename());
        assertEquals("alice", store.head(unvalidated).orElseThrow().uploadedBy());
    }

    @Test
    void writingAgainReplacesTheObject() throws IOException {
        ObjectLocation at = file(ACME, 1);
        StoredObject first = put(at, HELLO);
        byte[] other = "another body, longer than the first".getBytes();
        put(at, new NewObject("text/plain", "notes.txt", "bob", OptionalLong.of(other.length)), other);
        StoredObject head = store.head(at).orElseThrow();
        assertEquals(other.length, head.size());
        assertEquals("text/plain", head.contentType());
        assertEquals("notes.txt", head.filename());
        assertNotEquals(first.etag(), head.etag());
        assertArrayEquals(other, stored(at));
    }

    @Test
    void aMissingObjectHasNoHeadAndReadsAsMissingAlsoInABucketThatDoesNotExist() throws IOException {
        put(file(ACME, 1), HELLO);
        assertEquals(Optional.empty(), store.head(file(ACME, 2)));
        assertInstanceOf(ObjectRead.Missing.class, store.get(file(ACME, 2), ReadConditions.none()));
        ObjectLocation nowhere =
                new ObjectLocation(MISSING_BUCKET, file(ACME, 1).key());
        assertEquals(Optional.empty(), store.head(nowhere));
        assertInstanceOf(ObjectRead.Missing.class, store.get(nowhere, ReadConditions.none()));
    }

    @Test
    void aRangeReadsOnlyThoseBytesAndSaysWhichOfHowMany() throws IOException {
        ObjectLocation at = file(ACME, 1);
        put(at, HELLO);
        ObjectRead.Content read = content(store.get(at, range("bytes=2-5")));
        assertTrue(read.partial());
        assertEquals("bytes 2-5/" + HELLO.length, read.contentRange());
        assertEquals(4, read.contentLength());
        assertEquals(HELLO.length, read.object().size(), "the size is still the whole object's");
        assertArrayEquals("llo,".getBytes(), bytes(read));
    }

    @Test
    void aSuffixRangeReadsTheLastBytesAndAnOpenRangeReadsToTheEnd() throws IOException {
        ObjectLocation at = file(ACME, 1);
        put(at, HELLO);
        ObjectRead.Content suffix = content(store.get(at, range("bytes=-4")));
        assertEquals(
                "bytes " + (HELLO.length - 4) + "-" + (HELLO.length - 1) + "/" + HELLO.length, suffix.contentRange());
        assertArrayEquals("ract".getBytes(), bytes(suffix));
        ObjectRead.Content open = content(store.get(at, range("bytes=7-")));
        assertEquals("bytes 7-" + (HELLO.length - 1) + "/" + HELLO.length, open.contentRange());
        assertArrayEquals("contract".getBytes(), bytes(open));
        // RFC 9110: a last position past the end means the end, however large it is written.
        for (String last : List.of(String.valueOf(HELLO.length + 5), "9223372036854775807")) {
            ObjectRead.Content past = content(store.get(at, range("bytes=7-" + last)));
            assertEquals("bytes 7-" + (HELLO.length - 1) + "/" + HELLO.length, past.contentRange());
            assertArrayEquals("contract".getBytes(), bytes(past));
        }
    }

    @Test
    void aRangeStartingPastTheEndIsNotSatisfiableAndSaysTheSize() throws IOException {
        ObjectLocation at = file(ACME, 1);
        put(at, HELLO);
        ObjectRead read = store.get(at, range("bytes=" + (HELLO.length + 5) + "-"));
        assertEquals(new ObjectRead.RangeNotSatisfiable(HELLO.length), read);
    }

    @Test
    void anIfNoneMatchNamingTheEntityTagIsNotModifiedAndAnyOtherReadsTheBytes() throws IOException {
        ObjectLocation at = file(ACME, 1);
        String etag = put(at, HELLO).etag();
        ObjectRead current = store.get(at, ReadConditions.fromHeaders(null, etag));
        assertEquals(new ObjectRead.NotModified(etag), current);
        ObjectRead stale = store.get(at, ReadConditions.fromHeaders(null, "\"not-the-current-one\""));
        assertArrayEquals(HELLO, bytes(stale));
    }

    @Test
    void aCopyCarriesTheNewTypeAndMetadataNotTheSources() throws IOException {
        ObjectLocation incoming = file(ACME, 1).incomingArea();
        String etag = put(
                        incoming,
                        new NewObject("text/html", "client-chose.html", "mallory", OptionalLong.of(HELLO.length)),
                        HELLO)
                .etag();
        ObjectLocation target = file(ACME, 1);
        StoredObject copy = store.copy(incoming, target, validated("report.pdf", HELLO.length), etag);
        StoredObject head = store.head(target).orElseThrow();
        assertEquals(head, copy, "the copy as stored");
        assertEquals("application/pdf", head.contentType());
        assertEquals("report.pdf", head.filename());
        assertEquals("alice", head.uploadedBy());
        assertArrayEquals(HELLO, stored(target));
        StoredObject source = store.head(incoming).orElseThrow();
        assertEquals("text/html", source.contentType(), "the source is left as it was");
        assertEquals("client-chose.html", source.filename());
    }

    @Test
    void aCopyOntoItselfRewritesItsMetadataAndKeepsItsBytes() throws IOException {
        ObjectLocation at = file(ACME, 1);
        String etag = put(at, NewObject.unvalidated("application/pdf", "svc", OptionalLong.of(HELLO.length)), HELLO)
                .etag();
        StoredObject sealed = store.copy(at, at, validated("report.pdf", HELLO.length), etag);
        assertEquals("report.pdf", sealed.filename());
        StoredObject head = store.head(at).orElseThrow();
        assertEquals("report.pdf", head.filename());
        assertEquals("alice", head.uploadedBy());
        assertArrayEquals(HELLO, stored(at));
    }

    @Test
    void copyingAnObjectThatIsNotThereCopiesNothingAndSaysTheObjectChanged() throws IOException {
        String etag = put(file(ACME, 1), HELLO).etag();
        assertThrows(
                ObjectChanged.class,
                () -> store.copy(file(ACME, 2), file(ACME, 3), validated("report.pdf", HELLO.length), etag));
        assertEquals(Optional.empty(), store.head(file(ACME, 3)));
    }

    @Test
    void aCopyCopiesOnlyTheObjectItNamesByEntityTagAndNothingOfOneWrittenSince() throws IOException {
        ObjectLocation incoming = file(ACME, 1).incomingArea();
        ObjectLocation target = file(ACME, 1);
        String checked = put(incoming, HELLO).etag();
        byte[] other = "other bytes, put again".getBytes();
        String current = put(incoming, other).etag();
        assertNotEquals(checked, current);

        assertThrows(
                ObjectChanged.class,
                () -> store.copy(incoming, target, validated("report.pdf", HELLO.length), checked),
                "the object named is no longer there");
        assertEquals(Optional.empty(), store.head(target), "nothing was copied");

        StoredObject copy = store.copy(incoming, target, validated("report.pdf", other.length), unquoted(current));
        assertArrayEquals(other, stored(target), "the object named is copied, its tag quoted or not");
        assertEquals(other.length, copy.size());
    }

    @Test
    void aSealOntoItselfNamingAReplacedObjectLeavesTheReplacementUnsealed() throws IOException {
        ObjectLocation at = file(ACME, 1);
        String checked = put(at, NewObject.unvalidated("application/pdf", "svc", OptionalLong.of(HELLO.length)), HELLO)
                .etag();
        byte[] unchecked = "written after the check".getBytes();
        put(at, NewObject.unvalidated("application/pdf", "svc", OptionalLong.of(unchecked.length)), unchecked);

        assertThrows(ObjectChanged.class, () -> store.copy(at, at, validated("report.pdf", HELLO.length), checked));
        StoredObject head = store.head(at).orElseThrow();
        assertNull(head.filename(), "the bytes nobody checked are not sealed");
        assertArrayEquals(unchecked, stored(at));
    }

    @Test
    void aReadNamingAnEntityTagReadsOnlyThatObject() throws IOException {
        ObjectLocation at = file(ACME, 1);
        String first = put(at, HELLO).etag();
        byte[] other = "other bytes, put again".getBytes();
        String current = put(at, other).etag();

        assertThrows(
                ObjectChanged.class, () -> store.get(at, ReadConditions.none().onlyIfMatch(first)));
        assertThrows(ObjectChanged.class, () -> store.get(at, range("bytes=0-3").onlyIfMatch(first)));
        ObjectRead read = store.get(at, ReadConditions.none().onlyIfMatch(current));
        assertEquals(current, content(read).object().etag());
        assertArrayEquals(other, bytes(read));
        assertArrayEquals(
                "othe".getBytes(), bytes(store.get(at, range("bytes=0-3").onlyIfMatch(unquoted(current)))));
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    @Test
    void deleteReportsWhetherTheObjectExisted() throws IOException {
        ObjectLocation at = file(ACME, 1);
        put(at, HELLO);
        assertTrue(store.delete(at), "there was an object to delete");
        assertEquals(Optional.empty(), store.head(at));
        assertFalse(store.delete(at), "deleting it again deletes nothing");
        assertFalse(store.delete(file(ACME, 2)), "nor does deleting what never was");
    }

    @Test
    void deletingInABucketThatDoesNotExistDeletesNothing() {
        assertFalse(
                store.delete(new ObjectLocation(MISSING_BUCKET, file(ACME, 1).key())));
    }

    @Test
    void aListingPagesThroughTheObjectsInKeyOrder() throws IOException {
        List<StorageKey> expected = new ArrayList<>();
        for (int n : new int[] {4, 1, 5, 3, 2}) {
            put(file(ACME, n), HELLO);
        }
        for (int n = 1; n <= 5; n++) {
            expected.add(file(ACME, n).key());
        }
        List<StorageKey> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ObjectPage page = store.list(BUCKET, StorageKey.prefixOf(ACME), cursor, 2);
            assertTrue(page.objects().size() <= 2, "a page holds at most the limit");
            page.objects().forEach(o -> listed.add(o.key()));
            cursor = page.nextCursor();
            assertTrue(++pages <= 5, "the listing ends");
        } while (cursor != null);
        assertEquals(expected, listed);
        assertTrue(pages >= 3, "five objects, two a page");
    }

    @Test
    void aListingDescribesEachObjectAsAHeadDoes() throws IOException {
        ObjectLocation at = file(ACME, 1);
        put(at, HELLO);
        ObjectPage page = store.list(BUCKET, StorageKey.prefixOf(ACME), null, 10);
        assertEquals(List.of(store.head(at).orElseThrow()), page.objects());
        assertNull(page.nextCursor());
    }

    @Test
    void aListingShowsOnlyTheFilesAreaUnderItsPrefix() throws IOException {
        put(file(ACME, 1), HELLO);
        put(file(ACME, 2).incomingArea(), HELLO);
        put(file(GLOBEX, 3), HELLO);
        assertEquals(
                List.of(file(ACME, 1).key()),
                store.list(BUCKET, StorageKey.prefixOf(ACME), null, 10).objects().stream()
                        .map(StoredObject::key)
                        .toList());
        assertEquals(
                List.of(file(ACME, 1).key(), file(GLOBEX, 3).key()),
                store.list(BUCKET, "", null, 10).objects().stream()
                        .map(StoredObject::key)
                        .toList(),
                "the incoming area is never listed");
    }

    @Test
    void aListingOfABucketThatDoesNotExistIsEmpty() {
        assertEquals(new ObjectPage(List.of(), null), store.list(MISSING_BUCKET, "", null, 10));
    }

    @Test
    void aBodyThatFailsLeavesNoObjectBehind() throws Exception {
        ObjectLocation at = file(ACME, 1);
        IOException failure = new IOException("the client hung up");
        Exception thrown = assertThrows(
                Exception.class,
                () -> store.put(at, validated("report.pdf", 4000), failingAfter(random(1000), failure)));
        assertCausedBy(failure, thrown);
        assertEquals(Optional.empty(), store.head(at));
        assertEquals(List.of(), unfinishedWrites(BUCKET));
    }

    @Test
    void aBodyOfUnknownLengthThatFailsAfterSeveralPiecesLeavesNoObjectAndNoUnfinishedWrite() throws Exception {
        ObjectLocation at = file(ACME, 1);
        IOException failure = new IOException("the client hung up");
        Exception thrown = assertThrows(
                Exception.class,
                () -> store.put(
                        at,
                        new NewObject("application/pdf", "report.pdf", "alice", OptionalLong.empty()),
                        failingAfter(random(severalPieces()), failure)));
        assertCausedBy(failure, thrown);
        assertEquals(Optional.empty(), store.head(at));
        assertEquals(List.of(), unfinishedWrites(BUCKET));
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsRefusedAndLeavesNoObject() throws Exception {
        ObjectLocation at = file(ACME, 1);
        PolicyViolation refused = assertThrows(
                PolicyViolation.class,
                () -> store.put(at, validated("report.pdf", 4000), new ByteArrayInputStream(random(1000))));
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, refused.kind());
        assertEquals(Optional.empty(), store.head(at));
        assertEquals(List.of(), unfinishedWrites(BUCKET));
    }

    @Test
    void aBodyOfUnknownLengthIsStoredWholeWhetherShortOrOfSeveralPieces() throws Exception {
        NewObject unknownLength = new NewObject("application/pdf", "report.pdf", "alice", OptionalLong.empty());
        ObjectLocation small = file(ACME, 1);
        assertEquals(
                HELLO.length,
                store.put(small, unknownLength, new ByteArrayInputStream(HELLO)).size());
        assertArrayEquals(HELLO, stored(small));

        ObjectLocation large = file(ACME, 2);
        byte[] body = random(severalPieces());
        StoredObject written = store.put(large, unknownLength, new ByteArrayInputStream(body));
        assertEquals(body.length, written.size());
        StoredObject head = store.head(large).orElseThrow();
        assertEquals(body.length, head.size());
        assertEquals(written.etag(), head.etag());
        assertEquals("report.pdf", head.filename());
        assertArrayEquals(body, stored(large));
        assertEquals(List.of(), unfinishedWrites(BUCKET));
    }
}
