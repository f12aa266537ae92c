package dev.filegate.testkit.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The MicroProfile Config properties a deployed filegate needs for a test run, in the forms a suite hands them to a
 * server: as they are ({@link #properties()}), as JVM arguments ({@link #jvmArguments()}, e.g. Arquillian's {@code
 * javaVmArguments}), as environment variables ({@link #environment()}) or as a Liberty {@code server.env} file
 * ({@link #writeServerEnv}). Immutable; {@link #with} makes a changed copy.
 */
public final class FilegateConfiguration {

    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    private final SortedMap<String, String> properties;

    private FilegateConfiguration(SortedMap<String, String> properties) {
        this.properties = Collections.unmodifiableSortedMap(properties);
    }

    /** The given properties (keys as filegate's configuration reference names them). */
    public static FilegateConfiguration of(Map<String, String> properties) {
        SortedMap<String, String> copy = new TreeMap<>();
        properties.forEach((key, value) -> copy.put(requireKey(key), Objects.requireNonNull(value, key)));
        return new FilegateConfiguration(copy);
    }

    /** A copy with {@code key} set to {@code value} (replacing what it was). */
    public FilegateConfiguration with(String key, String value) {
        SortedMap<String, String> copy = new TreeMap<>(properties);
        copy.put(requireKey(key), Objects.requireNonNull(value, key));
        return new FilegateConfiguration(copy);
    }

    /** Every property, sorted by key. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The value of {@code key}; fails on a key this configuration does not set. */
    public String get(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is not set; set are " + properties.keySet());
        }
        return value;
    }

    /**
     * One {@code -Dkey=value} per property. Fails on a value with whitespace, which a launcher splitting a line of
     * arguments at spaces (Arquillian's {@code javaVmArguments}) would cut in two.
     */
    public List<String> jvmArguments() {
        return properties.entrySet().stream()
                .map(e -> {
                    if (WHITESPACE.matcher(e.getValue()).find()) {
                        throw new IllegalStateException(e.getKey() + " has whitespace in its value, which a line of"
                                + " JVM arguments cannot carry: use environment() or writeServerEnv instead");
                    }
                    return "-D" + e.getKey() + "=" + e.getValue();
                })
                .toList();
    }

    /** {@link #jvmArguments()} as one line, as Arquillian's {@code javaVmArguments} takes them. */
    public String jvmArgumentLine() {
        return String.join(" ", jvmArguments());
    }

    /**
     * The properties as environment variables, named as MicroProfile Config looks them up: upper case, every
     * character but letters and digits an underscore ({@code storage.s3.endpoint} is {@code STORAGE_S3_ENDPOINT}).
     */
    public Map<String, String> environment() {
        return properties.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> environmentName(e.getKey()), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The environment variable MicroProfile Config reads {@code key} from. */
    public static String environmentName(String key) {
        return NOT_ALPHANUMERIC.matcher(key).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /**
     * Writes {@link #environment()} as a Liberty {@code server.env} ({@code NAME=value} lines; Liberty takes the rest
     * of a line as the value, spaces included), replacing the file.
     *
     * @param file e.g. {@code wlp/usr/servers/<server>/server.env}
     */
    public void writeServerEnv(Path file) throws IOException {
        for (String value : properties.values()) {
            if (value.contains("\n") || value.contains("\r")) {
                throw new IllegalStateException("a server.env line cannot carry a line break");
            }
        }
        String lines = environment().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, lines, StandardCharsets.UTF_8);
    }

    private static String requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || WHITESPACE.matcher(key).find()) {
            throw new IllegalArgumentException("'" + key + "' is not a configuration key");
        }
        return key;
    }

    /** The keys, never the values: the store's secret key is among them. */
    @Override
    public String toString() {
        return "FilegateConfiguration" + properties.keySet();
    }
}
