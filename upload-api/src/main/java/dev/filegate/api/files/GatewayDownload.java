package dev.filegate.api.files;

import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FileService;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code download.mode=gateway}: a 302 to the file's URL at the gateway, which asks the service and moves the bytes. */
final class GatewayDownload implements DownloadStrategy {

    private final FileService files;
    private final FileLinks links;

    GatewayDownload(FileService files, FileLinks links) {
        this.files = files;
        this.links = links;
    }

    @Override
    public Optional<Response> download(Caller caller, OrgId org, String id, ReadConditions conditions) {
        return files.describe(caller, org, id)
                .map(file -> Response.status(302)
                        .location(links.gateway(file))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @Override
    public Optional<LinkResponse> link(Caller caller, OrgId org, String id) {
        return files.describe(caller, org, id)
                .map(file -> new LinkResponse(links.gateway(file).toString(), null, "bearer"));
    }
}
