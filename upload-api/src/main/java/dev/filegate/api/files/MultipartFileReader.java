package dev.filegate.api.files;

import dev.filegate.api.security.BoundedBody;
import dev.filegate.domain.policy.PolicyViolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * Finds the {@code file} part of a {@code multipart/form-data} body and hands out its bytes as a stream, without
 * spooling anything to memory or disk (the container's own multipart support would spool the whole part first).
 */
final class MultipartFileReader {

    static final String FIELD = "file";
    private static final int MAX_PARTS_BEFORE_FILE = 16;
    /** The most a body may carry before its file part (preamble, other fields, headers): the policy bounds the file. */
    static final int MAX_BEFORE_FILE = 64 * 1024;

    /** RFC 2046: a boundary is 1 to 70 characters. */
    private static final int MAX_BOUNDARY = 70;

    /** The file part: its client-declared name and type, and a stream over its body. */
    record FilePart(String filename, String contentType, InputStream body) {}

    private MultipartFileReader() {}

    static FilePart open(String contentType, InputStream body) throws IOException {
        String boundary = params(contentType == null ? "" : contentType, "the multipart Content-Type is malformed")
                .get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw invalid("the multipart body has no boundary");
        }
        MultipartInput input;
        BoundedBody bounded = new BoundedBody(
                body,
                MAX_BEFORE_FILE,
                "a multipart body may carry at most " + MAX_BEFORE_FILE + " bytes before its file part");
        try {
            input = MultipartInput.builder()
                    .setInputStream(bounded)
                    .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1))
                    .setPartHeaderSizeMax(8 * 1024)
                    .get();
            input.setHeaderCharset(StandardCharsets.UTF_8);
            boolean more = input.skipPreamble();
            for (int part = 0; more && part < MAX_PARTS_BEFORE_FILE; part++) {
                String headers = input.readHeaders();
                Map<String, String> disposition =
                        params(header(headers, "content-disposition"), "a part's Content-Disposition is malformed");
                if (FIELD.equals(disposition.get("name"))) {
                    String filename =
                            filename(disposition).orElseThrow(() -> invalid("the file part carries no filename"));
                    String type = header(headers, "content-type");
                    bounded.release();
                    return new FilePart(
                            filename, type == null ? "application/octet-stream" : type, input.newInputStream());
                }
                input.discardBodyData();
                more = input.readBoundary();
            }
        } catch (FileUploadException e) {
            throw invalid("the multipart body is malformed");
        }
        throw invalid("the multipart body has no part named 'file'");
    }

    /** The part header {@code name}, or {@code null}; a part that repeats it is refused (which one would count?). */
    private static String header(String headers, String name) {
        String value = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                if (value != null) {
                    throw invalid("a part of the multipart body repeats its " + name + " header");
                }
                value = line.substring(colon + 1).strip();
            }
        }
        return value;
    }

    private static Optional<String> filename(Map<String, String> disposition) {
        Optional<String> extended = Optional.ofNullable(disposition.get("filename*"));
        if (extended.isPresent()) {
            String v = extended.get();
            int quote = v.indexOf("''");
            if (v.toLowerCase(Locale.ROOT).startsWith("utf-8''") && quote > 0) {
                try {
                    return Optional.of(
                            URLDecoder.decode(v.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw invalid("the file part's filename* is not valid percent-encoding");
                }
            }
        }
        return Optional.ofNullable(disposition.get("filename"));
    }

    /**
     * The parameters of a header value such as {@code form-data; name="file"; filename="a.png"}: names in lower case,
     * values unquoted. Parsed left to right, so that text inside a quoted value is never taken for a parameter; a
     * segment without {@code =} (the disposition or media type) is skipped. A repeated parameter, an unterminated
     * quote or anything after a value but before the next {@code ;} is refused with {@code malformed}.
     */
    static Map<String, String> params(String header, String malformed) {
        Map<String, String> params = new HashMap<>();
        if (header == null) {
            return params;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            int end = i;
            while (end < n && header.charAt(end) != ';' && header.charAt(end) != '=') {
                end++;
            }
            if (end == n || header.charAt(end) == ';') {
                i = end + 1; // no value: the disposition type, the media type, or a stray token
                continue;
            }
            String name = header.substring(i, end).strip().toLowerCase(Locale.ROOT);
            i = end + 1;
            while (i < n && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(header.charAt(i++));
                }
                if (i >= n) {
                    throw invalid(malformed);
                }
                i++; // the closing quote
            } else {
                while (i < n && header.charAt(i) != ';' && !Character.isWhitespace(header.charAt(i))) {
                    value.append(header.charAt(i++));
                }
            }
            while (i < n && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            if (i < n && header.charAt(i) != ';') {
                throw invalid(malformed);
            }
            i++;
            if (name.isEmpty() || params.putIfAbsent(name, value.toString()) != null) {
                throw invalid(malformed);
            }
        }
        return params;
    }

    private static PolicyViolation invalid(String detail) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, detail);
    }
}
