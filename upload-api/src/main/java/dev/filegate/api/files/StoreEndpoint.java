package dev.filegate.api.files;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.AccessSigner.Audience;

/** The {@code endpoint} a client names for signed URLs: {@code public} (the default) or {@code internal}. */
public final class StoreEndpoint {

    private StoreEndpoint() {}

    /** @param endpoint the client's word, or {@code null} for the default */
    public static Audience parse(String endpoint) {
        return switch (endpoint == null ? "public" : endpoint) {
            case "public" -> Audience.PUBLIC;
            case "internal" -> Audience.INTERNAL;
            default ->
                throw new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, "endpoint must be public or internal");
        };
    }
}
