package dev.filegate.api.files;

import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.PresignedTransfers;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code download.mode=redirect}: a 302 to a short-lived presigned GET; the bytes never pass the service. */
final class RedirectDownload implements DownloadStrategy {

    private final PresignedTransfers transfers;

    RedirectDownload(PresignedTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public Optional<Response> download(Caller caller, OrgId org, String id, ReadConditions conditions) {
        return transfers
                .redirect(caller, org, id)
                .map(get -> Response.status(302)
                        .location(get.url())
                        .header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .build());
    }

    @Override
    public Optional<LinkResponse> link(Caller caller, OrgId org, String id) {
        return transfers
                .redirect(caller, org, id)
                .map(get ->
                        new LinkResponse(get.url().toString(), get.expiresAt().toString(), null));
    }
}
