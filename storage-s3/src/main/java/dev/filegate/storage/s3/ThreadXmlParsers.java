package dev.filegate.storage.s3;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Leaves no XML parser of the SDK's behind on the calling thread once a call is over. The SDK keeps one StAX factory
 * per thread for the XML that S3 answers ({@code XmlDomParser.FACTORY}, a {@code ThreadLocal} it never clears), and
 * the JDK's factory keeps the last stream it read, an SDK object. On an application server the calling thread is the
 * server's and outlives the application: every pooled thread that ever parsed a store's answer held on to the whole
 * undeployed application (its class loader, its classes, its caches, ~25 MiB), one copy per redeployment, until the
 * heap ran out. After every call, successful or not, the thread's factory is removed; the next call on the thread
 * makes a new one.
 *
 * <p>The factory is reached by reflection (the SDK offers no way to clear it): should an SDK version rename it, this
 * logs once and does nothing, and {@code ThreadXmlParsersTest} fails the build.
 */
final class ThreadXmlParsers implements ExecutionInterceptor {

    static final String PARSER_CLASS = "software.amazon.awssdk.protocols.query.unmarshall.XmlDomParser";
    private static final Logger LOG = Logger.getLogger(ThreadXmlParsers.class.getName());
    private static final Optional<ThreadLocal<?>> FACTORY = sdkFactory();

    /** The SDK's per-thread factory, if this SDK has it where expected. */
    static Optional<ThreadLocal<?>> sdkFactory() {
        try {
            Field field = Class.forName(PARSER_CLASS, false, S3Client.class.getClassLoader())
                    .getDeclaredField("FACTORY");
            field.setAccessible(true);
            if (field.get(null) instanceof ThreadLocal<?> factory) {
                return Optional.of(factory);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the SDK's per-thread XML factory was not found ({0}): a redeployment may leave "
                            + "the application's classes in memory",
                    e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release();
    }

    private static void release() {
        FACTORY.ifPresent(ThreadLocal::remove);
    }
}
