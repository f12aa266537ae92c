package dev.filegate.api.problem;

import dev.filegate.domain.upload.UploadChanged;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A completion found the upload changed under it (the client PUT again, or another instance completed the same
 * upload at that moment): 409 "upload-changed". Nothing unchecked was sealed and the upload is still pending, so the
 * client may complete it again.
 */
@Provider
public class UploadChangedMapper implements ExceptionMapper<UploadChanged> {

    @Override
    public Response toResponse(UploadChanged e) {
        return Problem.of("upload-changed", "Conflict", 409, e.getMessage()).toResponse();
    }
}
