package dev.filegate.api.problem;

import dev.filegate.domain.policy.PolicyViolation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Each broken rule gets its precise status: 400 bad name or org, 413 too large, 415 type not allowed. */
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
            case NOT_FOUND -> Problems.notFound(e.getMessage());
            case MODE_DISABLED -> Problem.of("mode-disabled", "Not found", 404, e.getMessage());
        };
        return problem.toResponse();
    }
}
