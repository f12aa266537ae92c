package dev.filegate.api.config;

import java.util.Objects;

/**
 * Where the store is and how the service reaches it, without secrets: what operators see in the admin view. The
 * deployable that binds the store describes it.
 *
 * @param endpoint the store as the service reaches it ({@code AWS default} for the SDK's regional endpoint)
 * @param publicEndpoint the store as clients reach it (presigned URLs are signed for this host)
 * @param region the signing region
 * @param credentials {@code static} or {@code default chain}; never the credentials themselves
 */
public record StoreDescription(String endpoint, String publicEndpoint, String region, String credentials) {

    public StoreDescription {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(publicEndpoint, "publicEndpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }
}
