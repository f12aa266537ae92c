package dev.filegate.api.files;

import dev.filegate.domain.upload.StoredFile;
import java.net.URI;
import java.util.Locale;

/** The JSON face of a file (snake_case through JSON-B); absent values are left out. */
public record FileResponse(
        String id,
        String org,
        String filename,
        String contentType,
        long size,
        String url,
        String sha256,
        String etag,
        String createdAt,
        String state,
        String uploadedBy) {

    public static FileResponse of(StoredFile f, URI location) {
        return new FileResponse(
                f.id().value(),
                f.org().value(),
                f.filename(),
                f.contentType() == null ? "application/octet-stream" : f.contentType(),
                f.size(),
                location.toString(),
                f.sha256(),
                f.etag(),
                f.createdAt() == null ? null : f.createdAt().toString(),
                f.state().name().toLowerCase(Locale.ROOT),
                f.uploadedBy());
    }
}
