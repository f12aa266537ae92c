package dev.filegate.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.api.audit.AuditEvent.Action;
import dev.filegate.api.audit.AuditEvent.Outcome;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void theLineNamesEveryMemberInAFixedOrder() {
        AuditEvent e = new AuditEvent(
                Action.UPLOAD,
                "post",
                "proxy",
                Outcome.SUCCESS,
                201,
                "alice@acme",
                "acme",
                "2026-12-x.png",
                3000,
                12,
                "req-1",
                "-");
        assertEquals(
                "audit action=upload method=post mode=proxy outcome=success status=201 subject=alice@acme org=acme"
                        + " file=2026-12-x.png size=3000 duration_ms=12 request_id=req-1 reason=-",
                e.line());
    }

    @Test
    void anUnknownSizeIsADash() {
        AuditEvent e = new AuditEvent(
                Action.DOWNLOAD, "get", "redirect", Outcome.SUCCESS, 302, "-", "acme", "f", -1, 1, "r", "-");
        assertEquals("-", e.fields().get("size"));
    }

    @Test
    void theOutcomeFollowsTheStatus() {
        assertEquals(Outcome.SUCCESS, Outcome.of(200));
        assertEquals(Outcome.SUCCESS, Outcome.of(302));
        assertEquals(Outcome.REFUSED, Outcome.of(413));
        assertEquals(Outcome.FAILED, Outcome.of(503));
    }

    @Test
    void aGatewayGrantIsNamedWithAnUnderscore() {
        assertEquals("gateway_grant", Action.GATEWAY_GRANT.wire());
    }
}
