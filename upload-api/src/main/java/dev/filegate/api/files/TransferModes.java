package dev.filegate.api.files;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.domain.upload.ModeDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The upload modes this deployment offers: a route of a mode that is off answers 404 with a problem body. */
@ApplicationScoped
public class TransferModes {

    @Inject
    ServiceConfiguration configuration;

    public void require(UploadMode mode) {
        if (!configuration.modes().allows(mode)) {
            throw disabled(mode.wire() + " uploads are not enabled on this deployment; see /api/v1/capabilities");
        }
    }

    /** The direct (not proxied) upload mode in force: presigned if enabled, else gateway. */
    UploadMode direct() {
        return configuration
                .modes()
                .direct()
                .orElseThrow(
                        () -> disabled(
                                "direct uploads (presigned, gateway) are not enabled on this deployment; see /api/v1/capabilities"));
    }

    private static ModeDisabled disabled(String detail) {
        return new ModeDisabled(detail);
    }
}
