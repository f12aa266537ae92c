package dev.filegate.it.support.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Any S3 endpoint someone else runs (AWS, Garage, Ceph RGW, a company MinIO, an S3Proxy started outside the build),
 * given by environment variables. The run shares the store with others, so every bucket it uses is named
 * {@code <prefix><run id>-<name>} and, when the run ends, it removes exactly those buckets ({@link RunBuckets}) and
 * nothing else. The credentials need to create, list and delete such buckets and their objects and multipart
 * uploads, and to put a bucket's CORS rule (the service applies one for the browser suites).
 */
final class ExternalTarget implements StoreTarget {

    static final String NAME = "external";

    static final String ENDPOINT = "FILEGATE_IT_S3_ENDPOINT";
    static final String ACCESS_KEY = "FILEGATE_IT_S3_ACCESS_KEY";
    static final String SECRET_KEY = "FILEGATE_IT_S3_SECRET_KEY";
    static final String REGION = "FILEGATE_IT_S3_REGION";
    static final String PATH_STYLE = "FILEGATE_IT_S3_PATH_STYLE";
    static final String BUCKET_PREFIX = "FILEGATE_IT_S3_BUCKET_PREFIX";
    static final String PUBLIC_ENDPOINT = "FILEGATE_IT_S3_PUBLIC_ENDPOINT";
    static final String CORS = "FILEGATE_IT_S3_CORS";

    static final String DEFAULT_PREFIX = "fgit-";

    /** What is left of S3's 63 characters for an org once the longest run bucket prefix is taken. */
    static final int MAX_PREFIX = 20;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final StoreAccess access;
    private final boolean bucketCors;
    private final String runPrefix;
    private RunBuckets buckets;

    private ExternalTarget(StoreAccess access, boolean bucketCors, String runPrefix) {
        this.access = access;
        this.bucketCors = bucketCors;
        this.runPrefix = runPrefix;
    }

    /**
     * The target the variables describe, for the run {@code runId}; every problem with them is listed at once.
     *
     * @throws IllegalArgumentException naming each missing or malformed variable
     */
    static ExternalTarget from(Map<String, String> env, String runId) {
        List<String> problems = new ArrayList<>();
        String endpoint = value(env, ENDPOINT, problems);
        String accessKey = value(env, ACCESS_KEY, problems);
        String secretKey = value(env, SECRET_KEY, problems);
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                problems.add(ENDPOINT + " must be an http:// or https:// URL, is " + endpoint);
            }
        }
        for (String secret : new String[] {accessKey, secretKey}) {
            if (secret != null && secret.chars().anyMatch(Character::isWhitespace)) {
                problems.add(ACCESS_KEY + " and " + SECRET_KEY + " must not contain white space");
            }
        }
        String prefix = env.getOrDefault(BUCKET_PREFIX, DEFAULT_PREFIX);
        if (!PREFIX.matcher(prefix).matches() || prefix.length() > MAX_PREFIX) {
            problems.add(BUCKET_PREFIX + " must be 1-" + MAX_PREFIX
                    + " of a-z, 0-9 and '-', starting with a letter or digit, is " + prefix);
        }
        String pathStyle = env.getOrDefault(PATH_STYLE, "true").toLowerCase(Locale.ROOT);
        if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
            problems.add(PATH_STYLE + " must be true or false, is " + pathStyle);
        }
        String cors = env.getOrDefault(CORS, "bucket");
        if (!cors.equals("bucket") && !cors.equals("store")) {
            problems.add(CORS + " must be bucket (the service puts its rule) or store (the store's own configuration"
                    + " lets the suites' origin in), is " + cors);
        }
        Optional<URI> other = Optional.ofNullable(env.get(PUBLIC_ENDPOINT))
                .filter(v -> !v.isBlank())
                .map(URI::create);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("it.store=external: " + String.join("; ", problems));
        }
        URI at = uri;
        return new ExternalTarget(
                new StoreAccess(
                        at,
                        other.or(() -> Loopback.otherName(at)),
                        env.getOrDefault(REGION, "us-east-1"),
                        accessKey,
                        secretKey,
                        Boolean.parseBoolean(pathStyle)),
                cors.equals("bucket"),
                prefix + runId + "-");
    }

    private static String value(Map<String, String> env, String name, List<String> problems) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            problems.add(name + " is not set");
            return null;
        }
        return v;
    }

    /** Connects the clean-up; called once the run is about to use the store. */
    ExternalTarget open() {
        buckets = RunBuckets.open(this, runPrefix);
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StoreAccess access() {
        return access;
    }

    @Override
    public boolean takesBucketCors() {
        return bucketCors;
    }

    @Override
    public String bucket(String name) {
        return runPrefix + name;
    }

    @Override
    public void close() {
        if (buckets != null) {
            buckets.removeAll();
        }
    }
}
