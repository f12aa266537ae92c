package dev.filegate.api.problem;

import dev.filegate.domain.storage.StoreUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The store failed or cannot be reached: 503 with a retry hint. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailable> {

    @Override
    public Response toResponse(StoreUnavailable e) {
        Response r = Problems.storeUnavailable("the file store is not available right now; try again shortly")
                .toResponse();
        return Response.fromResponse(r).header("Retry-After", "5").build();
    }
}
