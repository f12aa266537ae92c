package dev.filegate.api.files;

import dev.filegate.domain.storage.AccessSigner.Audience;
import dev.filegate.domain.upload.UploadRequest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A proposed direct upload: {@code {"filename", "content_type", "size", "sha256"?, "endpoint"?: "public"|"internal"}}.
 * The domain validates every value; this record only carries them.
 */
public record PresignRequest(String filename, String contentType, Long size, String sha256, String endpoint) {

    static final String SHAPE = "{\"filename\", \"content_type\", \"size\", \"sha256\"?, \"endpoint\"?} with a whole "
            + "number of bytes as size";

    UploadRequest upload() {
        return new UploadRequest(filename, contentType, size == null ? OptionalLong.empty() : OptionalLong.of(size));
    }

    Optional<String> declaredSha256() {
        return Optional.ofNullable(sha256);
    }

    /** Which store endpoint the URLs are signed for: public (the default) or internal. */
    Audience audience() {
        return StoreEndpoint.parse(endpoint);
    }
}
