package dev.filegate.api.problem;

import dev.filegate.domain.upload.FileNotFound;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No such file or pending upload in this org (or another tenant's): 404 "not-found", like every absent file. */
@Provider
public class FileNotFoundMapper implements ExceptionMapper<FileNotFound> {

    @Override
    public Response toResponse(FileNotFound e) {
        return Problems.notFound(e.getMessage()).toResponse();
    }
}
