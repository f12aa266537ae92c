package dev.filegate.api.problem;

import dev.filegate.domain.tenant.AccessDenied;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Wrong tenant or missing role: 403. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDenied> {

    @Override
    public Response toResponse(AccessDenied e) {
        return Problems.forbidden(e.getMessage()).toResponse();
    }
}
