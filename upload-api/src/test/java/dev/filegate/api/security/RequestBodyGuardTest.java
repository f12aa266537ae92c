package dev.filegate.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.policy.PolicyViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyGuardTest {

    @Test
    void contentLengthMustBeOneDecimalNumber() {
        assertEquals(-1, RequestBodyGuard.declaredLength(List.of()));
        assertEquals(12, RequestBodyGuard.declaredLength(List.of("12")));
        assertEquals(12, RequestBodyGuard.declaredLength(List.of("12", " 12 ")), "repeated identically is one length");
        for (List<String> ambiguous : List.of(
                List.of("abc"),
                List.of("-5"),
                List.of("5, 7"),
                List.of("5", "7"),
                List.of(""),
                List.of("0x10"),
                List.of("1e3"),
                List.of("99999999999999999999"))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> RequestBodyGuard.declaredLength(ambiguous),
                    ambiguous.toString());
        }
    }

    @Test
    void everyCodingOfEveryContentEncodingHeaderMustBeIdentity() {
        assertTrue(RequestBodyGuard.identityOnly(List.of()));
        assertTrue(RequestBodyGuard.identityOnly(List.of("identity", "IDENTITY ")));
        for (List<String> encoded : List.of(
                List.of("gzip"),
                List.of("identity", "gzip"),
                List.of("identity, gzip"),
                List.of("identity,br"),
                List.of("x-gzip"),
                List.of("deflate"),
                List.of("GZip"))) {
            assertFalse(RequestBodyGuard.identityOnly(encoded), encoded.toString());
        }
    }

    @Test
    void aCappedBodyRefusesTheByteAfterTheCap() throws IOException {
        InputStream capped = new BoundedBody(new ByteArrayInputStream(new byte[11]), 10, "at most 10");
        assertEquals(10, capped.readNBytes(10).length);
        assertEquals(
                PolicyViolation.Kind.TOO_LARGE,
                assertThrows(PolicyViolation.class, capped::read).kind());
        InputStream exact = new BoundedBody(new ByteArrayInputStream(new byte[10]), 10, "at most 10");
        assertEquals(10, exact.readAllBytes().length, "exactly the cap is fine");
        BoundedBody released = new BoundedBody(new ByteArrayInputStream(new byte[30]), 10, "at most 10");
        assertEquals(5, released.readNBytes(5).length);
        released.release();
        assertEquals(25, released.readAllBytes().length, "a released bound counts nothing more");
    }

    @Test
    void aCappedBodyKeepsRefusingOnceItRefused() {
        InputStream capped = new BoundedBody(new ByteArrayInputStream(new byte[100]), 10, "at most 10");
        assertThrows(PolicyViolation.class, () -> capped.readNBytes(50));
        // A reader that drains after the refusal (commons-fileupload closes the part in a finally) used to get 0
        // bytes forever from read(byte[]): a request thread spinning at full CPU.
        for (int i = 0; i < 3; i++) {
            assertThrows(PolicyViolation.class, () -> capped.read(new byte[8], 0, 8));
            assertThrows(PolicyViolation.class, capped::read);
        }
    }
}
