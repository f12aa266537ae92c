package dev.filegate.testkit.config;

import dev.filegate.testkit.store.StoreConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a filegate on its production baseline (no {@code mp.config.profile}) needs to use a test store and trust the
 * test tokens: the keys of its configuration reference, and nothing the baseline would refuse. The store and the
 * service are on loopback, where the baseline allows {@code http://}; the key is a local {@code file:}.
 */
public final class FilegateSettings {

    public static final String SERVICE_PUBLIC_URL = "service.public-url";
    public static final String BUCKET = "upload.bucket";
    public static final String STORE_ENDPOINT = "storage.s3.endpoint";
    public static final String STORE_REGION = "storage.s3.region";
    public static final String STORE_PATH_STYLE = "storage.s3.path-style";
    public static final String STORE_ACCESS_KEY = "storage.s3.access-key";
    public static final String STORE_SECRET_KEY = "storage.s3.secret-key";
    public static final String CREATE_BUCKETS = "storage.s3.create-buckets";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";

    private FilegateSettings() {}

    /**
     * The settings for one run.
     *
     * @param publicUrl where the suite reaches filegate, e.g. {@code http://127.0.0.1:9080}
     * @param bucket the shared bucket, which filegate creates on its first upload
     * @param publicKey the PEM file of the key the tokens are signed with
     * @param extra further settings (e.g. {@code upload.allowed-types}), applied last
     */
    public static FilegateConfiguration forRun(
            URI publicUrl,
            StoreConnection store,
            String bucket,
            String issuer,
            String audience,
            Path publicKey,
            Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(SERVICE_PUBLIC_URL, publicUrl.toString());
        p.put(BUCKET, bucket);
        p.put(STORE_ENDPOINT, store.endpoint().toString());
        p.put(STORE_REGION, store.region());
        p.put(STORE_PATH_STYLE, Boolean.toString(store.pathStyle()));
        p.put(STORE_ACCESS_KEY, store.accessKey());
        p.put(STORE_SECRET_KEY, store.secretKey());
        p.put(CREATE_BUCKETS, "true");
        p.put(ISSUER, issuer);
        p.put(AUDIENCES, audience);
        // Liberty opens the path of a file: URL; the production baseline accepts file: with an absolute path.
        p.put(PUBLIC_KEY_LOCATION, "file:" + publicKey.toAbsolutePath());
        p.putAll(extra);
        return FilegateConfiguration.of(p);
    }
}
