package dev.filegate.it.support.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of a given version or later for a tool that needs a newer Java than the build's own (Keycloak needs 21+,
 * filegate runs on 17): {@code -Dit.keycloak.java-home=...} if given, else the newest JDK under {@code /usr/lib/jvm}
 * (Debian's and Temurin's packages put theirs there), judged by its {@code release} file.
 */
final class JavaHomes {

    static final String PROPERTY = "it.keycloak.java-home";
    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private JavaHomes() {}

    static Path atLeast(int feature) {
        String given = System.getProperty(PROPERTY, "");
        if (!given.isBlank()) {
            Path home = Path.of(given.strip());
            if (version(home).filter(v -> v >= feature).isEmpty()) {
                throw new IllegalStateException(PROPERTY + " is " + home + ", which is not a JDK " + feature
                        + " or later (no bin/java, or its release file says otherwise)");
            }
            return home;
        }
        return newest(JVMS)
                .filter(home -> version(home).orElse(0) >= feature)
                .orElseThrow(() -> new IllegalStateException("Keycloak needs Java " + feature + " or later, and "
                        + JVMS + " has none: install one (e.g. apt-get install openjdk-21-jdk-headless) or name it"
                        + " with -D" + PROPERTY + "=/path/to/jdk"));
    }

    /** The JDK under {@code dir} with the highest version, if any. */
    static Optional<Path> newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.filter(home -> version(home).isPresent())
                    .max(Comparator.comparing((Path home) -> version(home).orElse(0))
                            .thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version a JDK's {@code release} file names, if it is a JDK with a {@code bin/java}. */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
