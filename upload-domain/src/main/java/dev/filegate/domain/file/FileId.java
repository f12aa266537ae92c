package dev.filegate.domain.file;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's identifier within its tenant, as it appears in URLs: {@code yyyy-mm-uuid[.ext]}. It maps one to one onto
 * the tail of the {@link StorageKey}; parsing is strict, so any traversal attempt simply is not an id.
 */
public record FileId(String value) {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String EXT = "(?:\\.[a-z0-9]{1,10})?";
    private static final Pattern FORM = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])-(" + UUID + ")(" + EXT + ")");

    public FileId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a file id");
        }
    }

    /** Parses untrusted text; empty for anything that is not exactly a file id. */
    public static Optional<FileId> parse(String text) {
        if (text == null || text.length() > 64 || !FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new FileId(text));
    }

    String year() {
        return part(1);
    }

    String month() {
        return part(2);
    }

    String uuid() {
        return part(3);
    }

    String extension() {
        return part(4);
    }

    private String part(int group) {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException();
        }
        return m.group(group);
    }

    @Override
    public String toString() {
        return value;
    }
}
