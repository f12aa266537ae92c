package dev.filegate.api.uploads;

import dev.filegate.domain.upload.UploadRequest;
import java.util.OptionalLong;

/**
 * The body of {@code POST s3/multipart}: {@code {"filename", "type", "metadata"?}}. Uppy's {@code metadata} is
 * ignored: the service stores only what its policy checked.
 */
public record MultipartStartRequest(String filename, String type) {

    static final String SHAPE = "{\"filename\", \"type\"} with strings";

    UploadRequest upload() {
        return new UploadRequest(filename, type, OptionalLong.empty());
    }
}
