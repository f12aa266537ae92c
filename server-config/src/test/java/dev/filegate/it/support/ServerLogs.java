package dev.filegate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads everything the server side wrote (Liberty's messages, trace, FFDC and console logs; nginx's logs when a
 * gateway ran) and reports any secret found: store credentials, SigV4 signatures and credentials, and bearer tokens
 * (every token this JVM minted, forged or not, and anything shaped like a JWT), and the gateway's shared secret. No
 * file is exempt: Liberty's rejection message that quotes a token whose signature fails is dropped (server.xml).
 */
public final class ServerLogs {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");
    private static final Pattern HEX_SIGNATURE = Pattern.compile("Signature=[0-9a-f]{64}");

    private ServerLogs() {}

    /** The log files written so far. */
    public static List<Path> files() {
        List<Path> roots = new ArrayList<>(List.of(Path.of(ItProperties.required("it.server.log"))));
        roots.add(Path.of(ItProperties.required("it.dir"), "nginx", "logs"));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** One line per secret found, naming the file and the kind of secret (never the secret itself). */
    public static List<String> secretsFound() {
        String secret = ItEnvironment.env().store.secretKey();
        String accessKey = ItEnvironment.env().store.accessKey();
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            check(found, file, "the store's secret key", text.contains(secret));
            check(found, file, "the store's access key", text.contains(accessKey));
            check(found, file, "a presigned signature (X-Amz-Signature)", text.contains("X-Amz-Signature"));
            check(found, file, "a presigned credential (X-Amz-Credential)", text.contains("X-Amz-Credential"));
            check(
                    found,
                    file,
                    "a SigV4 header signature",
                    HEX_SIGNATURE.matcher(text).find());
            check(
                    found,
                    file,
                    "the gateway's shared secret",
                    text.contains(ItProperties.required("it.gateway.secret")));
            check(found, file, "something shaped like a JWT", JWT.matcher(text).find());
            for (String token : Tokens.minted()) {
                String[] parts = token.split("\\.", -1);
                boolean leaked =
                        text.contains(parts[1]) || parts.length > 2 && parts[2].length() > 8 && text.contains(parts[2]);
                if (leaked) {
                    found.add(file + ": a bearer token minted by the suite");
                    break;
                }
            }
        }
        return found;
    }

    private static void check(List<String> found, Path file, String what, boolean present) {
        if (present) {
            found.add(file + ": " + what);
        }
    }
}
