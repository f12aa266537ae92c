package dev.filegate.api.json;

import dev.filegate.domain.policy.PolicyViolation;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A request body that must be one JSON object, read strictly (400 for anything else), then bound to a record with
 * {@link SnakeCaseJson}'s names. Unknown members are ignored; a member of the wrong type is a 400.
 */
public final class JsonBody {

    private JsonBody() {}

    /** The body bound to {@code type}: exactly one JSON object, nothing after it, no top-level member twice. */
    public static <T extends Record> T bind(InputStream body, Class<T> type, String shape) {
        JsonObject json = object(body);
        exactTypes(json, type, shape);
        try {
            return SnakeCaseJson.JSONB.fromJson(json.toString(), type);
        } catch (JsonbException e) {
            throw invalid("the body must be " + shape);
        }
    }

    /**
     * JSON-B converts where it can (a number into a string, 24.5 or 2^64 + 24 into a long): a member bound to a string
     * must be a JSON string, one bound to a whole number an integral JSON number that fits, else the body is refused.
     */
    private static void exactTypes(JsonObject json, Class<? extends Record> type, String shape) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonValue value = json.get(snakeCase(component.getName()));
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Class<?> expected = component.getType();
            boolean ok = expected == String.class
                    ? value.getValueType() == JsonValue.ValueType.STRING
                    : !WHOLE_NUMBERS.contains(expected) || wholeNumber(value, expected);
            if (!ok) {
                throw invalid("the body must be " + shape);
            }
        }
    }

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Long.class, long.class, Integer.class, int.class);

    private static boolean wholeNumber(JsonValue value, Class<?> type) {
        try {
            if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
                return false;
            }
            BigInteger n = ((JsonNumber) value).bigDecimalValue().toBigIntegerExact();
            boolean isLong = type == Long.class || type == long.class;
            return n.bitLength() < (isLong ? Long.SIZE : Integer.SIZE);
        } catch (RuntimeException e) {
            return false; // a number too large or too precise to convert is no size
        }
    }

    /** {@code contentType} as {@link SnakeCaseJson} names it: {@code content_type}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Exactly one JSON object, nothing after it, no top-level member twice; for bodies whose shape no record binds
     * (the caller checks every member's type itself).
     */
    public static JsonObject object(InputStream body) {
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
        } catch (RuntimeException e) {
            // A number the JSON implementation will not hold (an exponent or a length past its limits), anywhere in
            // the body: the client's, never a 500.
            throw invalid("a JSON object with numbers of a sensible size is required");
        }
    }

    private static PolicyViolation invalid(String detail) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, detail);
    }
}
