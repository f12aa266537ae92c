package dev.filegate.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (404 no route, 405, 415 no consumer, 401/403 from role checks) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original != null && Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original;
        }
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return Problems.internal().toResponse();
        }
        String reason = original == null ? null : original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder builder =
                Response.fromResponse(Problems.forStatus(status, reason).toResponse());
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
