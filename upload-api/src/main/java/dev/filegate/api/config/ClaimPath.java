package dev.filegate.api.config;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a token carries something: a claim's name ({@code org}, {@code groups}, {@code https://example.com/org}), or
 * a dotted path into a nested claim ({@code realm_access.roles}, where Keycloak puts realm roles). A claim whose whole
 * name is the text wins over the path: a namespaced claim name full of dots is read as written.
 */
public record ClaimPath(String text) {

    public ClaimPath {
        if (text == null || text.isBlank() || text.strip().length() != text.length()) {
            throw new IllegalArgumentException("must be a claim name, or a dotted path into nested claims");
        }
        if (text.contains(".") && List.of(text.split("\\.", -1)).contains("")) {
            throw new IllegalArgumentException(
                    "'" + text + "' has an empty step: write a claim name or a path such as realm_access.roles");
        }
    }

    /**
     * The value at this place, as JSON (JSON-P values or the plain Java values a JWT library hands out).
     *
     * @param claim a token's claim by name, null when absent
     */
    public Optional<Object> in(Function<String, Object> claim) {
        Object whole = claim.apply(text);
        if (whole != null || !text.contains(".")) {
            return Optional.ofNullable(whole);
        }
        String[] steps = text.split("\\.");
        Object value = claim.apply(steps[0]);
        for (int i = 1; i < steps.length && value != null; i++) {
            value = value instanceof JsonObject o
                    ? o.get(steps[i])
                    : value instanceof Map<?, ?> m ? m.get(steps[i]) : null;
        }
        return Optional.ofNullable(value);
    }

    /** A single string at this place, if that is what is there. */
    public Optional<String> string(Function<String, Object> claim) {
        return in(claim).map(ClaimPath::text);
    }

    /** The strings at this place: an array of strings (other entries ignored), or one string; else none. */
    public List<String> strings(Function<String, Object> claim) {
        Object value = in(claim).orElse(null);
        List<String> found = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> add(found, v));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> add(found, v));
        } else {
            add(found, value);
        }
        return List.copyOf(found);
    }

    private static void add(List<String> found, Object value) {
        String s = text(value);
        if (s != null) {
            found.add(s);
        }
    }

    private static String text(Object value) {
        if (value instanceof JsonString js) {
            return js.getString();
        }
        return value instanceof String s ? s : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
