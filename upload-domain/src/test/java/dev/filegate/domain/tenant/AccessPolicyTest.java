package dev.filegate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final OrgId ACME = OrgId.of("acme");
    private static final OrgId GLOBEX = OrgId.of("globex");

    private static Caller caller(OrgId org, Role... roles) {
        return new Caller("u", Optional.ofNullable(org), Set.of(roles));
    }

    @Test
    void uploaderActsOnItsOwnTenant() {
        AccessPolicy p = new AccessPolicy(false);
        for (Action a : Action.values()) {
            assertDoesNotThrow(() -> p.check(caller(ACME, Role.UPLOADER), ACME, a));
        }
    }

    @Test
    void otherTenantIsRefusedForEveryAction() {
        AccessPolicy p = new AccessPolicy(false);
        for (Action a : Action.values()) {
            assertThrows(AccessDenied.class, () -> p.check(caller(ACME, Role.UPLOADER), GLOBEX, a));
        }
    }

    @Test
    void readerCannotWrite() {
        AccessPolicy p = new AccessPolicy(false);
        assertDoesNotThrow(() -> p.check(caller(ACME, Role.READER), ACME, Action.READ));
        assertThrows(AccessDenied.class, () -> p.check(caller(ACME, Role.READER), ACME, Action.UPLOAD));
        assertThrows(AccessDenied.class, () -> p.check(caller(ACME, Role.READER), ACME, Action.DELETE));
    }

    @Test
    void callerWithoutRolesCanDoNothing() {
        AccessPolicy p = new AccessPolicy(false);
        assertThrows(AccessDenied.class, () -> p.check(caller(ACME), ACME, Action.LIST));
    }

    @Test
    void callerWithoutTenantCanDoNothing() {
        AccessPolicy p = new AccessPolicy(true);
        assertThrows(AccessDenied.class, () -> p.check(caller(null, Role.UPLOADER), ACME, Action.READ));
    }

    @Test
    void adminCrossesTenantsOnlyWhereConfigured() {
        assertThrows(
                AccessDenied.class, () -> new AccessPolicy(false).check(caller(ACME, Role.ADMIN), GLOBEX, Action.READ));
        assertDoesNotThrow(() -> new AccessPolicy(true).check(caller(ACME, Role.ADMIN), GLOBEX, Action.DELETE));
    }

    @Test
    void aTenantAdminSeesOnlyItsTenantAndAnOperatorEveryTenant() {
        AccessPolicy strict = new AccessPolicy(false);
        Assertions.assertFalse(strict.seesAllTenants(caller(GLOBEX, Role.ADMIN)));
        Assertions.assertTrue(strict.seesAllTenants(caller(null, Role.OPERATOR)));
        Assertions.assertTrue(new AccessPolicy(true).seesAllTenants(caller(GLOBEX, Role.ADMIN)));
        assertThrows(
                AccessDenied.class, () -> strict.seesAllTenants(caller(null, Role.ADMIN)), "an admin of no tenant");
        assertThrows(AccessDenied.class, () -> strict.seesAllTenants(caller(ACME, Role.UPLOADER)));
        assertThrows(AccessDenied.class, () -> strict.seesAllTenants(caller(ACME, Role.SERVICE)));
    }

    @Test
    void operatorsAndServicesGetNoFileAccessFromTheirRole() {
        AccessPolicy strict = new AccessPolicy(false);
        for (Action action : Action.values()) {
            assertThrows(AccessDenied.class, () -> strict.check(caller(ACME, Role.OPERATOR), ACME, action));
            assertThrows(AccessDenied.class, () -> strict.check(caller(ACME, Role.SERVICE), ACME, action));
        }
    }
}
