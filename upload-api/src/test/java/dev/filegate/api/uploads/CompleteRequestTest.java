package dev.filegate.api.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.api.json.JsonBody;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.upload.ResumableUploads.ClaimedPart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompleteRequestTest {

    private static List<ClaimedPart> parse(String json) {
        return CompleteRequest.parts(JsonBody.object(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void uppysBodyIsReadWithQuotedAndUnquotedETags() {
        assertEquals(
                List.of(new ClaimedPart(2, "\"abc\""), new ClaimedPart(1, "def")),
                parse("{\"parts\":[{\"PartNumber\":2,\"ETag\":\"\\\"abc\\\"\"},{\"PartNumber\":1,\"ETag\":\"def\"}]}"));
    }

    @Test
    void otherMembersOfAPartAreIgnored() {
        assertEquals(
                List.of(new ClaimedPart(1, "e")),
                parse("{\"parts\":[{\"PartNumber\":1,\"ETag\":\"e\",\"Size\":5}],\"x\":1}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"parts\":{}}",
                "{\"parts\":[]}",
                "{\"parts\":[1]}",
                "{\"parts\":[{\"PartNumber\":1}]}",
                "{\"parts\":[{\"ETag\":\"e\"}]}",
                "{\"parts\":[{\"PartNumber\":\"1\",\"ETag\":\"e\"}]}",
                "{\"parts\":[{\"PartNumber\":1.5,\"ETag\":\"e\"}]}",
                "{\"parts\":[{\"PartNumber\":0,\"ETag\":\"e\"}]}",
                "{\"parts\":[{\"PartNumber\":10001,\"ETag\":\"e\"}]}",
                "{\"parts\":[{\"PartNumber\":4294967297,\"ETag\":\"e\"}]}",
                "{\"parts\":[{\"PartNumber\":1,\"ETag\":1}]}",
                "{\"parts\":[{\"PartNumber\":1,\"ETag\":null}]}"
            })
    void anyOtherShapeIsRefused(String json) {
        assertThrows(PolicyViolation.class, () -> parse(json));
    }

    @Test
    void moreThanTenThousandPartsAreRefused() {
        StringBuilder b = new StringBuilder("{\"parts\":[");
        for (int i = 1; i <= 10_001; i++) {
            b.append(i > 1 ? "," : "").append("{\"PartNumber\":1,\"ETag\":\"e\"}");
        }
        String json = b.append("]}").toString();
        assertThrows(PolicyViolation.class, () -> parse(json));
    }
}
