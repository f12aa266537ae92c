package dev.filegate.api.files;

import dev.filegate.domain.upload.StoredFile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;

/** The JSON face of a file: snake_case fields, as the seeds' clients expect. */
final class FileJson {

    private FileJson() {}

    static JsonObject of(StoredFile f, URI location) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", f.id().value())
                .add("org", f.org().value())
                .add("filename", f.filename())
                .add("content_type", f.contentType() == null ? "application/octet-stream" : f.contentType())
                .add("size", f.size())
                .add("url", location.toString());
        if (f.sha256() != null) {
            json.add("sha256", f.sha256());
        }
        if (f.etag() != null) {
            json.add("etag", f.etag());
        }
        if (f.createdAt() != null) {
            json.add("created_at", f.createdAt().toString());
        }
        json.add("state", f.state().name().toLowerCase(java.util.Locale.ROOT));
        if (f.uploadedBy() != null) {
            json.add("uploaded_by", f.uploadedBy());
        }
        return json.build();
    }
}
