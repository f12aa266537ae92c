package dev.filegate.domain.upload;

/**
 * No such file or pending upload in this org, or not this tenant's: indistinguishable on purpose. Not a broken rule
 * but an absence; the message is safe to show to the caller.
 */
public final class FileNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FileNotFound(String message) {
        super(message, null, false, false);
    }
}
