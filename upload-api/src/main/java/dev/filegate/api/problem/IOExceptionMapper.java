package dev.filegate.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reading the request body failed (the client went away, sent a truncated or malformed body). Nothing was stored;
 * the answer is a 400 the client may or may not still be there to read.
 */
@Provider
public class IOExceptionMapper implements ExceptionMapper<IOException> {

    private static final Logger LOG = Logger.getLogger(IOExceptionMapper.class.getName());

    @Override
    public Response toResponse(IOException e) {
        LOG.log(Level.FINE, "request body could not be read: {0}", e.getClass().getSimpleName());
        return Problems.badRequest(
                        "incomplete-body", "the request body could not be read completely; nothing was stored")
                .toResponse();
    }
}
