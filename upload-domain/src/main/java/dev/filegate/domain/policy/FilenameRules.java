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
     * the file is opened, and what a web server executes, for Windows, macOS, Linux, mobile, browsers and web servers.
     * Why each group is listed, and what is left off on purpose ({@code html}, {@code svg}, containers, {@code cer},
     * macro-enabled Office documents, ...), is written next to the list in {@code DefaultBlockedExtensions}.
     */
    public static final Set<String> DEFAULT_BLOCKED_EXTENSIONS = DefaultBlockedExtensions.ANYWHERE;

    /**
     * Extensions refused as the last extension only: Windows shell handlers whose extension is also an ordinary word
     * or abbreviation inside dotted names ({@code dark.theme.json}, {@code invoice.mar.2026.pdf},
     * {@code Acme.Inc.Report.pdf}), so that refusing them anywhere would refuse everyday names.
     */
    public static final Set<String> DEFAULT_BLOCKED_LAST_EXTENSIONS = DefaultBlockedExtensions.LAST;

    /**
     * Names that configure a web server for the directory they sit in, refused whole in the view (so in any case,
     * width or spacing), like {@code .htaccess}: IIS reads {@code web.config}.
     */
    private static final Set<List<String>> SERVER_CONFIGURATION_NAMES = Set.of(List.of("web", "config"));

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    /**
     * Windows device names, matched against the view's first segment: {@code con .txt}, {@code nul .txt}, and via
     * NFKC {@code COM} with SUPERSCRIPT ONE U+00B9 (Windows counts the superscripts one to three as port digits) and
     * fullwidth {@code CON}. Only a single digit makes a port: {@code com10.txt} is a file.
     */
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$|clock\\$");

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
    private static final String SEPARATOR_LOOKALIKES = String.join(
            "",
            "\u2044", // FRACTION SLASH
            "\u2215", // DIVISION SLASH
            "\u2216", // SET MINUS
            "\u29F5", // REVERSE SOLIDUS OPERATOR
            "\u29F8", // BIG SOLIDUS
            "\u29F9", // BIG REVERSE SOLIDUS
            "\u2571", // BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT
            "\u2572", // BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT
            "\u27CB", // MATHEMATICAL RISING DIAGONAL
            "\u27CD", // MATHEMATICAL FALLING DIAGONAL
            "\u29F6", // SOLIDUS WITH OVERBAR
            "\u29F7", // REVERSE SOLIDUS WITH HORIZONTAL STROKE
            "\u2AFB", // TRIPLE SOLIDUS BINARY RELATION
            "\u2AFD", // DOUBLE SOLIDUS OPERATOR
            "\u2CC6", // COPTIC CAPITAL LETTER OLD COPTIC ESH
            "\u2CC7", // COPTIC SMALL LETTER OLD COPTIC ESH
            "\u2E4A", // DOTTED SOLIDUS
            "\u3033", // VERTICAL KANA REPEAT MARK UPPER HALF (a slash when set horizontally)
            "\u3035", // VERTICAL KANA REPEAT MARK LOWER HALF (a backslash when set horizontally)
            "\u31D2", // CJK STROKE P
            "\u31D3", // CJK STROKE SP
            "\u4E3F", // CJK radical 4, and what NFKC makes of KANGXI RADICAL SLASH U+2F03
            new String(Character.toChars(0x1F67C)), // VERY HEAVY SOLIDUS
            new String(Character.toChars(0x1F67D))); // VERY HEAVY REVERSE SOLIDUS
    /**
     * Combining marks that draw a slash or a backslash through the character before them ({@code a}, U+0338, {@code b} shows
     * as a slashed {@code a}), refused anywhere in the view. The view is NFKC, which composes a base with its overlay
     * where Unicode has a precomposed character ({@code =} with U+0338 is NOT EQUAL TO U+2260), so those ordinary
     * symbols stay accepted however they arrive, and only an overlay left free is refused.
     */
    private static final String COMBINING_SLASH_OVERLAYS = String.join(
            "", "\u0337", // COMBINING SHORT SOLIDUS OVERLAY
            "\u0338", // COMBINING LONG SOLIDUS OVERLAY
            "\u20E0", // COMBINING ENCLOSING CIRCLE BACKSLASH
            "\u20E5", // COMBINING REVERSE SOLIDUS OVERLAY
            "\u20EB"); // COMBINING LONG DOUBLE SOLIDUS OVERLAY
    /**
     * Colon look-alikes that NFKC leaves alone (it folds FULLWIDTH COLON U+FF1A, SMALL COLON U+FE55 and the vertical
     * presentation form U+FE13 to {@code :}, which {@link #RESERVED} then catches). A colon names an NTFS alternate
     * data stream or a drive, and tools that "fix" names for Windows substitute these characters for it.
     *
     * <p>Not refused: colon-like letters and signs of living scripts, where refusing would refuse ordinary names:
     * DEVANAGARI and GUJARATI SIGN VISARGA (U+0903, U+0A83), KHMER SIGN REAHMUK U+17C7, LISU LETTER TONE MYA JEU
     * U+A4FD, and the Ethiopic word space and colon (U+1361, U+1365), which separate words in Ethiopic text.
     */
    private static final String COLON_LOOKALIKES = String.join(
            "", "\u02D0", // MODIFIER LETTER TRIANGULAR COLON
            "\u02F8", // MODIFIER LETTER RAISED COLON
            "\u0589", // ARMENIAN FULL STOP
            "\u05C3", // HEBREW PUNCTUATION SOF PASUQ
            "\u0703", // SYRIAC SUPRALINEAR COLON
            "\u0704", // SYRIAC SUBLINEAR COLON
            "\u16EC", // RUNIC MULTIPLE PUNCTUATION
            "\u1804", // MONGOLIAN COLON
            "\u205A", // TWO DOT PUNCTUATION
            "\u2236", // RATIO
            "\uA789"); // MODIFIER LETTER COLON
    /** A percent-encoded byte in a name that should arrive decoded: {@code a.php%00.jpg}, {@code ..%2Fx}. */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final int maxBytes;
    private final Set<String> blockedExtensions;
    private final Set<String> blockedLastExtensions;

    /**
     * With {@link #DEFAULT_BLOCKED_LAST_EXTENSIONS} as the extensions refused in last place.
     *
     * @param blockedExtensions refused anywhere in a name; normalised like a name's segments, so {@code PHP},
     *        {@code .php} and fullwidth {@code php} all block {@code php}
     */
    public FilenameRules(int maxBytes, Set<String> blockedExtensions) {
        this(maxBytes, blockedExtensions, DEFAULT_BLOCKED_LAST_EXTENSIONS);
    }

    /**
     * @param blockedExtensions refused anywhere in a name
     * @param blockedLastExtensions refused as the last extension only; both normalised like a name's segments
     */
    public FilenameRules(int maxBytes, Set<String> blockedExtensions, Set<String> blockedLastExtensions) {
        if (maxBytes < 8 || maxBytes > 1024) {
            throw new IllegalArgumentException("filename max length must be between 8 and 1024 bytes");
        }
        this.maxBytes = maxBytes;
        this.blockedExtensions = normalised(blockedExtensions);
        this.blockedLastExtensions = normalised(blockedLastExtensions);
    }

    private static Set<String> normalised(Set<String> extensions) {
        return extensions.stream()
                .map(e -> View.segment(View.fold(e)))
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            int cp = raw.codePointAt(i);
            if (Character.isSurrogate(raw.charAt(i)) && !validSurrogatePair(raw, i)) {
                throw invalid("the filename is not valid Unicode");
            }
            if (Character.isISOControl(cp)) {
                throw invalid("the filename contains control characters (NUL, CR, LF, tab or similar)");
            }
            int type = Character.getType(cp);
            // UNASSIGNED in the Basic Multilingual Plane only: this runtime's Unicode tables are older than the
            // clients', and new emoji (U+1FAE0 MELTING FACE is Unicode 14) arrive in the supplementary planes.
            if (type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED && Character.isBmpCodePoint(cp)
                    || invisible(raw, i, cp)) {
                throw invalid("the filename contains invisible or direction-changing characters");
            }
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        View view = View.of(name);
        String v = view.text();
        if (v.chars().anyMatch(ch -> RESERVED.indexOf(ch) >= 0)) {
            throw invalid("the filename contains a path separator or a reserved character (/ \\ < > : \" | ? *)");
        }
        if (v.codePoints()
                .anyMatch(cp -> SEPARATOR_LOOKALIKES.indexOf(cp) >= 0 || COMBINING_SLASH_OVERLAYS.indexOf(cp) >= 0)) {
            throw invalid("the filename contains a character that looks like a slash or a backslash");
        }
        if (v.codePoints().anyMatch(cp -> COLON_LOOKALIKES.indexOf(cp) >= 0)) {
            throw invalid("the filename contains a character that looks like a colon");
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
        if (SERVER_CONFIGURATION_NAMES.contains(view.segments())) {
            throw invalid("the filename is a web server configuration file");
        }
        for (String ext : view.extensions()) {
            if (blockedExtensions.contains(ext)) {
                throw invalid("the filename carries a blocked extension (." + ext + ")");
            }
        }
        List<String> extensions = view.extensions();
        if (!extensions.isEmpty() && blockedLastExtensions.contains(extensions.get(extensions.size() - 1))) {
            throw invalid("the filename carries a blocked extension (." + extensions.get(extensions.size() - 1) + ")");
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
            return new View(
                    text,
                    Arrays.stream(text.split("\\.", -1))
                            .map(View::beforeParameter)
                            .map(View::segment)
                            .toList());
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

    /**
     * Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties) as far as {@code Character.getType} does not
     * already refuse it: every ignorable of category Cf (SOFT HYPHEN U+00AD, ARABIC LETTER MARK U+061C, MONGOLIAN
     * VOWEL SEPARATOR U+180E, U+200B to U+200F, U+202A to U+202E, U+2060 to U+2064, U+2066 to U+206F, U+FEFF,
     * U+1BCA0 to U+1BCA3, U+1D173 to U+1D17A, the tags U+E0001 and U+E0020 to U+E007F) is FORMAT, and the
     * unassigned ones in the Basic Multilingual Plane are UNASSIGNED. What remains is listed here, with two blanks
     * that are not ignorable by the property but draw nothing.
     *
     * <p>EMOJI VARIATION SELECTOR U+FE0F and TEXT VARIATION SELECTOR U+FE0E stay accepted where they choose how a
     * symbol is drawn: directly after a symbol (HEAVY BLACK HEART U+2764 then U+FE0F, a red heart), after the four punctuation marks
     * with an emoji form, and in a keycap ({@code 1}, U+FE0F, COMBINING ENCLOSING KEYCAP U+20E3). Phones add them
     * to emoji as typed. Anywhere else they only make a name differ invisibly from one that looks the same.
     * Ideographic variation selectors (U+E0100 to U+E01EF) and the Mongolian free variation selectors are refused
     * everywhere: rare in file names, and a name that needs one still reads with the base character alone.
     */
    private static boolean invisible(String s, int i, int cp) {
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return !drawsASymbol(s, i);
        }
        return cp == 0x034F // COMBINING GRAPHEME JOINER
                || cp == 0x115F
                || cp == 0x1160 // HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
                || cp == 0x3164
                || cp == 0xFFA0 // HANGUL FILLER, HALFWIDTH HANGUL FILLER (NFKC: U+1160)
                || cp == 0x17B4
                || cp == 0x17B5 // KHMER VOWEL INHERENT AQ and AA
                || cp >= 0x180B && cp <= 0x180D
                || cp == 0x180F // MONGOLIAN FREE VARIATION SELECTORs
                || cp >= 0xFE00 && cp <= 0xFE0D // VARIATION SELECTOR-1 to -14
                || cp >= 0xE0000 && cp <= 0xE0FFF // tags, VARIATION SELECTOR-17 to -256, and the reserved rest
                || cp == 0x2800 // BRAILLE PATTERN BLANK: not ignorable, but blank
                || cp == 0x1D159; // MUSICAL SYMBOL NULL NOTEHEAD: not ignorable, but drawn as nothing
    }

    /** Whether U+FE0E or U+FE0F at {@code i} selects the presentation of the symbol before it. */
    private static boolean drawsASymbol(String s, int i) {
        if (i == 0) {
            return false;
        }
        int before = s.codePointBefore(i);
        int type = Character.getType(before);
        if (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL) {
            return true;
        }
        if (before == 0x203C
                || before == 0x2049
                || before == 0x3030
                || before
                        == 0x303D) { // DOUBLE EXCLAMATION MARK, EXCLAMATION QUESTION MARK, WAVY DASH, PART ALTERNATION
            // MARK
            return true;
        }
        boolean keycapBase = before >= '0' && before <= '9' || before == '#' || before == '*';
        return keycapBase && i + 1 < s.length() && s.charAt(i + 1) == '\u20E3';
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
