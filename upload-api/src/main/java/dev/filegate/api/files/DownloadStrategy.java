package dev.filegate.api.files;

import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * How this deployment serves a file's bytes ({@code download.mode}), chosen once at start-up by {@link
 * DownloadStrategies}: streamed through the service, a redirect to a signed store URL, or a redirect to the gateway.
 */
interface DownloadStrategy {

    /** The answer to {@code GET /orgs/{org}/files/{id}}: the bytes or a redirect; empty when there is no such file. */
    Optional<Response> download(Caller caller, OrgId org, String id, ReadConditions conditions);

    /** Where to fetch the file, for clients that cannot follow a redirect with their token; empty: no such file. */
    Optional<LinkResponse> link(Caller caller, OrgId org, String id);
}
