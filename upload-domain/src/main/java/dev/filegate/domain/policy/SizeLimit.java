package dev.filegate.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A maximum size that applies to the media types matching a pattern such as {@code image/*}. */
public record SizeLimit(String pattern, DataSize max) {

    public SizeLimit {
        Objects.requireNonNull(max, "max");
        pattern = pattern.strip().toLowerCase(Locale.ROOT);
        new MediaTypeAllowList(List.of(pattern)); // validates the pattern
    }

    public boolean appliesTo(MediaType type) {
        return MediaTypeAllowList.matches(pattern, type);
    }

    /** Parses {@code image/*=20MiB,text/plain=1MiB}; an empty text gives no limits. */
    public static List<SizeLimit> parseAll(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(entry -> {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("not a pattern=size pair: '" + entry + "'");
                    }
                    return new SizeLimit(entry.substring(0, eq), DataSize.parse(entry.substring(eq + 1)));
                })
                .toList();
    }
}
