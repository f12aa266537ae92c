package dev.filegate.api.admin;

import static dev.filegate.api.admin.AdminStore.ACME;
import static dev.filegate.api.admin.AdminStore.GLOBEX;
import static dev.filegate.api.admin.AdminStore.NOW;
import static dev.filegate.api.admin.AdminStore.caller;
import static dev.filegate.api.admin.AdminStore.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.usage.RefreshFailure;
import dev.filegate.domain.usage.UsageOverview;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The overview's usage member, as JSON, in each state of the snapshot. */
class AdminOverviewTest {

    private static final Duration EVERY = Duration.ofMinutes(5);

    private final AdminStore store = new AdminStore();

    @Test
    void beforeTheFirstSnapshotTheUsageSaysNotTakenAndHowOftenOneIsTaken() {
        String usage = json(AdminOverview.Usage.of(store.usage.overview(caller(ACME, Role.ADMIN)), EVERY));
        assertEquals("{\"refresh_seconds\":300,\"state\":\"not-taken\",\"tenants\":[]}", usage);
    }

    @Test
    void aSnapshotSaysWhenItWasTakenHowOldItIsAndWhatEachTenantHeld() throws IOException {
        store.file(ACME, 10);
        store.file(ACME, 32);
        store.pending(ACME, "p.png", NOW);
        store.usage.refresh();
        store.clock.advance(Duration.ofSeconds(42));
        String usage = json(AdminOverview.Usage.of(store.usage.overview(caller(ACME, Role.ADMIN)), EVERY));
        assertEquals(
                "{\"age_seconds\":42,\"pending_listed\":1,\"pending_uploads\":1,\"refresh_seconds\":300,"
                        + "\"scan_millis\":0,\"state\":\"taken\",\"taken_at\":\"2026-06-01T12:00:00Z\","
                        + "\"tenants\":[{\"bytes\":42,\"files\":2,\"org\":\"acme\",\"pending_uploads\":1}]}",
                usage);
    }

    @Test
    void aFailedRefreshIsReportedWithTheStoresReasonToOperatorsOnly() {
        UsageOverview failed = new UsageOverview(
                false, Optional.empty(), Optional.of(new RefreshFailure(NOW, "listing buckets failed (HTTP 503)")));
        assertEquals(
                new AdminOverview.Failure("2026-06-01T12:00:00Z", "the store did not answer the last scan"),
                AdminOverview.Usage.of(failed, EVERY).lastFailure());
        UsageOverview operator = new UsageOverview(true, failed.snapshot(), failed.lastFailure());
        assertEquals(
                "listing buckets failed (HTTP 503)",
                AdminOverview.Usage.of(operator, EVERY).lastFailure().detail());
    }

    @Test
    void aTenantAdminsUsageNamesNoOtherTenant() throws IOException {
        store.file(ACME, 10);
        store.file(GLOBEX, 99);
        store.usage.refresh();
        AdminOverview.Usage usage = AdminOverview.Usage.of(store.usage.overview(caller(ACME, Role.ADMIN)), EVERY);
        assertEquals(List.of(new AdminOverview.Tenant("acme", 1, 10, 0)), usage.tenants());
        AdminOverview.Usage all = AdminOverview.Usage.of(store.usage.overview(caller(null, Role.OPERATOR)), EVERY);
        assertEquals(
                List.of("globex", "acme"),
                all.tenants().stream().map(AdminOverview.Tenant::org).toList());
    }
}
