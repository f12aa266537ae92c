package dev.filegate.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the token verification key that {@code ./run} generates for the dev profile, whose private half lies
 * unprotected in {@code .data/keys} and signs the dev tokens. A heuristic against the accident of shipping that key to
 * production, not a defence against an operator who means to: it knows the key by its file name ({@value #FILE_NAME},
 * as the last segment of a location, decoded, in any case) and by the mark {@code ./run} gives it, the RSA public
 * exponent {@value #MARK_EXPONENT} (keys are generated with 65537 elsewhere), which survives renaming, copying the key
 * inline and converting it to a JWK. It does not see a key fetched over https, a classpath resource, or a copy
 * re-encoded in a form it does not read (a certificate, PKCS#1).
 */
final class RunDevKey {

    /** The name {@code ./run} gives the verification key, in {@code .data/keys}. */
    static final String FILE_NAME = "dev-token-public.pem";

    /** The RSA public exponent {@code ./run} generates its dev token key with (a prime, as RSA needs). */
    static final int MARK_EXPONENT = 65539;

    /** {@link #MARK_EXPONENT} as a JWK's {@code e}: base64url of its big-endian bytes 01 00 03. */
    private static final Pattern JWK_MARK = Pattern.compile("\"e\"\\s*:\\s*\"AQAD\"");

    private static final Pattern PEM_PUBLIC_KEY =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    /** Larger than any key file; a larger file is not read (Liberty's to refuse). */
    private static final int MAX_KEY_FILE = 256 * 1024;

    private RunDevKey() {}

    /** Whether {@code location} (a path or URL) names {@value #FILE_NAME} as its last segment, however it is written. */
    static boolean named(String location) {
        String path = location;
        int scheme = path.indexOf(':');
        if (scheme > 1 && path.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            path = path.substring(scheme + 1); // file:, https:, ... (not a Windows drive letter)
            if (path.startsWith("//")) {
                int query = indexOfAny(path, "?#");
                path = query < 0 ? path : path.substring(0, query);
            }
        }
        // The file a path opens is the last segment left once dot segments and empty ones are resolved, as a
        // canonical path resolves them: x/dev-token-public.pem/ and x/dev-token-public.pem/y/.. open it too.
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : percentDecoded(path).replace('\\', '/').split("/")) {
            String name = segment.strip();
            if (name.equals("..")) {
                segments.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.addLast(name);
            }
        }
        return !segments.isEmpty()
                && segments.getLast().toLowerCase(Locale.ROOT).equals(FILE_NAME);
    }

    /** Whether {@code key} (PEM or JWK/JWKS text) holds an RSA key with {@code ./run}'s mark. */
    static boolean marked(String key) {
        if (JWK_MARK.matcher(key).find()) {
            return true;
        }
        Matcher pem = PEM_PUBLIC_KEY.matcher(key);
        while (pem.find()) {
            if (marked(Base64.getMimeDecoder().decode(pem.group(1).strip()))) {
                return true;
            }
        }
        String bare = key.replaceAll("\\s", "");
        if (!bare.isEmpty() && bare.matches("[A-Za-z0-9+/]+=*")) { // a PEM body without its BEGIN/END lines
            try {
                return marked(Base64.getDecoder().decode(bare));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean marked(byte[] subjectPublicKeyInfo) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            return key instanceof RSAPublicKey rsa && rsa.getPublicExponent().equals(BigInteger.valueOf(MARK_EXPONENT));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // not an RSA public key: Liberty's to refuse
        }
    }

    /**
     * The text of the local file Liberty would read for {@code location}: the path of a {@code file:} URL, or a plain
     * path; empty for a URL it fetches, a classpath resource, or a file that cannot be read (Liberty reports those).
     */
    static Optional<String> localFile(String location, Optional<URI> asUri) {
        Path path;
        try {
            if (asUri.isPresent()) {
                if (!"file".equals(asUri.get().getScheme()) || asUri.get().getPath() == null) {
                    return Optional.empty();
                }
                path = Path.of(asUri.get().getPath());
            } else {
                path = Path.of(location);
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_KEY_FILE) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(path)) {
                return Optional.of(new String(in.readNBytes(MAX_KEY_FILE), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** {@code %XX} decoded where it is well formed, everything else as it is ({@code +} stays a plus). */
    private static String percentDecoded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
