package dev.filegate.api.requestid;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The current request's id. An id a client sends is kept only if it is 1 to 64 characters of letters, digits and
 * {@code . _ : -}: anything else (a line break, quotes, a megabyte) could forge or break log lines, so it is replaced
 * by a generated one.
 */
public final class RequestId {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {}

    /** The id to use for a request that sent {@code header} (null when it sent none). */
    public static String accept(String header) {
        if (header != null && WELL_FORMED.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** What a server error's log line and problem call its incident: the request id, so that both find the other. */
    public static String incident() {
        return current().orElseGet(() -> UUID.randomUUID().toString());
    }

    static void set(String id) {
        CURRENT.set(id);
    }

    static void clear() {
        CURRENT.remove();
    }
}
