package dev.filegate.api.json;

import dev.filegate.domain.policy.PolicyViolation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * A request body that must be one JSON object, read strictly (400 for anything else), then bound to a record with
 * {@link SnakeCaseJson}'s names. Unknown members are ignored; a member of the wrong type is a 400.
 */
public final class JsonBody {

    private JsonBody() {}

    /** The body bound to {@code type}: exactly one JSON object, nothing after it, no top-level member twice. */
    public static <T> T bind(InputStream body, Class<T> type, String shape) {
        JsonObject json = object(body);
        try {
            return SnakeCaseJson.JSONB.fromJson(json.toString(), type);
        } catch (JsonbException e) {
            throw invalid("the body must be " + shape);
        }
    }

    /** Exactly one JSON object, nothing after it, no top-level member twice. */
    static JsonObject object(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes(); // at most RequestBodyGuard.MAX_BODY_BYTES
        } catch (IOException e) {
            throw invalid("the request body could not be read");
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw invalid("a JSON object is required");
            }
            Set<String> names = new HashSet<>();
            int depth = 1;
            while (depth > 0) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1 && !names.add(parser.getString())) {
                            throw invalid("a member appears twice in the JSON object");
                        }
                    }
                    default -> {}
                }
            }
            if (parser.hasNext()) {
                throw invalid("the body must be one JSON object and nothing after it");
            }
        } catch (PolicyViolation e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, NoSuchElementException, and the plain RuntimeException the parser throws for nesting
            // deeper than it allows: all the client's malformed body, never a 500
            throw invalid("a JSON object is required");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        }
    }

    private static PolicyViolation invalid(String detail) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, detail);
    }
}
