package dev.filegate.domain.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range: {@code bytes=first-last}, {@code bytes=first-} or the suffix form {@code bytes=-length}.
 * Multi-range requests are not supported and parse to empty (the whole object is served, as RFC 9110 allows).
 */
public record ByteRange(Long first, Long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    public ByteRange {
        if (first == null && last == null) {
            throw new IllegalArgumentException("a range needs a start or a suffix length");
        }
        if (first != null && last != null && last < first) {
            throw new IllegalArgumentException("range end before start");
        }
    }

    public static Optional<ByteRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Long first = m.group(1).isEmpty() ? null : Long.valueOf(m.group(1));
            Long last = m.group(2).isEmpty() ? null : Long.valueOf(m.group(2));
            if (first == null && last == null || first != null && last != null && last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * No store holds an object this large (AWS's limit is 5 TiB): a range ending at or past it ends at the end of any
     * object, and is sent as an open range, which every store reads, rather than as a number some stores refuse.
     */
    static final long BEYOND_ANY_OBJECT = 1L << 50;

    /** The range as a {@code Range} header value for the store. */
    public String toHeader() {
        boolean toTheEnd = last == null || first != null && last >= BEYOND_ANY_OBJECT;
        return "bytes=" + (first == null ? "" : first) + "-" + (toTheEnd ? "" : last);
    }
}
