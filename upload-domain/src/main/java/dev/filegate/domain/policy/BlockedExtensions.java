package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured extensions a name may not carry: some refused in any segment after the first ({@code x.php.jpg}),
 * some only in the last ({@code x.theme}, not {@code dark.theme.json}). The first blocked segment, from the left,
 * names the reason; the defaults are in {@link DefaultBlockedExtensions}.
 */
final class BlockedExtensions implements NameRule {

    private final Set<String> anywhere;
    private final Set<String> last;

    /**
     * Both sets are normalised like a name's segments, so {@code PHP}, {@code .php} and fullwidth {@code php} all
     * block {@code php}; an entry that normalises to nothing is dropped.
     */
    BlockedExtensions(Set<String> anywhere, Set<String> last) {
        this.anywhere = normalised(anywhere);
        this.last = normalised(last);
    }

    private static Set<String> normalised(Set<String> extensions) {
        return extensions.stream()
                .map(e -> NameView.segment(NameView.fold(e)))
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void check(NameView name) {
        for (String extension : name.extensions()) {
            if (anywhere.contains(extension)) {
                throw blocked(extension);
            }
        }
        if (last.contains(name.lastExtension())) {
            throw blocked(name.lastExtension());
        }
    }

    private static PolicyViolation blocked(String extension) {
        return refused("the filename carries a blocked extension (." + extension + ")");
    }
}
