package dev.filegate.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.policy.PolicyViolation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class JsonBodyTest {

    public record Proposal(String filename, String contentType, Long size) {}

    private static Proposal bind(String json) {
        return JsonBody.bind(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Proposal.class, "a proposal");
    }

    @Test
    void membersBindByTheirSnakeCaseNamesAndAbsentOnesAreNull() {
        Proposal p = bind("{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":24,\"other\":[1]}");
        assertEquals(new Proposal("a.png", "image/png", 24L), p);
        assertNull(bind("{\"filename\":\"a.png\",\"size\":null}").size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "24.5",
                "24.0",
                "0.9",
                "1E400",
                "1e-400",
                "2E1",
                "18446744073709551640",
                "-18446744073709551592",
                "9223372036854775808",
                "\"24\"",
                "true",
                "[24]",
                "{}"
            })
    void aSizeThatIsNotAWholeNumberThatFitsIsRefusedNotRounded(String size) {
        PolicyViolation refused = assertThrows(
                PolicyViolation.class,
                () -> bind("{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":" + size + "}"));
        assertEquals(PolicyViolation.Kind.INVALID_REQUEST, refused.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E9999999999", "1e-2147483648", "[1e-2147483648]", "{\"n\":1E9999999999}"})
    void aNumberTheJsonReaderWillNotHoldIsTheClientsErrorWhereverItIs(String value) {
        assertThrows(PolicyViolation.class, () -> bind("{\"filename\":\"a.png\",\"size\":5,\"x\":" + value + "}"));
        assertThrows(PolicyViolation.class, () -> bind("{\"size\":" + value + "}"));
    }

    @Test
    void aNumberOfMoreDigitsThanTheJsonReaderAllowsIsTheClientsError() {
        String digits = "9".repeat(1200);
        assertThrows(PolicyViolation.class, () -> bind("{\"x\":" + digits + "}"));
        assertThrows(PolicyViolation.class, () -> bind("{\"size\":" + digits + "}"));
    }

    @Test
    void theLargestWholeNumberThatFitsIsAccepted() {
        assertEquals(Long.MAX_VALUE, bind("{\"size\":9223372036854775807}").size());
        assertEquals(Long.MIN_VALUE, bind("{\"size\":-9223372036854775808}").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "[\"a.png\"]", "{\"name\":\"a.png\"}"})
    void aStringMemberMustBeAJsonString(String filename) {
        assertThrows(PolicyViolation.class, () -> bind("{\"filename\":" + filename + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "{} {}", "{\"size\":1,\"size\":2}", "{", ""})
    void aBodyThatIsNotExactlyOneObjectIsRefused(String body) {
        assertThrows(PolicyViolation.class, () -> bind(body));
    }

    @Test
    void namesAreSnakeCased() {
        assertEquals("content_type", JsonBody.snakeCase("contentType"));
        assertEquals("get_expires_at", JsonBody.snakeCase("getExpiresAt"));
        assertEquals("sha256", JsonBody.snakeCase("sha256"));
    }
}
