package dev.filegate.api.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Typed reads over MicroProfile Config that collect problems instead of failing on the first one, so that a bad
 * configuration fails at start-up listing every problem. Each section reader reads its keys through one instance; the
 * default given here is the only default of a key ({@link #defaults()} lists them for the README's reference).
 */
public final class Settings {

    private final Config config;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Set<String> keys = new LinkedHashSet<>();

    public Settings(Config config) {
        this.config = config;
    }

    public Optional<String> optional(String key) {
        keys.add(key);
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * Whether a configuration source sets {@code key} itself (in its own or its environment-variable form), rather than
     * only with a {@code %profile.} prefix. Asked of each source: the configuration's own property names list a
     * {@code %profile.} key of an active profile without its prefix too (SmallRye Config).
     */
    public boolean setWithoutProfile(String key) {
        for (ConfigSource source : config.getConfigSources()) {
            for (String name : source.getPropertyNames()) {
                if (name.equals(key) || name.equalsIgnoreCase(envName(key))) {
                    return true;
                }
            }
        }
        return false;
    }

    public String string(String key, String defaultValue) {
        defaults.putIfAbsent(key, defaultValue);
        return optional(key).orElse(defaultValue);
    }

    public String required(String key, String why) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problems.add(key + " is required (" + why + "); env " + envName(key));
            return null;
        }
        return value.get();
    }

    /** A required value parsed; {@code null} with a problem recorded when it is missing or does not parse. */
    public <T> T requiredParsed(String key, String why, Function<String, T> parser) {
        String raw = required(key, why);
        return raw == null ? null : parse(key, raw, parser);
    }

    /** The value (or the default) parsed; {@code null} with a problem recorded when it does not parse. */
    public <T> T parsed(String key, String defaultValue, Function<String, T> parser) {
        return parse(key, string(key, defaultValue), parser);
    }

    /** An optional value parsed; empty when unset, {@code null}-free. */
    public <T> Optional<T> optionalParsed(String key, Function<String, T> parser) {
        return optional(key).map(raw -> parse(key, raw, parser));
    }

    public boolean bool(String key, boolean defaultValue) {
        Boolean value = parsed(key, Boolean.toString(defaultValue), v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.parseBoolean(v);
        });
        return value == null ? defaultValue : value;
    }

    /** A comma- or space-separated list, blanks dropped. */
    public List<String> list(String key, String defaultValue) {
        return parsed(
                key,
                defaultValue,
                v -> Arrays.stream(v.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList());
    }

    /** Builds an object from values already read, recording its validation failure as a problem. */
    public <T> T build(String what, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
    }

    public void problem(String text) {
        problems.add(text);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** @throws InvalidConfiguration listing every problem recorded so far */
    public void failIfProblems(String profile) {
        if (!ok()) {
            throw new InvalidConfiguration(profile, problems);
        }
    }

    /** Every key read with a default, and that default (empty: no value). */
    public Map<String, String> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** Every key read, with or without a default. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(keys);
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A URL handed to clients: http(s) with a host, no query or fragment, as clients reach {@code what}. */
    public static URI clientUrl(String raw, String what) {
        URI uri = URI.create(raw);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be an http(s) URL with a host, as clients reach " + what);
        }
        return uri;
    }

    /** An enum constant by case-insensitive name, or a problem naming the allowed values. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "' (use "
                + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT))
                        .toList() + ")");
    }

    private <T> T parse(String key, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }
}
