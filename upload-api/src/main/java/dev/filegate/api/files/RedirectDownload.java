package dev.filegate.api.files;

import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.DownloadLinks;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code download.mode=redirect}: a 302 to a short-lived presigned GET; the bytes never pass the service. */
final class RedirectDownload implements DownloadStrategy {

    private final DownloadLinks links;

    RedirectDownload(DownloadLinks links) {
        this.links = links;
    }

    @Override
    public Optional<Response> download(Caller caller, OrgId org, String id, ReadConditions conditions) {
        return links.redirect(caller, org, id)
                .map(get -> Response.status(302)
                        .location(get.url())
                        .header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .build());
    }

    @Override
    public Optional<LinkResponse> link(Caller caller, OrgId org, String id) {
        return links.redirect(caller, org, id)
                .map(get ->
                        new LinkResponse(get.url().toString(), get.expiresAt().toString(), null));
    }
}
