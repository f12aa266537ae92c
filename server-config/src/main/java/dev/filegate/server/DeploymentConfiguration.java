package dev.filegate.server;

import dev.filegate.api.config.InsecureHttp;
import dev.filegate.api.config.InvalidConfiguration;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * The whole configuration of the deployment, read in one place: the API's sections and the store's. Reading fails at
 * once listing every problem of every section, so that one restart fixes them all.
 */
public record DeploymentConfiguration(ServiceConfiguration service, StoreConfiguration store) {

    /** @throws InvalidConfiguration listing every problem found */
    public static DeploymentConfiguration read(Config config) {
        return read(new Settings(config));
    }

    /** What reading {@code config} consults (its keys and defaults), for checking the README's reference. */
    static Settings consulted(Config config) {
        Settings s = new Settings(config);
        readSections(s);
        return s;
    }

    private static DeploymentConfiguration read(Settings s) {
        DeploymentConfiguration d = readSections(s);
        s.failIfProblems(ServiceConfiguration.profile(s));
        return d;
    }

    /** Both sections and what only both together tell; {@code null} parts when their problems were recorded. */
    private static DeploymentConfiguration readSections(Settings s) {
        InsecureHttp http = InsecureHttp.read(s);
        ServiceConfiguration service = ServiceConfiguration.read(s, http);
        StoreConfiguration store = StoreConfiguration.read(s, http);
        if (service != null && store != null && store.publicEndpoint().isEmpty() && clientsReachTheStore(service)) {
            // Without a public endpoint the URLs handed to clients name the internal one.
            store.s3()
                    .endpoint()
                    .filter(internal -> !StoreConfiguration.isAws(internal)) // (already refused as such)
                    .ifPresent(internal -> http.refuse(
                            "storage.s3.endpoint",
                            internal,
                            "with storage.s3.public-endpoint unset, clients get presigned URLs for this host"));
        }
        return new DeploymentConfiguration(service, store);
    }

    /** Whether clients get presigned store URLs: presigned uploads, or redirects to presigned downloads. */
    private static boolean clientsReachTheStore(ServiceConfiguration service) {
        return service.modes().allows(ServiceConfiguration.UploadMode.PRESIGNED)
                || service.modes().download() == ServiceConfiguration.DownloadMode.REDIRECT;
    }
}
