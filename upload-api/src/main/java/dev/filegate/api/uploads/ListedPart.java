package dev.filegate.api.uploads;

import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import jakarta.json.bind.annotation.JsonbProperty;

/** One element of the answer to {@code GET s3/multipart/{uploadId}}: {@code {PartNumber, ETag, Size}}. */
public record ListedPart(
        @JsonbProperty("PartNumber") int partNumber,
        @JsonbProperty("ETag") String etag,
        @JsonbProperty("Size") long size) {

    static ListedPart of(UploadedPart p) {
        return new ListedPart(p.number(), p.etag(), p.size());
    }
}
