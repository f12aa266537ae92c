package dev.filegate.domain.policy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rules a client-supplied filename must meet. Hostile names are refused with a clear reason rather than silently
 * rewritten, so that what a user sees in the listing is what they sent.
 */
public final class FilenameRules {

    /** Extensions that are refused anywhere in a name: server-side scripts and native executables. */
    public static final Set<String> DEFAULT_BLOCKED_EXTENSIONS = Set.of(
            "php", "php3", "php4", "php5", "php7", "phtml", "phar", "pht", "asp", "aspx", "ascx", "ashx", "asmx",
            "jsp", "jspx", "cgi", "pl", "py", "rb", "sh", "bash", "exe", "dll", "com", "bat", "cmd", "ps1", "vbs",
            "vbe", "jse", "wsf", "wsh", "msi", "scr", "hta", "htaccess", "jar", "war", "so", "dylib");

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?",
            Pattern.CASE_INSENSITIVE);
    private static final String RESERVED = "/\\<>:\"|?*";
    /** A percent-encoded byte in a name that should arrive decoded: {@code a.php%00.jpg}, {@code ..%2Fx}. */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final int maxBytes;
    private final Set<String> blockedExtensions;

    public FilenameRules(int maxBytes, Set<String> blockedExtensions) {
        if (maxBytes < 8 || maxBytes > 1024) {
            throw new IllegalArgumentException("filename max length must be between 8 and 1024 bytes");
        }
        this.maxBytes = maxBytes;
        this.blockedExtensions = blockedExtensions.stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public static FilenameRules defaults() {
        return new FilenameRules(255, DEFAULT_BLOCKED_EXTENSIONS);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @throws PolicyViolation {@code INVALID_FILENAME} with the reason
     */
    public FileName check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("a filename is required");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c)) {
                throw invalid("the filename contains control characters (NUL, CR, LF, tab or similar)");
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                throw invalid("the filename contains invisible or direction-changing characters");
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(raw, i)) {
                throw invalid("the filename is not valid Unicode");
            }
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        // Compatibility forms (fullwidth solidus, one-dot leaders, ...) must not smuggle separators or dot segments.
        String compat = Normalizer.normalize(name, Normalizer.Form.NFKC);
        for (String form : List.of(name, compat)) {
            if (form.chars().anyMatch(ch -> RESERVED.indexOf(ch) >= 0)) {
                throw invalid("the filename contains a path separator or a reserved character (/ \\ < > : \" | ? *)");
            }
            if (form.contains("..")) {
                throw invalid("the filename contains a dot segment (..)");
            }
            if (form.startsWith(".")) {
                throw invalid("the filename starts with a dot (hidden files are not accepted)");
            }
            if (form.startsWith("-")) {
                throw invalid("the filename starts with a hyphen");
            }
            if (form.endsWith(".") || form.endsWith(" ")) {
                throw invalid("the filename ends with a dot or a space");
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw invalid("the filename is longer than " + maxBytes + " bytes");
        }
        if (PERCENT_ENCODED.matcher(name).find()) {
            throw invalid("the filename contains a percent-encoded sequence (such as %00 or %2F); send it decoded");
        }
        if (WINDOWS_DEVICE.matcher(name).matches()) {
            throw invalid("the filename is a reserved device name");
        }
        String[] segments = compat.toLowerCase(Locale.ROOT).split("\\.");
        for (int i = 1; i < segments.length; i++) {
            if (blockedExtensions.contains(segments[i].strip())) {
                throw invalid("the filename carries a blocked extension (." + segments[i].strip() + ")");
            }
        }
        FileName fileName = new FileName(name);
        String ext = fileName.extension();
        if (!ext.isEmpty() && !EXTENSION.matcher(ext).matches()) {
            throw invalid("the file extension must be 1 to 10 ASCII letters or digits");
        }
        return fileName;
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static PolicyViolation invalid(String reason) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_FILENAME, reason);
    }
}
