package dev.filegate.bench;

/**
 * The trivial authenticated route the metadata routes are compared with: {@code GET /api/v1/me} where the service has
 * it, else a list of another tenant's files, which verifies the token and is refused by the access policy (403)
 * before any store call.
 */
record Trivial(LatencyBench.Route route) {

    static Trivial pick(ServiceApi api) {
        if (api.status(api.get("/api/v1/me")) == 200) {
            return new Trivial(
                    new LatencyBench.Route("trivial: GET /api/v1/me", () -> api.get("/api/v1/me"), LatencyBench.OK));
        }
        String foreign = "/api/v1/orgs/another-tenant/files?limit=1";
        return new Trivial(
                new LatencyBench.Route("trivial: 403 on another tenant's list", () -> api.get(foreign), s -> s == 403));
    }
}
