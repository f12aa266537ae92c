package dev.filegate.domain.tenant;

/** The caller is known but may not do this: wrong tenant or missing role. */
public final class AccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message, null, false, false);
    }
}
