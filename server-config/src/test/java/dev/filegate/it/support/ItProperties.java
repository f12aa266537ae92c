package dev.filegate.it.support;

/** The values the build passes to the suites (see server-config/pom.xml, failsafe systemPropertyVariables). */
public final class ItProperties {

    private ItProperties() {}

    public static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set; run the suites with ./mvnw verify");
        }
        return v;
    }

    public static int s3Port() {
        return Integer.parseInt(required("it.s3.port"));
    }

    public static int httpPort() {
        return Integer.parseInt(required("it.http.port"));
    }

    public static String issuer() {
        return required("it.jwt.issuer");
    }

    public static boolean large() {
        return Boolean.parseBoolean(System.getProperty("it.large", "true"));
    }

    /** The bucket a tenant's files live in under the running server configuration. */
    public static String bucketFor(String org) {
        return ServerConfiguration.current().bucketFor(org);
    }
}
