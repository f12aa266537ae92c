package dev.filegate.server;

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
        ServiceConfiguration.read(s);
        StoreConfiguration.read(s);
        return s;
    }

    private static DeploymentConfiguration read(Settings s) {
        ServiceConfiguration service = ServiceConfiguration.read(s);
        StoreConfiguration store = StoreConfiguration.read(s);
        s.failIfProblems(s.string(ServiceConfiguration.PROFILE, "prod"));
        return new DeploymentConfiguration(service, store);
    }
}
