package dev.filegate.api.uploads;

import dev.filegate.domain.upload.ResumableUploads.Started;
import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to {@code POST s3/multipart}: {@code {key, uploadId, bucket}}, as Uppy reads it. */
public record MultipartStarted(
        String key, @JsonbProperty("uploadId") String uploadId, String bucket) {

    static MultipartStarted of(Started s) {
        return new MultipartStarted(s.fileId().value(), s.handle(), s.bucket());
    }

    @Override
    public String toString() {
        return "MultipartStarted[" + key + ", <handle>]";
    }
}
