package dev.filegate.server;

import dev.filegate.api.config.ServiceConfiguration;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile Config over a map, for testing what the service makes of a configuration. Profiles resolve as
 * Liberty's SmallRye Config resolves them (observed with its 3.3 release, the one of mpConfig-3.1): the profiles are
 * {@code mp.config.profile} (else {@code smallrye.config.profile}) read without profiles, trimmed and split at commas,
 * the last listed first, then {@code smallrye.config.profile.parent}; every key, {@code mp.config.profile} included,
 * is looked up as {@code %profile.key} first; the property names list an active profile's {@code %profile.key} as
 * {@code key} too, while the one source's names are the keys as written. Under the map lie the properties file's
 * {@value ServiceConfiguration#ACTIVATED_PROFILE} entries, as the WAR carries them.
 */
final class MapConfig implements Config {

    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");

    private final Map<String, String> values;

    MapConfig(Map<String, String> values) {
        this.values = new HashMap<>(activatedProfileMarkers());
        this.values.putAll(values);
    }

    private static Map<String, String> activatedProfileMarkers() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> markers = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && key.endsWith("." + ServiceConfiguration.ACTIVATED_PROFILE)) {
                markers.put(key, properties.getProperty(key));
            }
        }
        return markers;
    }

    /** The active profiles, the one whose values win first. */
    private List<String> profiles() {
        String named = values.getOrDefault("mp.config.profile", values.get("smallrye.config.profile"));
        List<String> profiles = new ArrayList<>(split(named));
        Collections.reverse(profiles);
        profiles.addAll(split(values.get("smallrye.config.profile.parent")));
        return profiles;
    }

    private static List<String> split(String list) {
        return list == null
                ? List.of()
                : Stream.of(list.split(","))
                        .map(String::trim)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
            throw new UnsupportedOperationException("only strings");
        }
        for (String profile : profiles()) {
            String value = values.get("%" + profile + "." + name);
            if (value != null) {
                return Optional.of((T) value);
            }
        }
        return Optional.ofNullable((T) values.get(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new TreeSet<>(values.keySet());
        for (String profile : profiles()) {
            String prefix = "%" + profile + ".";
            values.keySet().stream()
                    .filter(key -> key.startsWith(prefix))
                    .forEach(key -> names.add(key.substring(prefix.length())));
        }
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of(new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return values.get(propertyName);
            }

            @Override
            public String getName() {
                return "map";
            }
        });
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
