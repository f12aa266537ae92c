package dev.filegate.domain.policy;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one normalised view of a name that the rules read, next to the name that will be stored.
 *
 * <p>The view is NFKC, case-folded (upper then lower case, so that DOTLESS I U+0131 meets {@code i} too), and split on
 * dots into segments, each ending at a ';' (as IIS reads it) and trimmed of the spaces around it, which Windows drops
 * ({@code con .txt} opens {@code CON}; {@code x.php .jpg} has a {@code php} segment). A compatibility form
 * (fullwidth letters, superscript digits, fullwidth or small solidus and percent signs, one-dot leaders, no-break
 * spaces) therefore meets every rule as what it stands for.
 *
 * <p>For the characters the rules look for ({@code / \ < > : " | ? * . % -}) the view is a superset of the NFC
 * name, so checking the view alone loses nothing: NFKC keeps each of them next to any code point, and case folding
 * only maps letters.
 *
 * @param name the name as it will be stored: trimmed and NFC-normalised
 * @param text the view of the whole name
 * @param segments the view split on dots; never empty
 */
record NameView(String name, String text, List<String> segments) {

    /** @param raw a name that {@link RawCharacters} accepted */
    static NameView of(String raw) {
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        String text = fold(name);
        List<String> segments = Arrays.stream(text.split("\\.", -1))
                .map(NameView::beforeParameter)
                .map(NameView::segment)
                .toList();
        return new NameView(name, text, segments);
    }

    /** NFKC and case-folded. */
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

    /** IIS ends an extension at a ';' ({@code x.asp;.png} runs as ASP): a segment is what precedes it. */
    private static String beforeParameter(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
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

    /** The last of {@link #extensions()}, or an empty string when the name has no dot. */
    String lastExtension() {
        return segments.size() < 2 ? "" : segments.get(segments.size() - 1);
    }
}
