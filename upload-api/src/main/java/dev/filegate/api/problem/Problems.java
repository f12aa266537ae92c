package dev.filegate.api.problem;

/** The problems the API answers with, one per precise status. */
public final class Problems {

    private Problems() {}

    public static Problem unauthorized(String detail) {
        return Problem.of("unauthorized", "Authentication required", 401, detail);
    }

    public static Problem forbidden(String detail) {
        return Problem.of("forbidden", "Not allowed", 403, detail);
    }

    public static Problem notFound(String detail) {
        return Problem.of("not-found", "Not found", 404, detail);
    }

    public static Problem badRequest(String kind, String detail) {
        return Problem.of(kind, "Bad request", 400, detail);
    }

    public static Problem tooLarge(String detail) {
        return Problem.of("too-large", "Payload too large", 413, detail);
    }

    public static Problem unsupportedType(String detail) {
        return Problem.of("unsupported-media-type", "Unsupported media type", 415, detail);
    }

    public static Problem rangeNotSatisfiable(String detail) {
        return Problem.of("range-not-satisfiable", "Range not satisfiable", 416, detail);
    }

    public static Problem storeUnavailable(String detail) {
        return Problem.of("store-unavailable", "Storage unavailable", 503, detail);
    }

    public static Problem internal() {
        return Problem.of("internal", "Internal error", 500, "the request failed on the server; it has been logged");
    }

    public static Problem forStatus(int status, String reason) {
        return switch (status) {
            case 400 ->
                badRequest(
                        "malformed-request",
                        "the request is malformed (for example an encoded slash or dot segment in the path)");
            case 401 -> unauthorized("a valid bearer token is required");
            case 403 -> forbidden("this token does not grant access to this resource");
            case 404 -> notFound("no such resource");
            case 405 ->
                Problem.of(
                        "method-not-allowed", "Method not allowed", 405, "this resource does not support the method");
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406, "no acceptable representation");
            case 415 -> unsupportedType("the request content type is not accepted here");
            default -> Problem.of("http-" + status, reason == null ? "Error" : reason, status, null);
        };
    }
}
