package dev.filegate.api.config;

import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.TenancyStrategy;
import dev.filegate.storage.s3.S3Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The whole configuration, read and validated at once. Every key is documented in the README's configuration
 * reference; each can be set as an environment variable (dots and hyphens become underscores, upper case).
 */
public record ServiceConfiguration(
        String profile,
        UploadPolicy policy,
        TenancyStrategy tenancy,
        AccessPolicy access,
        S3Settings s3,
        Optional<URI> publicEndpoint,
        Optional<URI> gatewayUrl,
        Modes modes,
        Housekeeping housekeeping,
        String orgClaim,
        DevToken devToken,
        URI publicUrl,
        Optional<SharedSecret> gatewaySecret,
        boolean presignedRequiresSha256) {

    /** The shortest shared secret accepted between the gateway and the service. */
    public static final int MIN_GATEWAY_SECRET = 32;

    /** The API's own URL as clients reach it: {@code {service.public-url}/api/v1}. Never taken from a request. */
    public URI apiBase() {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/");
    }

    /** Whether the gateway authorization endpoint is live: only with a gateway mode enabled. */
    public boolean gatewayEnabled() {
        return modes.allows(UploadMode.GATEWAY) || modes.download() == DownloadMode.GATEWAY;
    }

    /** Removal of presigned uploads never completed: how often, and how long after their URL expired. */
    public record Housekeeping(Duration sweepInterval, Duration grace) {}

    /** How bytes move: upload modes enabled (first preferred) and the download mode. */
    public record Modes(List<UploadMode> upload, DownloadMode download) {
        public Modes {
            upload = List.copyOf(upload);
            if (upload.isEmpty()) {
                throw new IllegalArgumentException("enable at least one upload mode (proxy, presigned)");
            }
        }

        public boolean allows(UploadMode mode) {
            return upload.contains(mode);
        }
    }

    /** Upload modes. */
    public enum UploadMode {
        PROXY,
        PRESIGNED,
        GATEWAY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Download modes: stream through the service, or redirect to a short-lived presigned GET. */
    public enum DownloadMode {
        PROXY,
        REDIRECT,
        GATEWAY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The dev-only token endpoint: absent unless enabled, and refused outside the dev profile. */
    public record DevToken(
            boolean enabled, Optional<String> signingKeyLocation, String issuer, String audience, Duration lifetime) {}

    public static final String PROFILE = "mp.config.profile";

    /**
     * @throws InvalidConfiguration listing every problem found
     */
    public static ServiceConfiguration read(Config config) {
        Settings s = new Settings(config);
        String profile = s.string(PROFILE, "prod");

        DataSize maxSize = s.parsed("upload.max-size", "100MiB", DataSize::parse);
        List<SizeLimit> limits = s.parsed("upload.max-size-by-type", "", SizeLimit::parseAll);
        MediaTypeAllowList allowList = s.parsed(
                "upload.allowed-types",
                "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain",
                MediaTypeAllowList::parse);
        Integer nameBytes = s.parsed("upload.filename.max-bytes", "255", Integer::valueOf);
        Set<String> blocked = s.parsed(
                "upload.blocked-extensions",
                String.join(",", FilenameRules.DEFAULT_BLOCKED_EXTENSIONS),
                v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .collect(Collectors.toSet()));
        Duration uploadTtl = s.parsed("upload.expiry.upload-url", "PT15M", Duration::parse);
        Duration downloadTtl = s.parsed("upload.expiry.download-url", "PT24H", Duration::parse);
        Duration redirectTtl = s.parsed("upload.expiry.redirect", "PT30S", Duration::parse);

        String tenancyName = s.string("upload.tenancy", "shared-bucket");
        String bucket = "shared-bucket".equals(tenancyName)
                ? s.required("upload.bucket", "the shared bucket holding every tenant's files")
                : s.string("upload.bucket", "unused");
        String template = s.string("upload.bucket-template", "tenant-{org}");

        boolean adminCrossTenant = s.bool("auth.admin-cross-tenant", false);
        String orgClaim = s.string("auth.org-claim", "org");

        Optional<URI> endpoint = Optional.ofNullable(s.required(
                        "storage.s3.endpoint",
                        "the store's URL as the service reaches it, e.g. https://s3.eu-west-1.amazonaws.com"))
                .map(v -> s.parsed("storage.s3.endpoint", v, URI::create));
        String region = s.string("storage.s3.region", "us-east-1");
        boolean defaultCredentials = s.bool("storage.s3.use-default-credentials", false);
        Optional<String> accessKey = s.optional("storage.s3.access-key");
        Optional<String> secretKey = s.optional("storage.s3.secret-key");
        if (!defaultCredentials && (accessKey.isEmpty() || secretKey.isEmpty())) {
            s.problem(
                    "storage.s3.access-key and storage.s3.secret-key are required (env STORAGE_S3_ACCESS_KEY, "
                            + "STORAGE_S3_SECRET_KEY), or set storage.s3.use-default-credentials=true for the AWS default chain");
        }
        boolean pathStyle = s.bool("storage.s3.path-style", true);
        boolean createBuckets = s.bool("storage.s3.create-buckets", false);
        DataSize partSize = s.parsed("storage.s3.part-size", "8MiB", DataSize::parse);
        Duration connectTimeout = s.parsed("storage.s3.connect-timeout", "PT5S", Duration::parse);
        Duration socketTimeout = s.parsed("storage.s3.socket-timeout", "PT60S", Duration::parse);
        Integer maxConnections = s.parsed("storage.s3.max-connections", "50", Integer::valueOf);
        Duration connectionMaxIdle = s.parsed("storage.s3.connection-max-idle-time", "PT60S", Duration::parse);
        Integer bufferedParts = s.parsed("storage.s3.max-buffered-parts", "0", Integer::valueOf);
        Duration callTimeout = s.parsed("storage.s3.call-timeout", "PT30S", Duration::parse);
        Optional<URI> publicEndpoint = s.optional("storage.s3.public-endpoint")
                .map(v -> s.parsed("storage.s3.public-endpoint", v, raw -> clientUrl(raw, "the store")));
        List<String> corsOrigins = s.parsed(
                "storage.s3.cors-origins",
                "",
                v -> Arrays.stream(v.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList());
        List<UploadMode> uploadModes = s.parsed(
                "upload.modes",
                "proxy",
                v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .map(x -> enumValue(UploadMode.class, x, "upload.modes"))
                        .distinct()
                        .toList());
        DownloadMode downloadMode =
                s.parsed("download.mode", "proxy", v -> enumValue(DownloadMode.class, v.strip(), "download.mode"));
        Optional<URI> gatewayUrl = s.optional("gateway.public-url")
                .map(v -> s.parsed("gateway.public-url", v, raw -> clientUrl(raw, "the gateway")));
        boolean gatewayMode =
                uploadModes != null && uploadModes.contains(UploadMode.GATEWAY) || downloadMode == DownloadMode.GATEWAY;
        if (gatewayUrl.isEmpty() && gatewayMode) {
            s.problem("gateway.public-url is required when a gateway mode is enabled (env GATEWAY_PUBLIC_URL)");
        }
        // Only the gateway may ask for store signatures: it proves itself with this secret on every authz call.
        Optional<String> gatewaySecret = s.optional("gateway.shared-secret");
        if (gatewayMode && gatewaySecret.map(String::strip).map(String::length).orElse(0) < MIN_GATEWAY_SECRET) {
            s.problem("gateway.shared-secret is required when a gateway mode is enabled: at least " + MIN_GATEWAY_SECRET
                    + " characters, also given to the gateway (env GATEWAY_SHARED_SECRET; e.g. openssl rand -hex 32)");
        }
        URI publicUrl = s.optional("service.public-url")
                .map(v -> s.parsed("service.public-url", v, raw -> clientUrl(raw, "this service")))
                .orElse(null);
        if (s.optional("service.public-url").isEmpty()) {
            s.problem(
                    "service.public-url is required: where clients reach this service, e.g. https://files.example.com "
                            + "(Location headers and file URLs are built from it, never from a request's Host; env SERVICE_PUBLIC_URL)");
        }
        boolean requireSha256 = s.bool("upload.presigned.require-sha256", false);
        Duration sweepInterval = s.parsed("upload.pending.sweep-interval", "PT15M", Duration::parse);
        Duration grace = s.parsed("upload.pending.grace", "PT1H", Duration::parse);
        Modes modes = uploadModes != null && downloadMode != null
                ? s.build("upload.modes", () -> new Modes(uploadModes, downloadMode))
                : null;

        if (s.optional("mp.jwt.verify.publickey").isEmpty()
                && s.optional("mp.jwt.verify.publickey.location").isEmpty()) {
            s.problem("mp.jwt.verify.publickey or mp.jwt.verify.publickey.location is required: the key (PEM, JWK "
                    + "or JWKS URL) that verifies bearer tokens; env MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        s.required("mp.jwt.verify.issuer", "the expected iss claim of bearer tokens");
        // Without an audience check, every token the issuer mints for any other service would be accepted here.
        String audiences = s.required(
                "mp.jwt.verify.audiences",
                "the aud value(s) that tokens meant for this service carry, comma-separated");

        boolean devTokenEnabled = s.bool("dev.token.enabled", false);
        Optional<String> devKey = s.optional("dev.token.signing-key.location");
        if (devTokenEnabled && !"dev".equals(profile)) {
            s.problem("dev.token.enabled=true is only allowed in the dev profile (active profile: " + profile + ")");
        }
        if (devTokenEnabled && devKey.isEmpty()) {
            s.problem("dev.token.enabled=true needs dev.token.signing-key.location (a PKCS#8 PEM private key file)");
        }
        String devIssuer = s.string("mp.jwt.verify.issuer", "");
        Duration devLifetime = s.parsed("dev.token.lifetime", "PT8H", Duration::parse);

        Expiries expiries = uploadTtl != null && downloadTtl != null && redirectTtl != null
                ? s.build("upload.expiry", () -> new Expiries(uploadTtl, downloadTtl, redirectTtl))
                : null;
        FilenameRules filenameRules = nameBytes != null && blocked != null
                ? s.build("upload.filename", () -> new FilenameRules(nameBytes, blocked))
                : null;
        boolean policyRead = java.util.stream.Stream.of(maxSize, limits, allowList, filenameRules, expiries)
                .allMatch(java.util.Objects::nonNull);
        UploadPolicy policy = policyRead
                ? s.build("upload policy", () -> new UploadPolicy(maxSize, limits, allowList, filenameRules, expiries))
                : null;
        TenancyStrategy tenancy = bucket == null
                ? null
                : s.build("upload.tenancy", () -> TenancyStrategy.of(tenancyName, bucket, template));
        S3Settings s3 = endpoint.isPresent()
                        && partSize != null
                        && connectTimeout != null
                        && socketTimeout != null
                        && maxConnections != null
                        && corsOrigins != null
                        && connectionMaxIdle != null
                        && bufferedParts != null
                        && callTimeout != null
                ? s.build(
                        "storage.s3",
                        () -> new S3Settings(
                                endpoint,
                                region,
                                defaultCredentials ? Optional.empty() : accessKey,
                                defaultCredentials ? Optional.empty() : secretKey,
                                pathStyle,
                                createBuckets,
                                Math.toIntExact(partSize.bytes()),
                                bufferedParts,
                                connectTimeout,
                                socketTimeout,
                                connectionMaxIdle,
                                callTimeout,
                                maxConnections,
                                corsOrigins))
                : null;

        if (!s.ok()) {
            throw new InvalidConfiguration(profile, s.problems());
        }
        return new ServiceConfiguration(
                profile,
                policy,
                tenancy,
                new AccessPolicy(adminCrossTenant),
                s3,
                publicEndpoint,
                gatewayUrl,
                modes,
                new Housekeeping(sweepInterval, grace),
                orgClaim,
                new DevToken(
                        devTokenEnabled,
                        devKey,
                        devIssuer,
                        audiences == null ? "" : audiences.split(",")[0].strip(),
                        devLifetime),
                publicUrl,
                gatewaySecret.map(String::strip).map(SharedSecret::new),
                requireSha256);
    }

    /** A URL handed to clients: http(s) with a host, as clients reach {@code what}. */
    private static URI clientUrl(String raw, String what) {
        URI uri = URI.create(raw);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be an http(s) URL with a host, as clients reach " + what);
        }
        return uri;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "' (use "
                + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
                        .toList() + ")");
    }
}
