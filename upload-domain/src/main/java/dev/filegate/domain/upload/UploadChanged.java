package dev.filegate.domain.upload;

/**
 * A completion found the upload's bytes changed between its check and what it was about to seal (the client PUT
 * again, or another instance of the service completed the same upload at the same moment): nothing unchecked was
 * sealed, the upload is still pending, and completing it again checks what is there now. The message is safe to
 * show to the caller.
 */
public final class UploadChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadChanged() {
        super("the upload changed while it was being completed; complete it again", null, false, false);
    }
}
