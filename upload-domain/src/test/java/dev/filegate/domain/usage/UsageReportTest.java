package dev.filegate.domain.usage;

import static dev.filegate.domain.usage.UsageStore.ACME;
import static dev.filegate.domain.usage.UsageStore.GLOBEX;
import static dev.filegate.domain.usage.UsageStore.NOW;
import static dev.filegate.domain.usage.UsageStore.admin;
import static dev.filegate.domain.usage.UsageStore.caller;
import static dev.filegate.domain.usage.UsageStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private final UsageStore store = new UsageStore();

    private static List<TenantUsage> tenants(UsageOverview overview) {
        return overview.snapshot().orElseThrow().tenants();
    }

    @Test
    void beforeTheFirstRefreshTheOverviewSaysThereIsNoSnapshotYetInsteadOfScanning() {
        store.file(ACME, 10);
        UsageReport report = store.report();
        UsageOverview overview = report.overview(admin(ACME));
        assertEquals(new UsageOverview(false, Optional.empty(), Optional.empty()), overview);
        assertEquals(new PendingPage(true, Optional.empty(), List.of(), null), report.pending(operator(), null, 10));
        assertEquals(0, store.counted.calls(), "no store call before a snapshot exists either");
    }

    @Test
    void onceASnapshotExistsNeitherTheOverviewNorAPageOfPendingUploadsCallsTheStore() {
        store.file(ACME, 10);
        store.file(GLOBEX, 20);
        store.pending(ACME, "a.png", NOW.minusSeconds(60));
        UsageReport report = store.report(true);
        report.refresh();
        assertTrue(store.counted.calls() > 0, "the refresh scanned the store");
        store.counted.reset();

        List<Caller> callers = List.of(admin(ACME), operator(), caller(GLOBEX, Role.ADMIN, Role.OPERATOR));
        for (Caller c : callers) {
            report.overview(c);
            String cursor = report.pending(c, null, 1).nextCursor();
            report.pending(c, cursor, 100);
        }
        assertEquals(0, store.counted.calls(), "answered from the snapshot alone");
    }

    @Test
    void aRefreshReplacesTheSnapshotWithWhatTheStoreHoldsNow() {
        store.file(ACME, 10);
        UsageReport report = store.report();
        UsageSnapshot first = report.refresh();
        store.file(ACME, 32);
        store.pending(ACME, "late.png", NOW);
        assertEquals(
                List.of(new TenantUsage(ACME, 1, 10, 0)),
                tenants(report.overview(admin(ACME))),
                "until the next refresh the overview answers from the last snapshot");

        store.clock.advance(Duration.ofMinutes(5));
        UsageSnapshot second = report.refresh();
        assertTrue(second.takenAt().isAfter(first.takenAt()));
        UsageOverview.Taken taken = report.overview(admin(ACME)).snapshot().orElseThrow();
        assertEquals(second.takenAt(), taken.takenAt());
        assertEquals(List.of(new TenantUsage(ACME, 2, 42, 1)), taken.tenants());
        assertEquals(1, taken.pendingUploads());
    }

    @Test
    void aFailedRefreshKeepsTheLastSnapshotAndSaysWhenItFailedAndWhy() {
        store.file(ACME, 10);
        UsageReport report = store.report();
        UsageSnapshot taken = report.refresh();
        store.clock.advance(Duration.ofMinutes(5));
        store.counted.down(true);
        assertThrows(StoreUnavailable.class, report::refresh);

        UsageOverview overview = report.overview(admin(ACME));
        assertEquals(taken.takenAt(), overview.snapshot().orElseThrow().takenAt());
        assertEquals(
                Optional.of(new RefreshFailure(NOW.plus(Duration.ofMinutes(5)), "store unreachable (test)")),
                overview.lastFailure());

        store.counted.down(false);
        report.refresh();
        assertEquals(Optional.empty(), report.overview(admin(ACME)).lastFailure(), "a good refresh clears it");
    }

    @Test
    void aFirstRefreshThatFailsLeavesNoSnapshotAndSaysSo() {
        UsageReport report = store.report();
        store.counted.down(true);
        assertThrows(StoreUnavailable.class, report::refresh);
        UsageOverview overview = report.overview(operator());
        assertEquals(Optional.empty(), overview.snapshot());
        assertEquals(NOW, overview.lastFailure().orElseThrow().at());
    }

    @Test
    void theSnapshotSaysHowOldItIsAndHowLongItsScanTook() {
        store.file(ACME, 10);
        UsageReport report = store.report();
        UsageSnapshot snapshot = report.refresh();
        assertEquals(NOW, snapshot.takenAt(), "taken when the scan began");
        assertEquals(Duration.ZERO, snapshot.scanTime(), "the test clock stands still during the scan");
        store.clock.advance(Duration.ofSeconds(90));
        assertEquals(
                Duration.ofSeconds(90),
                report.overview(admin(ACME)).snapshot().orElseThrow().age());
    }

    @Test
    void aTenantAdminSeesItsOwnTenantOnlyAndNoRowWhileItHasNothing() {
        store.file(ACME, 10);
        store.file(GLOBEX, 99);
        store.pending(GLOBEX, "theirs.png", NOW);
        UsageReport report = store.report();
        report.refresh();

        UsageOverview own = report.overview(admin(ACME));
        assertEquals(false, own.allTenants());
        assertEquals(List.of(new TenantUsage(ACME, 1, 10, 0)), tenants(own));
        assertEquals(0, own.snapshot().orElseThrow().pendingUploads(), "not the other tenant's pending upload");
        assertEquals(List.of(), tenants(report.overview(admin(OrgId.of("initech")))));
    }

    @Test
    void anOperatorAndAnAdminAllowedAcrossTenantsSeeEveryTenantMostBytesFirst() {
        store.file(ACME, 10);
        store.file(GLOBEX, 99);
        store.pending(OrgId.of("initech"), "only-pending.png", NOW);
        List<TenantUsage> expected = List.of(
                new TenantUsage(GLOBEX, 1, 99, 0),
                new TenantUsage(ACME, 1, 10, 0),
                new TenantUsage(OrgId.of("initech"), 0, 0, 1));

        UsageReport report = store.report(false);
        report.refresh();
        UsageOverview operator = report.overview(operator());
        assertTrue(operator.allTenants());
        assertEquals(expected, tenants(operator));
        assertEquals(1, operator.snapshot().orElseThrow().pendingUploads());

        UsageReport crossTenant = store.report(true);
        crossTenant.refresh();
        assertEquals(expected, tenants(crossTenant.overview(admin(ACME))));
        assertEquals(false, report.overview(admin(ACME)).allTenants(), "without auth.admin-cross-tenant: own");
    }

    @Test
    void callersWithoutAnAdminRoleOrWithoutATenantAreRefused() {
        UsageReport report = store.report();
        report.refresh();
        for (Caller refused : List.of(
                caller(ACME, Role.UPLOADER, Role.READER), caller(ACME, Role.SERVICE), caller(null, Role.ADMIN))) {
            assertThrows(AccessDenied.class, () -> report.overview(refused), refused.toString());
            assertThrows(AccessDenied.class, () -> report.pending(refused, null, 10), refused.toString());
            assertThrows(AccessDenied.class, () -> report.seesAllTenants(refused), refused.toString());
        }
    }

    @Test
    void aCompletedOrRefusedUploadIsNoLongerPending() {
        store.ledger.record(store.pending(ACME, "done.png", NOW).closedAt(NOW.plusSeconds(5)));
        store.pending(ACME, "open.png", NOW);
        UsageReport report = store.report();
        report.refresh();
        assertEquals(1, report.overview(admin(ACME)).snapshot().orElseThrow().pendingUploads());
        assertEquals(
                List.of("open.png"),
                report.pending(admin(ACME), null, 10).uploads().stream()
                        .map(PendingSummary::filename)
                        .toList());
    }

    @Test
    void keysUnderATenantsNameInAnotherTenantsBucketAreNotItsOwn() {
        UsageStore perTenant = new UsageStore(TenancyStrategy.of("bucket-per-tenant", null, "tenant-{org}"));
        perTenant.file(ACME, 10);
        perTenant.file("tenant-acme", GLOBEX, 500); // not where globex's files live
        perTenant.file("backups", ACME, 700); // not a tenant bucket at all
        UsageReport report = perTenant.report();
        report.refresh();
        assertEquals(List.of(new TenantUsage(ACME, 1, 10, 0)), tenants(report.overview(operator())));
    }

    @Test
    void aSharedBucketsTenantsAreCountedFromItAloneAndOtherBucketsAreNotScanned() {
        store.file(ACME, 10);
        store.file("elsewhere", ACME, 700);
        UsageReport report = store.report();
        report.refresh();
        assertEquals(List.of(new TenantUsage(ACME, 1, 10, 0)), tenants(report.overview(operator())));
    }
}
