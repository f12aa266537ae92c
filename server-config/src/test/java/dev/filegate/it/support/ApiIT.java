package dev.filegate.it.support;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box suites: deploys the WAR the build produced (exactly what ships, no hand-picked classes) to
 * the Arquillian-managed Liberty, after {@link ItEnvironment} has started the store and written the token key.
 */
@ExtendWith(ItEnvironment.class)
@ExtendWith(ArquillianExtension.class)
public abstract class ApiIT {

    protected final Api api = new Api();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.create(ZipImporter.class, "filegate.war")
                .importFrom(new File(ItProperties.required("it.war")))
                .as(WebArchive.class);
    }
}
