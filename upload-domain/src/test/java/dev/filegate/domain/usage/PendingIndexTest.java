package dev.filegate.domain.usage;

import static dev.filegate.domain.usage.UsageStore.ACME;
import static dev.filegate.domain.usage.UsageStore.GLOBEX;
import static dev.filegate.domain.usage.UsageStore.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.domain.tenant.OrgId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snapshot's list of pending uploads stays bounded, and drops the oldest first. */
class PendingIndexTest {

    private final UsageStore store = new UsageStore();

    private static List<String> listed(PendingIndex index, Optional<OrgId> tenant) {
        return index.page(tenant, null, 1000).uploads().stream()
                .map(PendingSummary::filename)
                .toList();
    }

    @Test
    void eachTenantListsItsNewestUploadsUpToItsShare() {
        PendingIndex.Builder builder = new PendingIndex.Builder(3, 100);
        for (int i = 1; i <= 5; i++) {
            builder.offer(store.pending(ACME, "acme" + i, NOW.plusSeconds(i)));
        }
        builder.offer(store.pending(GLOBEX, "globex", NOW));
        PendingIndex index = builder.build();
        assertEquals(List.of("acme5", "acme4", "acme3"), listed(index, Optional.of(ACME)));
        assertEquals(List.of("acme5", "acme4", "acme3", "globex"), listed(index, Optional.empty()));
        assertEquals(3, index.size(Optional.of(ACME)));
    }

    @Test
    void oneTenantsBurstPushesNoOtherTenantsUploadsOutOfItsList() {
        PendingIndex.Builder builder = new PendingIndex.Builder(3, 100);
        builder.offer(store.pending(GLOBEX, "globex-old", NOW.minusSeconds(3600)));
        for (int i = 1; i <= 50; i++) {
            builder.offer(store.pending(ACME, "acme" + i, NOW.plusSeconds(i)));
        }
        assertEquals(List.of("globex-old"), listed(builder.build(), Optional.of(GLOBEX)));
    }

    @Test
    void theWholeListKeepsTheNewestUpToItsCapWhicheverTenantTheyBelongTo() {
        PendingIndex.Builder builder = new PendingIndex.Builder(10, 4);
        for (int i = 1; i <= 3; i++) {
            builder.offer(store.pending(ACME, "acme" + i, NOW.plusSeconds(2 * i)));
            builder.offer(store.pending(GLOBEX, "globex" + i, NOW.plusSeconds(2 * i + 1)));
        }
        PendingIndex index = builder.build();
        assertEquals(List.of("globex3", "acme3", "globex2", "acme2"), listed(index, Optional.empty()));
        assertEquals(List.of("acme3", "acme2"), listed(index, Optional.of(ACME)), "its newest, oldest dropped");
    }

    @Test
    void uploadsOfferedInAnyOrderAreListedNewestFirst() {
        PendingIndex.Builder builder = new PendingIndex.Builder();
        for (int i : new int[] {3, 1, 4, 5, 2}) {
            builder.offer(store.pending(ACME, "p" + i, NOW.plusSeconds(i)));
        }
        assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), listed(builder.build(), Optional.of(ACME)));
    }

    @Test
    void anEmptyIndexHasOneEmptyPage() {
        assertEquals(
                new PendingIndex.Slice(List.of(), null),
                new PendingIndex.Builder().build().page(Optional.empty(), null, 10));
    }
}
