package dev.filegate.domain.usage;

import static dev.filegate.domain.usage.UsageStore.ACME;
import static dev.filegate.domain.usage.UsageStore.GLOBEX;
import static dev.filegate.domain.usage.UsageStore.NOW;
import static dev.filegate.domain.usage.UsageStore.admin;
import static dev.filegate.domain.usage.UsageStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.tenant.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PendingPagesTest {

    private final UsageStore store = new UsageStore();

    /** Every page from the first, {@code limit} at a time: the filenames of each. */
    private static List<List<String>> walk(UsageReport report, Caller caller, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            PendingPage page = report.pending(caller, cursor, limit);
            pages.add(page.uploads().stream().map(PendingSummary::filename).toList());
            cursor = page.nextCursor();
        } while (cursor != null && pages.size() < 1000);
        return pages;
    }

    private static List<String> names(String prefix, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i >= to; i--) {
            names.add(prefix + i);
        }
        return names;
    }

    @Test
    void pendingUploadsArePagedNewestFirstAndTheCursorsWalkEveryOneOnce() {
        for (int i = 1; i <= 25; i++) {
            store.pending(ACME, "p" + i, NOW.plusSeconds(i));
        }
        UsageReport report = store.report();
        report.refresh();
        assertEquals(List.of(names("p", 25, 16), names("p", 15, 6), names("p", 5, 1)), walk(report, admin(ACME), 10));
    }

    @Test
    void uploadsSignedAtTheSameInstantArePagedWithoutLossOrRepeat() {
        for (int i = 1; i <= 25; i++) {
            store.pending(ACME, "same" + i, NOW);
        }
        UsageReport report = store.report();
        report.refresh();
        List<List<String>> pages = walk(report, admin(ACME), 7);
        assertEquals(List.of(7, 7, 7, 4), pages.stream().map(List::size).toList());
        List<String> walked = pages.stream().flatMap(List::stream).sorted().toList();
        assertEquals(names("same", 25, 1).stream().sorted().toList(), walked);
    }

    @Test
    void aCursorContinuesAfterTheSameUploadOnceARefreshHasReplacedTheSnapshot() {
        List<PendingUpload> uploads = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            uploads.add(store.pending(ACME, "p" + i, NOW.plusSeconds(i)));
        }
        UsageReport report = store.report();
        report.refresh();
        PendingPage first = report.pending(admin(ACME), null, 2);
        assertEquals(
                List.of("p6", "p5"),
                first.uploads().stream().map(PendingSummary::filename).toList());

        store.pending(ACME, "newer", NOW.plusSeconds(60));
        store.ledger.remove(uploads.get(3).bucket(), uploads.get(3).key()); // p4 swept meanwhile
        report.refresh();
        PendingPage second = report.pending(admin(ACME), first.nextCursor(), 2);
        assertEquals(
                List.of("p3", "p2"),
                second.uploads().stream().map(PendingSummary::filename).toList());
    }

    @Test
    void aTenantAdminPagesThroughItsOwnPendingUploadsAndAnOperatorThroughEveryTenants() {
        for (int i = 1; i <= 3; i++) {
            store.pending(ACME, "acme" + i, NOW.plusSeconds(2 * i));
            store.pending(GLOBEX, "globex" + i, NOW.plusSeconds(2 * i + 1));
        }
        UsageReport report = store.report();
        report.refresh();
        assertEquals(List.of(List.of("acme3", "acme2"), List.of("acme1")), walk(report, admin(ACME), 2));
        assertEquals(
                List.of(List.of("globex3", "acme3", "globex2", "acme2"), List.of("globex1", "acme1")),
                walk(report, operator(), 4));
        assertFalse(report.pending(admin(ACME), null, 10).allTenants());
        assertTrue(report.pending(operator(), null, 10).allTenants());
        assertEquals(3, report.overview(admin(ACME)).snapshot().orElseThrow().pendingListed());
        assertEquals(6, report.overview(operator()).snapshot().orElseThrow().pendingListed());
    }

    @Test
    void theLimitIsKeptBetweenOneAndTheLargestPage() {
        for (int i = 1; i <= UsageReport.MAX_PAGE + 5; i++) {
            store.pending(ACME, "p" + i, NOW.plusSeconds(i));
        }
        UsageReport report = store.report();
        report.refresh();
        assertEquals(1, report.pending(admin(ACME), null, 0).uploads().size());
        assertEquals(1, report.pending(admin(ACME), null, -5).uploads().size());
        assertEquals(
                UsageReport.MAX_PAGE,
                report.pending(admin(ACME), null, Integer.MAX_VALUE).uploads().size());
    }

    @Test
    void thePageSaysWhichSnapshotAnsweredAndTheLastPageHasNoCursor() {
        store.pending(ACME, "only", NOW);
        UsageReport report = store.report();
        UsageSnapshot snapshot = report.refresh();
        PendingPage page = report.pending(admin(ACME), null, 10);
        assertEquals(Optional.of(snapshot.takenAt()), page.takenAt());
        assertNull(page.nextCursor());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x",
                "not a cursor",
                "%41",
                "MTc4MDMxNTIwMC4wLg", // "1780315200.0." : no tie-break
                "MTc4MDMxNTIwMC4xMDAwMDAwMDAwLjAwMDAwMDAwMDAwMDAwMDA", // a nano of 10^9
                "OTk5OTk5OTk5OTk5OTk5OTkuMC4wMDAwMDAwMDAwMDAwMDAw", // past the last instant
                "MTc4MDMxNTIwMC4wLjAwMDAwMDAwMDAwMDAweno", // a tie-break that is not hex
                "b3Jncy9hY21lL2ZpbGVzLzIwMjYvMDYv", // "orgs/acme/files/2026/06/": a key, not a place
            })
    void aCursorThisServiceDidNotHandOutIsRefused(String cursor) {
        UsageReport report = store.report();
        report.refresh();
        PolicyViolation refused = assertThrows(PolicyViolation.class, () -> report.pending(admin(ACME), cursor, 10));
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, refused.kind());
    }

    @Test
    void anOverlongCursorIsRefusedBeforeItIsDecoded() {
        UsageReport report = store.report();
        assertThrows(PolicyViolation.class, () -> report.pending(admin(ACME), "A".repeat(4096), 10));
    }

    @Test
    void neitherAPageNorItsCursorNamesAPendingUploadsKeyOrFileId() {
        List<PendingUpload> uploads = List.of(
                store.pending(ACME, "a.png", NOW), store.pending(ACME, "b.png", NOW), store.pending(ACME, "c", NOW));
        UsageReport report = store.report();
        report.refresh();
        PendingPage page = report.pending(admin(ACME), null, 2);
        String cursor = new String(Base64.getUrlDecoder().decode(page.nextCursor()), StandardCharsets.US_ASCII);
        for (PendingUpload u : uploads) {
            String name = u.key().value().substring(u.key().value().lastIndexOf('/') + 1);
            String uuid = name.substring(0, 36);
            assertFalse(page.toString().contains(uuid), "the page names " + uuid);
            assertFalse(cursor.contains(uuid) || page.nextCursor().contains(uuid), "the cursor names " + uuid);
        }
        assertTrue(cursor.startsWith(NOW.getEpochSecond() + "."), "a time and a tie-break only: " + cursor);
    }
}
