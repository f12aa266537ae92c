package dev.filegate.api.files;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.file.GatewayPath;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/** The URLs the API hands out, built from the configured public URLs: never from a request's {@code Host}. */
@ApplicationScoped
public class FileLinks {

    @Inject
    ServiceConfiguration configuration;

    /** A file's API URL. */
    public URI of(StoredFile f) {
        return of(f.org(), f.id().value());
    }

    URI of(OrgId org, String id) {
        return UriBuilder.fromUri(configuration.apiBase())
                .path("orgs")
                .path(org.value())
                .path("files")
                .path(id)
                .build();
    }

    /** Where a direct upload is reported done. */
    public URI complete(OrgId org, String id) {
        return UriBuilder.fromUri(of(org, id)).path("complete").build();
    }

    /** A file's URL at the gateway (gateway mode). */
    URI gateway(StoredFile f) {
        return GatewayPath.url(configuration.gatewayUrl().orElseThrow(), f.org(), f.id());
    }
}
