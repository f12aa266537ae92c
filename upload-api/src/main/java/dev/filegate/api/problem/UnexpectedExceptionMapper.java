package dev.filegate.api.problem;

import dev.filegate.api.requestid.RequestId;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen: logged with an incident id, answered 500 without a stack trace. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            return new WebApplicationExceptionMapper().toResponse(wae);
        }
        String incident = RequestId.incident();
        LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, e);
        Problem p = Problems.internal();
        return new Problem(p.type(), p.title(), p.status(), p.detail() + " (incident " + incident + ")").toResponse();
    }
}
