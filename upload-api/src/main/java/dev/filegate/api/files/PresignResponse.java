package dev.filegate.api.files;

import dev.filegate.domain.upload.PresignedUpload;
import java.net.URI;
import java.util.Map;

/**
 * Where and how to send a direct upload's bytes, and where to report it done.
 *
 * @param authorization {@code bearer} when the PUT needs the caller's token (through the gateway), else {@code none}
 */
public record PresignResponse(
        String id,
        String mode,
        String authorization,
        String method,
        String putUrl,
        Map<String, String> headers,
        String expiresAt,
        String getUrl,
        String getExpiresAt,
        String completeUrl) {

    static PresignResponse of(PresignedUpload signed, String mode, boolean bearer, URI complete) {
        return new PresignResponse(
                signed.id().value(),
                mode,
                bearer ? "bearer" : "none",
                signed.put().method(),
                signed.put().url().toString(),
                signed.put().headers(),
                signed.put().expiresAt().toString(),
                signed.get().url().toString(),
                signed.get().expiresAt().toString(),
                complete.toString());
    }
}
