package dev.filegate.domain.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Media-type patterns a tenant may upload: exact ({@code application/pdf}), {@code image/*}, or {@code * /*}. */
public final class MediaTypeAllowList {

    private final List<String> patterns;

    public MediaTypeAllowList(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
        this.patterns = patterns.stream()
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty())
                .toList();
        for (String p : this.patterns) {
            if (!p.equals("*/*") && !p.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/(\\*|[a-z0-9][a-z0-9!#$&^_.+-]*)")) {
                throw new IllegalArgumentException("not a media-type pattern: '" + p + "'");
            }
        }
    }

    public static MediaTypeAllowList parse(String commaSeparated) {
        return new MediaTypeAllowList(List.of(commaSeparated.split(",")));
    }

    public boolean allows(MediaType type) {
        return patterns.stream().anyMatch(p -> matches(p, type));
    }

    static boolean matches(String pattern, MediaType type) {
        if (pattern.equals("*/*")) {
            return true;
        }
        int slash = pattern.indexOf('/');
        String t = pattern.substring(0, slash);
        String s = pattern.substring(slash + 1);
        return t.equals(type.type()) && (s.equals("*") || s.equals(type.subtype()));
    }

    public List<String> patterns() {
        return patterns;
    }
}
