package dev.filegate.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.api.problem.Problem;
import dev.filegate.api.problem.Problems;
import org.junit.jupiter.api.Test;

class AuditedResponseTest {

    @Test
    void aProblemIsNamedByItsKind() {
        assertEquals(
                "too-large", AuditedResponse.problemKind(Problems.tooLarge("no").toJson()));
        assertEquals(
                "type-mismatch",
                AuditedResponse.problemKind(Problem.of("type-mismatch", "Unsupported media type", 415, "x")
                        .toJson()));
    }

    @Test
    void anythingElseHasNoReason() {
        assertEquals("-", AuditedResponse.problemKind(null));
        assertEquals("-", AuditedResponse.problemKind("not json"));
        assertEquals("-", AuditedResponse.problemKind("{\"type\":\"https://elsewhere/x\"}"));
        assertEquals("-", AuditedResponse.problemKind("{\"type\":42}"));
        assertEquals("-", AuditedResponse.problemKind("{broken"));
    }
}
