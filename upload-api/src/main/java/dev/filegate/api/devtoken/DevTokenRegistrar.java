package dev.filegate.api.devtoken;

import dev.filegate.api.config.ServiceConfiguration;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** Adds the dev token servlet at {@code /dev/token} when, and only when, the dev profile enables it. */
@WebListener
public class DevTokenRegistrar implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DevTokenRegistrar.class.getName());

    @Inject
    ServiceConfiguration configuration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServiceConfiguration.DevToken dev = configuration.devToken();
        if (!dev.enabled()) {
            return;
        }
        String pem;
        try {
            pem = Files.readString(Path.of(dev.signingKeyLocation().orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev.token.signing-key.location", e);
        }
        DevTokenServlet servlet = new DevTokenServlet(
                DevTokens.fromPem(pem, dev.issuer(), dev.audience(), dev.lifetime()), configuration.identity());
        ServletRegistration.Dynamic registration = event.getServletContext().addServlet("dev-token", servlet);
        registration.addMapping(DevTokenServlet.PATH);
        LOG.warning("DEV PROFILE: the development token endpoint " + DevTokenServlet.PATH
                + " is enabled; it must never be enabled in production");
    }
}
