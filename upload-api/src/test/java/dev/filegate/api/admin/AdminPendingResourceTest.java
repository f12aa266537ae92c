package dev.filegate.api.admin;

import static dev.filegate.api.admin.AdminStore.ACME;
import static dev.filegate.api.admin.AdminStore.GLOBEX;
import static dev.filegate.api.admin.AdminStore.NOW;
import static dev.filegate.api.admin.AdminStore.caller;
import static dev.filegate.api.admin.AdminStore.callers;
import static dev.filegate.api.admin.AdminStore.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminPendingResourceTest {

    private final AdminStore store = new AdminStore();

    private AdminPendingPage get(Caller caller, String cursor, String limit) {
        AdminPendingResource resource = new AdminPendingResource();
        resource.callers = callers(caller);
        resource.usage = store.usage;
        return resource.pending(cursor, limit);
    }

    @Test
    void beforeTheFirstSnapshotThePageIsEmptyAndSaysSo() {
        AdminPendingPage page = get(caller(ACME, Role.ADMIN), null, "50");
        assertEquals(new AdminPendingPage("own-tenant", "not-taken", null, List.of(), null), page);
    }

    @Test
    void aTenantAdminPagesThroughItsOwnPendingUploadsNewestFirst() {
        store.pending(ACME, "old.png", NOW);
        store.pending(ACME, "new.png", NOW.plusSeconds(1));
        store.pending(GLOBEX, "theirs.png", NOW.plusSeconds(2));
        store.usage.refresh();
        Caller admin = caller(ACME, Role.ADMIN);
        AdminPendingPage first = get(admin, null, "1");
        assertEquals("taken", first.state());
        assertEquals("2026-06-01T12:00:00Z", first.takenAt());
        assertEquals(
                List.of("new.png"),
                first.pendingUploads().stream()
                        .map(AdminPendingPage.Pending::filename)
                        .toList());
        AdminPendingPage second = get(admin, first.nextCursor(), "1");
        assertEquals(
                List.of("old.png"),
                second.pendingUploads().stream()
                        .map(AdminPendingPage.Pending::filename)
                        .toList());
        assertNull(second.nextCursor());
        assertEquals("all-tenants", get(caller(null, Role.OPERATOR), null, "50").scope());
        assertEquals(
                3, get(caller(null, Role.OPERATOR), null, "50").pendingUploads().size());
    }

    @Test
    void aPageNamesNoPendingUploadsFileIdAndCarriesTheNextCursor() {
        PendingUpload a = store.pending(ACME, "a.png", NOW);
        PendingUpload b = store.pending(ACME, "b.png", NOW.plusSeconds(1));
        store.usage.refresh();
        String body = json(get(caller(ACME, Role.ADMIN), null, "1"));
        assertTrue(body.contains("\"next_cursor\":\""), body);
        assertFalse(body.contains("\"id\"") || body.contains("\"key\""), body);
        for (PendingUpload p : List.of(a, b)) {
            assertFalse(body.contains(p.key().fileId().value()), body);
        }
        assertEquals(
                "{\"content_type\":\"image/png\",\"created_at\":\"2026-06-01T12:00:01Z\","
                        + "\"expires_at\":\"2026-06-01T12:15:01Z\",\"filename\":\"b.png\",\"org\":\"acme\","
                        + "\"size\":3,\"uploaded_by\":\"bob\"}",
                json(get(caller(ACME, Role.ADMIN), null, "1").pendingUploads().get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "-1", "1.5", "1e3", "9999999999"})
    void aLimitThatIsNotAWholeNumberIsTheClientsError(String limit) {
        PolicyViolation refused = assertThrows(PolicyViolation.class, () -> get(caller(ACME, Role.ADMIN), null, limit));
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, refused.kind());
    }

    @Test
    void aCallerWithoutTheAdminViewIsRefusedBeforeItsQueryIsLookedAt() {
        assertThrows(AccessDenied.class, () -> get(caller(ACME, Role.UPLOADER, Role.READER), "nonsense", "ten"));
        assertThrows(AccessDenied.class, () -> get(caller(null, Role.ADMIN), null, "50"));
    }

    @Test
    void aForgedCursorIsTheClientsError() {
        store.usage.refresh();
        assertThrows(PolicyViolation.class, () -> get(caller(ACME, Role.ADMIN), "b3Jncy9hY21lLw", "50"));
    }
}
