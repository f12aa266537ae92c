package dev.filegate.domain.upload;

/**
 * The transfer mode an operation belongs to (proxy, presigned, gateway) is not enabled on this deployment: the
 * operation does not exist here, for anybody. The message is safe to show to the caller.
 */
public final class ModeDisabled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModeDisabled(String message) {
        super(message, null, false, false);
    }
}
