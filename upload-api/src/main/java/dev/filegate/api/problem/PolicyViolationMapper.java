package dev.filegate.api.problem;

import dev.filegate.domain.policy.PolicyViolation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Each broken rule gets its precise status: 400 bad name or org, 413 too large, 415 type not allowed, 429 the
 * tenant's share of upload buffers in use, 408 a body that stalled.
 */
@Provider
public class PolicyViolationMapper implements ExceptionMapper<PolicyViolation> {

    @Override
    public Response toResponse(PolicyViolation e) {
        Problem problem = switch (e.kind()) {
            case INVALID_ORG -> Problems.badRequest("invalid-org", e.getMessage());
            case INVALID_FILENAME -> Problems.badRequest("invalid-filename", e.getMessage());
            case INVALID_REQUEST -> Problems.badRequest("invalid-request", e.getMessage());
            case TOO_LARGE -> Problems.tooLarge(e.getMessage());
            case TYPE_NOT_ALLOWED -> Problems.unsupportedType(e.getMessage());
            case TYPE_MISMATCH -> Problem.of("type-mismatch", "Unsupported media type", 415, e.getMessage());
            case NOT_UPLOADED -> Problem.of("not-uploaded", "Conflict", 409, e.getMessage());
            case TENANT_BUSY -> Problem.of("tenant-busy", "Too many requests", 429, e.getMessage());
            case CLIENT_TIMEOUT -> Problem.of("request-timeout", "Request timeout", 408, e.getMessage());
        };
        Response response = problem.toResponse();
        if (e.kind() == PolicyViolation.Kind.TENANT_BUSY) {
            return Response.fromResponse(response).header("Retry-After", "30").build();
        }
        if (e.kind() == PolicyViolation.Kind.CLIENT_TIMEOUT) {
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        return response;
    }
}
