package dev.filegate.domain.policy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rules a client-supplied filename must meet. Hostile names are refused with a clear reason rather than silently
 * rewritten, so that what a user sees in the listing is what they sent.
 *
 * <p>Apart from the per-character checks on the raw input, the byte length of the stored name and the form of the
 * stored extension, every rule reads one normalised view of the name (see {@code View} below): its NFKC form, case-folded,
 * split on dots into segments (each ending at a ';', as IIS reads it) with the spaces that Windows drops around a
 * segment trimmed. A compatibility form
 * (fullwidth letters, superscript digits, fullwidth or small solidus and percent signs, one-dot leaders, no-break
 * spaces) therefore meets every rule as what it stands for, not just the few rules that once thought of it.
 */
public final class FilenameRules {

    /**
     * Extensions refused anywhere in a name (not only the last one, because Apache {@code mod_mime} and similar
     * handler mappings act on any of them: {@code x.php.jpg}): what an operating system runs, installs or follows when
     * the file is opened, and what a web server executes. Entries are compared with the name's normalised segments.
     *
     * <p>Not listed, deliberately:
     * <ul>
     * <li>{@code html}, {@code htm}, {@code svg} (and {@code xml}, {@code mht}): dangerous only when rendered inline,
     * and this service never does that: downloads are {@code Content-Disposition: attachment} with {@code nosniff} and
     * {@code Content-Security-Policy: sandbox}, and the magic-byte check refuses markup declared as an image or a PDF.
     * They are ordinary document types ({@link KnownFileTypes}); whether they are accepted at all is the media-type
     * allow-list's decision (the default one refuses them). {@code xhtml} <em>is</em> listed: Jakarta Faces
     * (Facelets) executes {@code .xhtml} pages on the server.</li>
     * <li>Containers: {@code zip}, {@code gz}, {@code tar}, {@code cab}, {@code iso}, {@code img}, {@code vhd},
     * {@code dmg}. They run nothing by themselves; the allow-list decides.</li>
     * <li>{@code bin}, {@code elf}: Unix runs files by their mode bit and magic, never by name, and these extensions
     * mostly mark plain binary data and firmware images.</li>
     * <li>{@code ko} (Linux kernel module): only root loads one, with {@code modprobe}, whatever its name; and
     * {@code .ko.} is the Korean language tag in names such as {@code film.ko.srt}.</li>
     * <li>{@code cer}: legacy IIS maps it to ASP, but it is first a certificate, a real document type.</li>
     * <li>Office documents with macros ({@code docm}, {@code xlsm}, ...): documents, opened by an application that
     * asks before running macros; the allow-list decides.</li>
     * </ul>
     *
     * <p>The names with a hyphen ({@code appref-ms}, {@code library-ms}, ...) cannot be a last extension anyway (an
     * extension must be 1 to 10 ASCII letters or digits), but listing them refuses them as inner segments too and names
     * the reason. Segments are split on dots, so a dotted extension could never match and none is listed.
     */
    public static final Set<String> DEFAULT_BLOCKED_EXTENSIONS = Set.of(
            // Windows: programs and libraries, installers, scripts run by a shell or Windows Script Host,
            // shortcuts and settings files that run or point at something when opened.
            "exe", "com", "scr", "pif", "cpl", "dll", "ocx", "sys", "drv", "msi", "msp", "mst", "msu", "msix",
            "msixbundle", "appx", "appxbundle", "appinstaller", "application", "appref-ms", "xbap", "gadget", "bat",
            "cmd", "ps1", "ps1xml", "psc1", "psd1", "psm1", "pssc", "vbs", "vbe", "js", "jse", "ws", "wsf", "wsh",
            "wsc", "sct", "hta", "chm", "hlp", "lnk", "url", "scf", "library-ms", "searchconnector-ms",
            "settingcontent-ms", "reg", "inf", "msc", "diagcab", "wsb", "xll",
            // Windows, older or rarer but still run by the shell, Office or the Monad/PowerShell host: shell scrap
            // objects, Access projects, Monad scripts, Excel web queries and SYLK, VSTO add-ins, Remote Desktop files.
            "shs", "shb", "ade", "adp", "mde", "accde", "msh", "msh1", "msh2", "mshxml", "msh1xml", "msh2xml", "ps2",
            "ps2xml", "psc2", "iqy", "slk", "vsto", "rdp",
            // macOS: applications and installers, scripts run by Terminal, Script Editor or Automator, shortcuts,
            // configuration profiles, libraries.
            "app", "pkg", "mpkg", "command", "tool", "terminal", "scpt", "applescript", "workflow", "action",
            "webloc", "fileloc", "inetloc", "mobileconfig", "dylib",
            // Linux and Unix: shell scripts, self-extracting installers, packages, desktop launchers, libraries.
            "sh", "bash", "zsh", "csh", "tcsh", "ksh", "fish", "run", "deb", "rpm", "appimage", "snap", "flatpak",
            "flatpakref", "desktop", "so",
            // Mobile and browser packages.
            "apk", "xapk", "ipa", "crx", "xpi",
            // Cross-platform runtimes and interpreters that run a file when it is opened or deployed.
            "jar", "war", "ear", "class", "jnlp", "py", "pyc", "pyo", "pyw", "pyz", "pyzw", "rb", "pl", "pm", "cgi",
            "fcgi", "wsgi", "lua", "tcl", "mjs", "cjs",
            // Server-side web: PHP, ASP and ASP.NET, Java Server Pages and Faces, ColdFusion, server-side includes,
            // Apache per-directory configuration.
            "php", "php2", "php3", "php4", "php5", "php6", "php7", "php8", "phtml", "phtm", "pht", "phps", "phar",
            "asp", "asa", "cdx", "aspx", "ascx", "ashx", "asmx", "asax", "axd", "svc", "cshtml", "vbhtml", "jsp",
            "jspx", "jspf", "xhtml", "cfm", "cfml", "cfc", "shtml", "shtm", "stm", "htaccess", "htpasswd");

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    /**
     * Windows device names, matched against the view's first segment: {@code con .txt}, {@code nul .txt}, and via
     * NFKC {@code COM} with SUPERSCRIPT ONE U+00B9 (Windows counts the superscripts one to three as port digits) and
     * fullwidth {@code CON}. Only a single digit makes a port: {@code com10.txt} is a file.
     */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile(
            "con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$|clock\\$");
    private static final String RESERVED = "/\\<>:\"|?*";
    /**
     * Slash and backslash look-alikes that NFKC leaves alone (it folds the fullwidth and small forms U+FF0F, U+FF3C
     * and U+FE68 to {@code /} and {@code \}, which {@link #RESERVED} then catches). They read as a path in a listing
     * and best-fit conversion to a legacy code page can turn some into real separators. FRACTION SLASH is also what
     * NFKC makes of a vulgar fraction (VULGAR FRACTION ONE HALF U+00BD is {@code 1}, U+2044, {@code 2}), so those are
     * refused with it, as CARE OF U+2105 (NFKC {@code c/o}) always was.
     *
     * <p>Currency signs that legacy East Asian code pages put on the backslash byte (YEN SIGN U+00A5, WON SIGN U+20A9)
     * are not refused: they are ordinary in Japanese and Korean names, and a name never becomes a path here.
     */
    private static final String SEPARATOR_LOOKALIKES = String.join("",
            "\u2044", // FRACTION SLASH
            "\u2215", // DIVISION SLASH
            "\u2216", // SET MINUS
            "\u29F5", // REVERSE SOLIDUS OPERATOR
            "\u29F8", // BIG SOLIDUS
            "\u29F9", // BIG REVERSE SOLIDUS
            "\u2571", // BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT
            "\u2572", // BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT
            new String(Character.toChars(0x1F67C)), // VERY HEAVY SOLIDUS
            new String(Character.toChars(0x1F67D))); // VERY HEAVY REVERSE SOLIDUS
    /** A percent-encoded byte in a name that should arrive decoded: {@code a.php%00.jpg}, {@code ..%2Fx}. */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final int maxBytes;
    private final Set<String> blockedExtensions;

    /**
     * @param blockedExtensions normalised like a name's segments, so {@code PHP}, {@code .php} and fullwidth
     *        {@code php} all block {@code php}
     */
    public FilenameRules(int maxBytes, Set<String> blockedExtensions) {
        if (maxBytes < 8 || maxBytes > 1024) {
            throw new IllegalArgumentException("filename max length must be between 8 and 1024 bytes");
        }
        this.maxBytes = maxBytes;
        this.blockedExtensions = blockedExtensions.stream().map(e -> View.segment(View.fold(e)))
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
        View view = View.of(name);
        String v = view.text();
        if (v.chars().anyMatch(ch -> RESERVED.indexOf(ch) >= 0)) {
            throw invalid("the filename contains a path separator or a reserved character (/ \\ < > : \" | ? *)");
        }
        if (v.codePoints().anyMatch(cp -> SEPARATOR_LOOKALIKES.indexOf(cp) >= 0)) {
            throw invalid("the filename contains a character that looks like a slash or a backslash");
        }
        if (WINDOWS_DEVICE.matcher(view.base()).matches()) {
            throw invalid("the filename is a reserved device name");
        }
        if (v.contains("..")) {
            throw invalid("the filename contains a dot segment (..)");
        }
        if (v.startsWith(".")) {
            throw invalid("the filename starts with a dot (hidden files are not accepted)");
        }
        if (v.startsWith("-")) {
            throw invalid("the filename starts with a hyphen");
        }
        if (v.endsWith(".") || v.endsWith(" ")) {
            throw invalid("the filename ends with a dot or a space");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw invalid("the filename is longer than " + maxBytes + " bytes");
        }
        if (PERCENT_ENCODED.matcher(v).find()) {
            throw invalid("the filename contains a percent-encoded sequence (such as %00 or %2F); send it decoded");
        }
        for (String ext : view.extensions()) {
            if (blockedExtensions.contains(ext)) {
                throw invalid("the filename carries a blocked extension (." + ext + ")");
            }
        }
        FileName fileName = new FileName(name);
        String ext = fileName.extension();
        if (!ext.isEmpty() && !EXTENSION.matcher(ext).matches()) {
            throw invalid("the file extension must be 1 to 10 ASCII letters or digits");
        }
        return fileName;
    }

    /**
     * The one normalised view of a name that the rules read: NFKC, case-folded (upper then lower case, so that
     * DOTLESS I U+0131 meets {@code i} too), and split on dots into segments trimmed of the spaces around them, which
     * Windows drops ({@code con .txt} opens {@code CON}; {@code x.php .jpg} has a {@code php} segment).
     *
     * <p>For the characters the rules look for ({@code / \ < > : " | ? * . % -}) the view is a superset of the NFC
     * name, so checking the view alone loses nothing: NFKC keeps each of them next to any code point, and case folding
     * only maps letters.
     */
    private record View(String text, List<String> segments) {

        static View of(String nfc) {
            String text = fold(nfc);
            return new View(text, Arrays.stream(text.split("\\.", -1)).map(View::beforeParameter).map(View::segment).toList());
        }

        /** IIS ends an extension at a ';' ({@code x.asp;.png} runs as ASP): a segment is what precedes it. */
        static String beforeParameter(String segment) {
            int semicolon = segment.indexOf(';');
            return semicolon < 0 ? segment : segment.substring(0, semicolon);
        }

        static String fold(String s) {
            String compat = Normalizer.normalize(s, Normalizer.Form.NFKC);
            return Normalizer.normalize(compat.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        }

        /** A segment (or a configured extension) as Windows resolves it: without the spaces and dots around it. */
        static String segment(String s) {
            int start = 0;
            int end = s.length();
            while (start < end && ignorable(s.charAt(start))) {
                start++;
            }
            while (end > start && ignorable(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(start, end);
        }

        private static boolean ignorable(char c) {
            return c == '.' || Character.isWhitespace(c);
        }

        /** The first segment: what Windows compares with its device names. */
        String base() {
            return segments.get(0);
        }

        /** Every segment after the first: each one is an extension to some handler. */
        List<String> extensions() {
            return segments.subList(1, segments.size());
        }
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
