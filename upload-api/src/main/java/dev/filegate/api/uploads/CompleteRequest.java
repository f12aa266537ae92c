package dev.filegate.api.uploads;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.upload.ResumableUploads.ClaimedPart;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST s3/multipart/{uploadId}/complete}: {@code {"parts": [{"PartNumber": 1, "ETag": "..."}]}},
 * read strictly (JSON-B would turn 1.5 into 1 and a number into a string): each part an object with a whole
 * {@code PartNumber} and a string {@code ETag}, at most 10 000 of them.
 */
final class CompleteRequest {

    static final String SHAPE =
            "{\"parts\": [{\"PartNumber\": whole number, \"ETag\": string}, ...]} with 1 to 10000 parts";

    private CompleteRequest() {}

    static List<ClaimedPart> parts(JsonObject body) {
        JsonValue parts = body.get("parts");
        if (parts == null || parts.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid();
        }
        List<JsonValue> array = parts.asJsonArray();
        if (array.isEmpty() || array.size() > MultipartUploads.MAX_PARTS) {
            throw invalid();
        }
        List<ClaimedPart> claimed = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid();
            }
            JsonObject part = v.asJsonObject();
            JsonValue number = part.get("PartNumber");
            JsonValue etag = part.get("ETag");
            if (number == null
                    || number.getValueType() != JsonValue.ValueType.NUMBER
                    || !((JsonNumber) number).isIntegral()
                    || etag == null
                    || etag.getValueType() != JsonValue.ValueType.STRING) {
                throw invalid();
            }
            claimed.add(new ClaimedPart(partNumber((JsonNumber) number), ((JsonString) etag).getString()));
        }
        return claimed;
    }

    private static int partNumber(JsonNumber n) {
        try {
            int value = n.bigDecimalValue().intValueExact();
            if (value < 1 || value > MultipartUploads.MAX_PARTS) {
                throw invalid();
            }
            return value;
        } catch (ArithmeticException e) {
            throw invalid();
        }
    }

    private static PolicyViolation invalid() {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, "the body must be " + SHAPE);
    }
}
