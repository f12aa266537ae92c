package dev.filegate.api.problem;

import dev.filegate.domain.upload.ModeDisabled;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A route of a transfer mode this deployment does not enable: 404 "mode-disabled", to everybody. */
@Provider
public class ModeDisabledMapper implements ExceptionMapper<ModeDisabled> {

    @Override
    public Response toResponse(ModeDisabled e) {
        return Problem.of("mode-disabled", "Not found", 404, e.getMessage()).toResponse();
    }
}
