package dev.filegate.api.uploads;

import dev.filegate.api.files.FileResponse;
import dev.filegate.domain.upload.StoredFile;

/**
 * The answer to {@code POST s3/multipart/{uploadId}/complete}: {@code {location, key, bucket}} as Uppy reads them
 * ({@code location} is the file's API URL, never the store's), and this API's description of the {@code file}.
 */
public record MultipartCompleted(String location, String key, String bucket, FileResponse file) {

    static MultipartCompleted of(StoredFile f, String bucket, FileResponse response) {
        return new MultipartCompleted(response.url(), f.id().value(), bucket, response);
    }
}
