package dev.filegate.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/** Typed reads over MicroProfile Config that collect problems instead of failing on the first one. */
final class Settings {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    Settings(Config config) {
        this.config = config;
    }

    Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    String required(String key, String why) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problems.add(key + " is required (" + why + "); env " + envName(key));
            return null;
        }
        return value.get();
    }

    <T> T parsed(String key, String defaultValue, Function<String, T> parser) {
        String raw = string(key, defaultValue);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    boolean bool(String key, boolean defaultValue) {
        return parsed(key, Boolean.toString(defaultValue), v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.parseBoolean(v);
        });
    }

    /** Builds an object from values already read, recording its validation failure as a problem. */
    <T> T build(String what, java.util.function.Supplier<T> builder) {
        try {
            return builder.get();
        } catch (RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    List<String> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
