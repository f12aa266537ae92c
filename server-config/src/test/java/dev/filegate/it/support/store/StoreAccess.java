package dev.filegate.it.support.store;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach and sign for a store.
 *
 * @param endpoint where the suites and the server reach it
 * @param otherName the same store under a second host name (its {@code public} endpoint in presigned mode), so that a
 *     URL signed for one name can be tried at the other; empty where the store has only one name
 * @param pathStyle path-style addressing ({@code host/bucket/key}) rather than virtual-hosted ({@code bucket.host/key})
 */
public record StoreAccess(
        URI endpoint, Optional<URI> otherName, String region, String accessKey, String secretKey, boolean pathStyle) {}
