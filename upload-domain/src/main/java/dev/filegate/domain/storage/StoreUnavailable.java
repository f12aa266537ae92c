package dev.filegate.domain.storage;

/** The store could not be reached or failed; the request may succeed later. Messages carry no credentials. */
public final class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
