package dev.filegate.api.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one audited request did. Every text member is a fixed word or went through {@link AuditText#word} (letters,
 * digits and a few marks; the rest %-encoded), so no request can forge or split a line; {@code -} is "none".
 *
 * @param method the HTTP method of the transfer (for a gateway grant, of the request the gateway forwards)
 * @param size bytes moved or declared, {@code -1} when unknown
 */
public record AuditEvent(
        Action action,
        String method,
        String mode,
        Outcome outcome,
        int status,
        String subject,
        String org,
        String file,
        long size,
        long durationMillis,
        String requestId,
        String reason) {

    /** What was asked. */
    public enum Action {
        UPLOAD,
        PRESIGN,
        COMPLETE,
        ABORT,
        DOWNLOAD,
        LINK,
        DELETE,
        GATEWAY_GRANT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the bytes move. */
    public enum Mode {
        /** No bytes move (a deletion): {@code api}. */
        API,
        PROXY,
        PRESIGNED,
        GATEWAY,
        /** The deployment's direct upload mode: presigned if enabled, else gateway. */
        CONFIGURED_DIRECT,
        /** The deployment's {@code download.mode}: proxy, redirect or gateway. */
        CONFIGURED_DOWNLOAD
    }

    /** How it ended: granted or done, refused by a rule (4xx), failed (5xx), or cut off while the body was sent. */
    public enum Outcome {
        SUCCESS,
        REFUSED,
        FAILED,
        ABORTED;

        public static Outcome of(int status) {
            return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCESS;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The members in line order, by their names in the line and in JSON logs ({@code ext_audit_<name>}). */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("action", action.wire());
        f.put("method", method);
        f.put("mode", mode);
        f.put("outcome", outcome.wire());
        f.put("status", Integer.toString(status));
        f.put("subject", subject);
        f.put("org", org);
        f.put("file", file);
        f.put("size", size < 0 ? "-" : Long.toString(size));
        f.put("duration_ms", Long.toString(durationMillis));
        f.put("request_id", requestId);
        f.put("reason", reason);
        return f;
    }

    /** The audit line: {@code audit action=upload mode=proxy outcome=success ...}. */
    public String line() {
        StringBuilder line = new StringBuilder("audit");
        fields().forEach((name, value) ->
                line.append(' ').append(name).append('=').append(value));
        return line.toString();
    }
}
