package dev.filegate.api.files;

import dev.filegate.domain.file.ContentDisposition;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.upload.StoredFile;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Headers every served file carries: never rendered inline, never sniffed, never able to run script in the API's
 * origin, revalidated by ETag rather than cached blindly.
 */
final class DownloadHeaders {

    private DownloadHeaders() {}

    static Response.ResponseBuilder apply(Response.ResponseBuilder r, StoredObject object, long contentLength) {
        return apply(r, object.contentType(), object.filename(), object.etag(), object.lastModified(), contentLength);
    }

    /** For HEAD: the whole file described, no body. */
    static Response.ResponseBuilder apply(Response.ResponseBuilder r, StoredFile file) {
        return apply(r, file.contentType(), file.filename(), file.etag(), file.createdAt(), file.size());
    }

    private static Response.ResponseBuilder apply(
            Response.ResponseBuilder r,
            String contentType,
            String filename,
            String etag,
            Instant lastModified,
            long contentLength) {
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        String name = filename != null ? filename : "download";
        r.header("Content-Type", type)
                .header("Content-Length", contentLength)
                .header("Content-Disposition", ContentDisposition.attachment(name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private, no-cache");
        if (etag != null) {
            r.header("ETag", etag);
        }
        if (lastModified != null) {
            r.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
        }
        return r;
    }
}
