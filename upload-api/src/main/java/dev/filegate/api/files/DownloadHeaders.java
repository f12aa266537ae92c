package dev.filegate.api.files;

import dev.filegate.domain.file.ContentDisposition;
import dev.filegate.domain.storage.StoredObject;
import jakarta.ws.rs.core.Response;

/**
 * Headers every served file carries: never rendered inline, never sniffed, never able to run script in the API's
 * origin, revalidated by ETag rather than cached blindly.
 */
final class DownloadHeaders {

    private DownloadHeaders() {
    }

    static void apply(Response.ResponseBuilder r, StoredObject object, long contentLength) {
        String type = object.contentType() == null || object.contentType().isBlank() ? "application/octet-stream"
                : object.contentType();
        String name = object.filename() != null ? object.filename() : "download";
        r.header("Content-Type", type)
                .header("Content-Length", contentLength)
                .header("Content-Disposition", ContentDisposition.attachment(name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private, no-cache");
        if (object.etag() != null) {
            r.header("ETag", object.etag());
        }
        if (object.lastModified() != null) {
            r.header("Last-Modified", FilesResource.httpDate(object.lastModified()));
        }
    }
}
