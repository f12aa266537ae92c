package dev.filegate.api.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTest {

    @Test
    void aWellFormedIdFromTheCallerIsKept() {
        assertEquals("req-42.a_b:c", RequestId.accept("req-42.a_b:c"));
        assertEquals("x".repeat(64), RequestId.accept("x".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "line\nbreak", "cr\rlf", "quote\"d", "<script>", "ünï", "semi;colon", "tab\t"})
    void anythingThatCouldForgeOrBreakALogLineIsReplacedByAGeneratedId(String hostile) {
        String id = RequestId.accept(hostile);
        assertNotEquals(hostile, id);
        assertEquals(id, UUID.fromString(id).toString());
    }

    @Test
    void anOverlongIdIsReplaced() {
        assertNotEquals("x".repeat(65), RequestId.accept("x".repeat(65)));
    }

    @Test
    void noIdAtAllGetsAFreshOneEachTime() {
        assertNotEquals(RequestId.accept(null), RequestId.accept(null));
    }

    @Test
    void anIncidentIsNamedByTheCurrentRequestWhenThereIsOne() {
        RequestId.set("incident-7");
        try {
            assertEquals("incident-7", RequestId.incident());
        } finally {
            RequestId.clear();
        }
        assertTrue(RequestId.current().isEmpty());
        assertEquals(36, RequestId.incident().length());
    }
}
