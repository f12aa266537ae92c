package dev.filegate.domain.policy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes, parsed from human forms such as {@code 100MiB}, {@code 20MB} or {@code 1048576}. */
public record DataSize(long bytes) {

    private static final Pattern FORM =
            Pattern.compile("\\s*(\\d{1,19})\\s*([kmgt]i?b|b)?\\s*", Pattern.CASE_INSENSITIVE);

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, 1024L * 1024L));
    }

    /**
     * Parses {@code 123}, {@code 123B}, {@code 10KB} (10 000), {@code 10KiB} (10 240), likewise MB/MiB, GB/GiB, TB/TiB.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DataSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a data size: '" + text + "' (use e.g. 100MiB, 20MB or 1048576)");
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "b" -> 1L;
            case "kb" -> 1_000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1_000_000L;
            case "mib" -> 1L << 20;
            case "gb" -> 1_000_000_000L;
            case "gib" -> 1L << 30;
            case "tb" -> 1_000_000_000_000L;
            case "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown unit in '" + text + "'");
        };
        return new DataSize(Math.multiplyExact(number, factor));
    }

    @Override
    public String toString() {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + " GiB";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + " MiB";
        }
        if (bytes >= (1L << 10) && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
