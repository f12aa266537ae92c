package dev.filegate.server;

import dev.filegate.api.config.Identity.OidcSignIn;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.StoreDescription;
import dev.filegate.ui.BrowserOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the configuration once and hands each part to those who need it; validates it when the app starts. */
@ApplicationScoped
public class ConfigurationProducers {

    private static final Logger LOG = Logger.getLogger(ConfigurationProducers.class.getName());

    /** Fails the deployment at start-up, listing every configuration problem, instead of at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, DeploymentConfiguration deployment) {
        ServiceConfiguration c = deployment.service();
        LOG.info(() -> "filegate started: profile " + c.profile() + ", tenancy "
                + c.tenancy().name() + ", "
                + deployment.store().s3() + ", max upload " + c.policy().maxSize() + ", upload modes "
                + c.modes().upload() + ", download mode " + c.modes().download()
                + deployment
                        .store()
                        .publicEndpoint()
                        .map(u -> ", public endpoint " + u)
                        .orElse(""));
    }

    @Produces
    @Singleton
    DeploymentConfiguration deployment() {
        return DeploymentConfiguration.read(ConfigProvider.getConfig(ConfigurationProducers.class.getClassLoader()));
    }

    @Produces
    @Singleton
    ServiceConfiguration service(DeploymentConfiguration deployment) {
        return deployment.service();
    }

    @Produces
    @Singleton
    StoreConfiguration store(DeploymentConfiguration deployment) {
        return deployment.store();
    }

    @Produces
    @Singleton
    StoreDescription storeDescription(StoreConfiguration store) {
        return store.describe();
    }

    /**
     * The UI's pages may connect to the store and the gateway (direct transfers) and to the identity provider they
     * sign people in with, and to nothing else.
     */
    @Produces
    @Singleton
    BrowserOrigins browserOrigins(DeploymentConfiguration deployment) {
        return BrowserOrigins.of(
                deployment.store().clientEndpoint(),
                deployment.service().gatewayUrl(),
                deployment.service().identity().signIn().map(OidcSignIn::issuer));
    }
}
