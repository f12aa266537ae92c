package dev.filegate.domain.policy;

import java.util.List;
import java.util.Set;

/**
 * Rules a client-supplied filename must meet. Hostile names are refused with a clear reason rather than silently
 * rewritten, so that what a user sees in the listing is what they sent.
 *
 * <p>The name as sent must be present and pass {@link RawCharacters} (no broken UTF-16, control, invisible or
 * direction-changing characters). It is then trimmed and NFC-normalised into the name that will be stored, and every
 * other rule reads one normalised view of it ({@link NameView}: NFKC, case-folded, split into segments as Windows and
 * IIS read them), so that a compatibility form (fullwidth letters, superscript digits, fullwidth or small solidus and
 * percent signs, one-dot leaders, no-break spaces) meets every rule as what it stands for. The rules run in a fixed
 * order, and the first one broken gives the reason:
 * <ol>
 * <li>{@link ReservedCharacters}: {@code / \ < > : " | ? *}, then slash and colon look-alikes;</li>
 * <li>{@link WindowsDeviceNames}: {@code con}, {@code nul}, {@code com1}, ... before any extension;</li>
 * <li>{@link NameShape}: dot segments, a leading dot or hyphen, a trailing dot or space;</li>
 * <li>{@link NameLength}: the stored name's bytes in UTF-8;</li>
 * <li>{@link PercentEncoding}: {@code %00}, {@code %2F}, ...;</li>
 * <li>{@link ServerConfigurationNames}: {@code web.config};</li>
 * <li>{@link BlockedExtensions}: in any segment, then in the last one;</li>
 * <li>{@link ExtensionForm}: 1 to 10 ASCII letters or digits.</li>
 * </ol>
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

    private final NameLength length;
    private final List<NameRule> rules;

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
     * @throws IllegalArgumentException when {@code maxBytes} is not between 8 and 1024
     */
    public FilenameRules(int maxBytes, Set<String> blockedExtensions, Set<String> blockedLastExtensions) {
        this.length = new NameLength(maxBytes);
        BlockedExtensions extensions = new BlockedExtensions(blockedExtensions, blockedLastExtensions);
        this.rules = List.of(
                ReservedCharacters::check,
                WindowsDeviceNames::check,
                NameShape::check,
                length,
                PercentEncoding::check,
                ServerConfigurationNames::check,
                extensions,
                ExtensionForm::check);
    }

    public static FilenameRules defaults() {
        return new FilenameRules(255, DEFAULT_BLOCKED_EXTENSIONS);
    }

    public int maxBytes() {
        return length.maxBytes();
    }

    /**
     * @throws PolicyViolation {@code INVALID_FILENAME} with the reason
     */
    public FileName check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw NameRule.refused("a filename is required");
        }
        RawCharacters.check(raw);
        NameView name = NameView.of(raw);
        for (NameRule rule : rules) {
            rule.check(name);
        }
        return new FileName(name.name());
    }
}
