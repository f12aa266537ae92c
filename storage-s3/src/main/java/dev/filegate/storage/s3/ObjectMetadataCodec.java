package dev.filegate.storage.s3;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Object user metadata travels as HTTP headers, which only carry ASCII reliably: values are percent-encoded UTF-8.
 */
final class ObjectMetadataCodec {

    static final String FILENAME = "filename";
    static final String UPLOADED_BY = "uploaded-by";

    private ObjectMetadataCodec() {}

    static Map<String, String> encode(String filename, String uploadedBy) {
        Map<String, String> metadata = new HashMap<>();
        if (filename != null) { // absent until the service has validated the bytes
            metadata.put(FILENAME, URLEncoder.encode(filename, StandardCharsets.UTF_8));
        }
        metadata.put(UPLOADED_BY, URLEncoder.encode(uploadedBy, StandardCharsets.UTF_8));
        return metadata;
    }

    static String decode(Map<String, String> metadata, String name) {
        String value = metadata == null ? null : metadata.get(name);
        if (value == null) {
            return null;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
