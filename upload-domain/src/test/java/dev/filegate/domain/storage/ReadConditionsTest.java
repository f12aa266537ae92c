package dev.filegate.domain.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.policy.PolicyViolation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadConditionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"abc\"", "W/\"abc\"", "\"a\", W/\"b\"", "\"\""})
    void entityTagListsAreAccepted(String tags) {
        assertEquals(Optional.of(tags), ReadConditions.fromHeaders(null, tags).ifNoneMatch());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "\"a\u0000\"", "\"a\" junk", "\"a\nb\"", "**"})
    void malformedIfNoneMatchIsTheClientsError(String tags) {
        assertEquals(
                PolicyViolation.Kind.INVALID_REQUEST,
                assertThrows(PolicyViolation.class, () -> ReadConditions.fromHeaders(null, tags))
                        .kind());
    }

    @Test
    void anOverlongIfNoneMatchIsRefused() {
        String tags = "\"" + "a".repeat(ReadConditions.MAX_IF_NONE_MATCH) + "\"";
        assertThrows(PolicyViolation.class, () -> ReadConditions.fromHeaders(null, tags));
    }
}
