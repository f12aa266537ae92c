package dev.filegate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.policy.PolicyViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgIdTest {

    @Test
    void slugIsAccepted() {
        assertEquals("acme-2", OrgId.of("acme-2").value());
        assertEquals(64, OrgId.of("a".repeat(64)).value().length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "..",
                ".",
                "a/../b",
                "A%2F..%2FB",
                "a%2fb",
                "a/b",
                "a\\b",
                "Acme",
                "-acme",
                "acme-",
                "acme\u0000",
                "acme\n",
                "ac me",
                "acme.corp",
                "\u0430cme"
            })
    void orgInjection(String hostile) {
        PolicyViolation e = assertThrows(PolicyViolation.class, () -> OrgId.of(hostile));
        assertEquals(PolicyViolation.Kind.INVALID_ORG, e.kind());
    }

    @Test
    void overSixtyFourCharacters() {
        assertThrows(PolicyViolation.class, () -> OrgId.of("a".repeat(65)));
    }

    @Test
    void missing() {
        assertThrows(PolicyViolation.class, () -> OrgId.of(null));
    }
}
