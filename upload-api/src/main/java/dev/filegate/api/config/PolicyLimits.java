package dev.filegate.api.config;

import dev.filegate.domain.policy.UploadPolicy;
import java.util.List;

/** The upload policy's limits as the capabilities and admin documents show them (JSON-B records, snake_case). */
public final class PolicyLimits {

    /** A smaller size limit for the types matching {@code types}. */
    public record TypeLimit(String types, long maxSize) {}

    /** The lifetimes of signed URLs, in seconds. */
    public record ExpirySeconds(long uploadUrl, long downloadUrl, long redirect) {}

    private PolicyLimits() {}

    public static List<String> uploadModes(ServiceConfiguration configuration) {
        return configuration.modes().upload().stream()
                .map(ServiceConfiguration.UploadMode::wire)
                .toList();
    }

    public static List<TypeLimit> sizeLimits(UploadPolicy policy) {
        return policy.sizeLimits().stream()
                .map(l -> new TypeLimit(l.pattern(), l.max().bytes()))
                .toList();
    }

    public static ExpirySeconds expirySeconds(UploadPolicy policy) {
        return new ExpirySeconds(
                policy.expiries().uploadUrl().toSeconds(),
                policy.expiries().downloadUrl().toSeconds(),
                policy.expiries().redirect().toSeconds());
    }
}
