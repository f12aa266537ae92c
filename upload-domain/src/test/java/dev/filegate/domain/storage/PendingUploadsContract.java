package dev.filegate.domain.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.tenant.OrgId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PendingUploads} ledger does, run against each implementation (a subclass supplies a fresh, empty
 * ledger whose {@link #BUCKET} exists, per test): entries read back, and the ledger pages in key order.
 */
public abstract class PendingUploadsContract {

    protected static final String BUCKET = "contract-ledger";
    protected static final String MISSING_BUCKET = "contract-no-ledger";

    private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00Z");

    private PendingUploads ledger;

    /** A fresh, empty ledger whose {@link #BUCKET} exists; called before each test. */
    protected abstract PendingUploads newLedger() throws Exception;

    @BeforeEach
    final void freshLedger() throws Exception {
        ledger = newLedger();
    }

    private static StorageKey key(String org, int n) {
        return StorageKey.of(OrgId.of(org), new FileId(String.format("2026-05-00000000-0000-4000-8000-%012d.png", n)));
    }

    private StorageKey record(String org, int n) {
        StorageKey key = key(org, n);
        ledger.record(new PendingUpload(
                BUCKET, key, "p" + n + ".png", "image/png", n, null, "alice", CREATED, CREATED.plusSeconds(900)));
        return key;
    }

    private List<List<StorageKey>> pages(String prefix, int limit) {
        List<List<StorageKey>> pages = new ArrayList<>();
        String cursor = null;
        do {
            PendingUploads.Page page = ledger.page(BUCKET, prefix, cursor, limit);
            pages.add(page.entries().stream().map(PendingUpload::key).toList());
            cursor = page.nextCursor();
        } while (cursor != null && pages.size() < 100);
        return pages;
    }

    @Test
    void anEntryReadsBackAsRecordedAndIsGoneOnceRemoved() {
        StorageKey key = record("acme", 1);
        assertEquals(Optional.of("p1.png"), ledger.find(BUCKET, key).map(PendingUpload::filename));
        ledger.remove(BUCKET, key);
        assertEquals(Optional.empty(), ledger.find(BUCKET, key));
    }

    @Test
    void pagesOfAtMostTheLimitWalkEveryEntryOnceInKeyOrder() {
        List<StorageKey> recorded = new ArrayList<>();
        for (int n : new int[] {5, 2, 7, 1, 6, 3, 4}) {
            recorded.add(record("acme", n));
        }
        List<List<StorageKey>> pages = pages("orgs/", 3);
        pages.forEach(p -> assertTrue(p.size() <= 3, "a page holds at most the limit: " + p));
        List<StorageKey> walked = pages.stream().flatMap(List::stream).toList();
        List<StorageKey> inKeyOrder = recorded.stream()
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .toList();
        assertEquals(inKeyOrder, walked);
        assertEquals(List.of(inKeyOrder), pages("orgs/", 10), "one page, however its entries were read");
    }

    @Test
    void onlyTheEntriesUnderTheKeyPrefixAreListed() {
        StorageKey mine = record("acme", 1);
        record("globex", 2);
        assertEquals(List.of(List.of(mine)), pages(StorageKey.prefixOf(OrgId.of("acme")), 10));
        assertEquals(
                List.of(mine),
                ledger.list(BUCKET, StorageKey.prefixOf(OrgId.of("acme"))).stream()
                        .map(PendingUpload::key)
                        .toList());
    }

    @Test
    void theLastPageHasNoCursorAndAnEmptyLedgerIsOneEmptyPage() {
        assertEquals(new PendingUploads.Page(List.of(), null), ledger.page(BUCKET, "orgs/", null, 10));
        record("acme", 1);
        assertNull(ledger.page(BUCKET, "orgs/", null, 10).nextCursor());
    }

    @Test
    void aBucketThatDoesNotExistHoldsNoEntries() {
        assertEquals(new PendingUploads.Page(List.of(), null), ledger.page(MISSING_BUCKET, "orgs/", null, 10));
        assertEquals(List.of(), ledger.list(MISSING_BUCKET, "orgs/"));
        assertEquals(Optional.empty(), ledger.find(MISSING_BUCKET, key("acme", 1)));
    }
}
