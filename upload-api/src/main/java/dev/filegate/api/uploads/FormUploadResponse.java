package dev.filegate.api.uploads;

import dev.filegate.domain.upload.FormUpload;
import java.net.URI;
import java.util.Map;

/**
 * The answer to {@code s3/params}: {@code method}, {@code url}, {@code fields} and {@code headers} as Uppy reads
 * them, and this API's own {@code file_id}, {@code complete_url} and {@code expires_at}.
 */
public record FormUploadResponse(
        String method,
        String url,
        Map<String, String> fields,
        Map<String, String> headers,
        String fileId,
        String completeUrl,
        String expiresAt) {

    static FormUploadResponse of(FormUpload form, URI complete) {
        return new FormUploadResponse(
                "POST",
                form.form().url().toString(),
                form.form().fields(),
                Map.of(),
                form.id().value(),
                complete.toString(),
                form.form().expiresAt().toString());
    }
}
