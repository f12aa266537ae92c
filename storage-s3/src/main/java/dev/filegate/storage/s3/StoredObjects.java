package dev.filegate.storage.s3;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.StoredObject;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Descriptions of objects: from what the service wrote, or from what the store answered to a HEAD or GET. */
final class StoredObjects {

    private StoredObjects() {}

    /** An object just written (the store's answer to a write carries no modification time). */
    static StoredObject written(ObjectLocation location, NewObject object, long size, String etag) {
        return new StoredObject(
                location.key(), size, object.contentType(), etag, null, object.filename(), object.uploadedBy());
    }

    /** An object as the store describes it, with its metadata decoded. */
    static StoredObject described(
            StorageKey key,
            Long size,
            String contentType,
            String etag,
            Instant lastModified,
            Map<String, String> metadata) {
        return new StoredObject(
                key,
                size == null ? 0 : size,
                contentType,
                etag,
                lastModified,
                ObjectMetadataCodec.decode(metadata, ObjectMetadataCodec.FILENAME),
                ObjectMetadataCodec.decode(metadata, ObjectMetadataCodec.UPLOADED_BY));
    }

    /** The whole object's size, also for a partial read (from its {@code Content-Range}). */
    static long totalSize(GetObjectResponse r) {
        String range = r.contentRange();
        if (range != null) {
            int slash = range.lastIndexOf('/');
            if (slash >= 0 && !range.endsWith("*")) {
                return Long.parseLong(range.substring(slash + 1).strip());
            }
        }
        return r.contentLength();
    }
}
