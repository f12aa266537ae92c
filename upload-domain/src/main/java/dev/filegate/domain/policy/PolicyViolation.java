package dev.filegate.domain.policy;

/**
 * A request that breaks the upload policy. The message is safe to show to the caller: it never echoes raw
 * hostile input (control characters, bidi overrides) back.
 */
public final class PolicyViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of rule was broken; adapters map each kind to one precise HTTP status. */
    public enum Kind {
        INVALID_ORG,
        INVALID_FILENAME,
        TYPE_NOT_ALLOWED,
        TYPE_MISMATCH,
        TOO_LARGE,
        INVALID_REQUEST,
        /** The operation needs the file's bytes, which have not arrived (yet). */
        NOT_UPLOADED,
        /** The caller's tenant already uses its share of a bounded resource (upload buffers): retry shortly. */
        TENANT_BUSY,
        /** The client stopped sending its body for longer than the service waits. */
        CLIENT_TIMEOUT
    }

    private final Kind kind;

    public PolicyViolation(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
