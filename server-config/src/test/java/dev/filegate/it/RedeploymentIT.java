package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.Tokens;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service redeployed on a running server, as application servers are run, leaves nothing of its undeployed
 * copies in memory: after each copy served requests on many of the server's pooled threads (each request talking to
 * the store, whose XML answers are parsed on those threads), undeploying it lets all its classes be unloaded. Read
 * from the server's own JVM (its local JMX connector): the classes still loaded after a garbage collection must not
 * grow by half a copy's worth over four redeployments. The SDK's per-thread XML factory held every copy before
 * {@code ThreadXmlParsers}, and CI's server ran out of heap at its twentieth deployment.
 */
@ExtendWith(ItEnvironment.class)
@ExtendWith(ArquillianExtension.class)
class RedeploymentIT {

    private static final String WAR = "redeployed";
    private static final int REDEPLOYMENTS = 4;
    private static final int CONCURRENT = 16;

    @ArquillianResource
    private Deployer deployer;

    private final Api api = new Api();

    @Deployment(name = WAR, managed = false, testable = false)
    public static WebArchive war() {
        return ApiIT.deployment();
    }

    @Test
    void undeployedCopiesOfTheServiceLeaveNoClassesLoaded() throws Exception {
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(localAddress()))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ClassLoadingMXBean classes = ManagementFactory.newPlatformMXBeanProxy(
                    server, ManagementFactory.CLASS_LOADING_MXBEAN_NAME, ClassLoadingMXBean.class);
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
                    server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            // Two copies first: the JDK keeps the classes of the last copy that compared records, and Liberty's
            // logger of a name the class of the first copy that asked for it, for good (SECURITY.md), never more.
            serveOnce();
            serveOnce();
            long before = collectedClassCount(classes, memory);
            long loadedBefore = classes.getTotalLoadedClassCount();
            for (int i = 0; i < REDEPLOYMENTS; i++) {
                serveOnce();
            }
            long perCopy = (classes.getTotalLoadedClassCount() - loadedBefore) / REDEPLOYMENTS;
            long after = collectedClassCount(classes, memory);
            assertTrue(perCopy > 1000, "a copy of the service loads its classes: " + perCopy);
            if (after - before >= perCopy / 2) {
                // For the analysis: which objects hold the undeployed copies (target/it/redeployment-*.hprof).
                Path dump = Path.of(
                        ItProperties.required("it.dir"), "redeployment-" + System.currentTimeMillis() + ".hprof");
                ManagementFactory.newPlatformMXBeanProxy(
                                server, "com.sun.management:type=HotSpotDiagnostic", HotSpotDiagnosticMXBean.class)
                        .dumpHeap(dump.toString(), true);
            }
            assertTrue(
                    after - before < perCopy / 2,
                    "classes still loaded grew by " + (after - before) + " over " + REDEPLOYMENTS + " redeployments of "
                            + perCopy + " classes each");
        }
    }

    /** Deploys a copy, has it answer requests on many threads, each listing the store, and undeploys it. */
    private void serveOnce() throws Exception {
        deployer.deploy(WAR);
        try {
            String org = "redeployed";
            String token = Tokens.uploader(org);
            assertEquals(
                    201,
                    api.upload(org, token, "note.txt", "text/plain", "kept".getBytes())
                            .statusCode());
            ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < CONCURRENT * 4; i++) {
                    answers.add(callers.submit(
                            () -> api.get(Api.filesPath(org), token).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get());
                }
            } finally {
                callers.shutdownNow();
            }
        } finally {
            deployer.undeploy(WAR);
        }
    }

    /** The classes loaded once collectable ones are gone (collections until the count settles). */
    private static long collectedClassCount(ClassLoadingMXBean classes, MemoryMXBean memory)
            throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            memory.gc();
            Thread.sleep(500);
            long now = classes.getLoadedClassCount();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Where Liberty's localConnector publishes the server JVM's JMX address. */
    private static String localAddress() throws IOException {
        return Files.readString(
                        Path.of(ItProperties.required("it.server.log"), "state", "com.ibm.ws.jmx.local.address"))
                .strip();
    }
}
