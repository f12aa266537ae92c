package dev.filegate.api.files;

import dev.filegate.api.security.BoundedBody;
import dev.filegate.domain.policy.PolicyViolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");

    /** The file part: its client-declared name and type, and a stream over its body. */
    record FilePart(String filename, String contentType, InputStream body) {}

    private MultipartFileReader() {}

    static FilePart open(String contentType, InputStream body) throws IOException {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw invalid("the multipart body has no boundary");
        }
        String boundary = m.group(1) != null ? m.group(1) : m.group(2);
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
                Optional<String> name = param(header(headers, "content-disposition"), "name");
                if (name.isPresent() && name.get().equals(FIELD)) {
                    String filename = filename(header(headers, "content-disposition"))
                            .orElseThrow(() -> invalid("the file part carries no filename"));
                    String type = header(headers, "content-type");
                    bounded.release();
                    return new FilePart(
                            filename, type == null ? "application/octet-stream" : type, input.newInputStream());
                }
                input.discardBodyData();
                more = input.readBoundary();
            }
        } catch (org.apache.commons.fileupload2.core.FileUploadException e) {
            throw invalid("the multipart body is malformed");
        }
        throw invalid("the multipart body has no part named 'file'");
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static Optional<String> filename(String disposition) {
        Optional<String> extended = param(disposition, "filename*");
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
        return param(disposition, "filename");
    }

    private static Optional<String> param(String header, String name) {
        if (header == null) {
            return Optional.empty();
        }
        Pattern p = Pattern.compile(
                "(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");
        Matcher m = p.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2));
    }

    private static PolicyViolation invalid(String detail) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, detail);
    }
}
