package dev.filegate.server;

import dev.filegate.api.config.InsecureHttp;
import dev.filegate.api.config.Settings;
import dev.filegate.api.config.StoreDescription;
import dev.filegate.domain.policy.DataSize;
import dev.filegate.storage.s3.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.regions.EndpointTag;
import software.amazon.awssdk.regions.PartitionEndpointKey;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code storage.s3.*} section: how the service reaches the store, and how clients do.
 *
 * @param publicEndpoint the store as clients reach it; empty: as the service does
 */
public record StoreConfiguration(S3Settings s3, Optional<URI> publicEndpoint) {

    /** @return the section, or {@code null} with the problems recorded in {@code s} */
    static StoreConfiguration read(Settings s, InsecureHttp http) {
        Optional<URI> endpoint = Optional.ofNullable(s.requiredParsed(
                "storage.s3.endpoint",
                "the store's URL as the service reaches it, e.g. https://s3.eu-west-1.amazonaws.com",
                URI::create));
        String region = s.string("storage.s3.region", "us-east-1");
        boolean defaultCredentials = s.bool("storage.s3.use-default-credentials", false);
        Optional<String> accessKey = s.optional("storage.s3.access-key");
        Optional<String> secretKey = s.optional("storage.s3.secret-key");
        if (!defaultCredentials && (accessKey.isEmpty() || secretKey.isEmpty())) {
            s.problem("storage.s3.access-key and storage.s3.secret-key are required (env STORAGE_S3_ACCESS_KEY, "
                    + "STORAGE_S3_SECRET_KEY), or set storage.s3.use-default-credentials=true for the AWS default "
                    + "chain");
        }
        boolean pathStyle = s.bool("storage.s3.path-style", true);
        boolean createBuckets = s.bool("storage.s3.create-buckets", false);
        Long partSize =
                s.parsed("storage.s3.part-size", "8MiB", v -> DataSize.parse(v).bytes());
        Duration connectTimeout = s.parsed("storage.s3.connect-timeout", "PT5S", Duration::parse);
        Duration socketTimeout = s.parsed("storage.s3.socket-timeout", "PT60S", Duration::parse);
        Integer maxConnections = s.parsed("storage.s3.max-connections", "50", Integer::valueOf);
        Duration connectionMaxIdle = s.parsed("storage.s3.connection-max-idle-time", "PT60S", Duration::parse);
        Integer bufferedParts = s.parsed("storage.s3.max-buffered-parts", "0", Integer::valueOf);
        Duration callTimeout = s.parsed("storage.s3.call-timeout", "PT30S", Duration::parse);
        Duration copyTimeout = s.parsed("storage.s3.copy-timeout", "PT15M", Duration::parse);
        Optional<URI> publicEndpoint =
                s.optionalParsed("storage.s3.public-endpoint", raw -> Settings.clientUrl(raw, "the store"));
        List<String> corsOrigins = s.list("storage.s3.cors-origins", "");
        endpoint.filter(StoreConfiguration::isAws)
                .ifPresent(uri -> http.refuse(
                        "storage.s3.endpoint", uri, "AWS serves https; over http the objects cross the internet"));
        publicEndpoint.ifPresent(uri -> http.refuse(
                "storage.s3.public-endpoint",
                uri,
                "browsers send and fetch file bytes there, with presigned URLs that anyone on the path can reuse"));
        if (corsOrigins != null) {
            for (String origin : corsOrigins) {
                origin(s, origin)
                        .ifPresent(uri -> http.refuseOrigin(
                                "storage.s3.cors-origins",
                                uri,
                                "an origin is where the pages run that hold bearer tokens and presigned URLs"));
            }
        }

        boolean complete = endpoint.isPresent()
                && Stream.of(
                                partSize,
                                connectTimeout,
                                socketTimeout,
                                maxConnections,
                                connectionMaxIdle,
                                bufferedParts,
                                callTimeout,
                                copyTimeout,
                                corsOrigins)
                        .allMatch(Objects::nonNull);
        if (!complete) {
            return null;
        }
        S3Settings s3 = s.build(
                "storage.s3",
                () -> new S3Settings(
                        endpoint,
                        region,
                        defaultCredentials ? Optional.empty() : accessKey,
                        defaultCredentials ? Optional.empty() : secretKey,
                        pathStyle,
                        createBuckets,
                        Math.toIntExact(partSize),
                        bufferedParts,
                        connectTimeout,
                        socketTimeout,
                        connectionMaxIdle,
                        callTimeout,
                        maxConnections,
                        corsOrigins,
                        S3Settings.MAX_SINGLE_COPY,
                        copyTimeout));
        return s3 == null ? null : new StoreConfiguration(s3, publicEndpoint);
    }

    /**
     * The DNS suffixes of every AWS partition the SDK knows (aws and aws-us-gov: {@code amazonaws.com}, aws-cn:
     * {@code amazonaws.com.cn}, aws-eusc, the ISO partitions), plain, dual-stack and FIPS: AWS's own list, so that an
     * SDK upgrade brings new partitions along.
     */
    static final Set<String> AWS_DNS_SUFFIXES = awsDnsSuffixes();

    private static Set<String> awsDnsSuffixes() {
        List<Set<EndpointTag>> variants = List.of(
                Set.of(),
                Set.of(EndpointTag.DUALSTACK),
                Set.of(EndpointTag.FIPS),
                Set.of(EndpointTag.DUALSTACK, EndpointTag.FIPS));
        Set<String> suffixes = new TreeSet<>();
        for (Region region : Region.regions()) {
            PartitionMetadata partition = PartitionMetadata.of(region);
            for (Set<EndpointTag> tags : variants) {
                String suffix = partition.dnsSuffix(
                        PartitionEndpointKey.builder().tags(tags).build());
                if (suffix != null && !suffix.isBlank()) {
                    suffixes.add(suffix.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Collections.unmodifiableSet(suffixes);
    }

    /**
     * Whether {@code uri} is an AWS endpoint, which always also serves https: its host is in a domain of an AWS
     * partition, in any case and with or without the trailing dot of an absolute name.
     */
    static boolean isAws(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return AWS_DNS_SUFFIXES.stream().anyMatch(suffix -> name.equals(suffix) || name.endsWith("." + suffix));
    }

    /**
     * One entry of {@code storage.s3.cors-origins}, which must be an origin exactly as browsers send it in {@code
     * Origin} ({@code scheme://host[:port]}, lower case, no default port, no path, no wildcard): the store compares the
     * strings, so anything else either never matches or, as {@code *} or {@code null}, lets pages of any site (or of
     * sandboxed and {@code file:} documents) use the presigned URLs a user's page holds.
     *
     * @return the origin, or empty with the problem recorded
     */
    private static Optional<URI> origin(Settings s, String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            s.problem("storage.s3.cors-origins: '" + raw + "' is not an origin: give each as scheme://host[:port], as"
                    + " browsers send it (e.g. https://files.example.com): no path, not even /, no wildcard, no null");
            return Optional.empty();
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String serialized = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort());
        if (!serialized.equals(raw)) {
            s.problem("storage.s3.cors-origins: browsers send the origin '" + raw + "' as " + serialized
                    + ", and the store compares them as written: give " + serialized);
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    /** The store as clients reach it. */
    Optional<URI> clientEndpoint() {
        return publicEndpoint.or(s3::endpoint);
    }

    /** What operators see of the store: never the credentials. */
    StoreDescription describe() {
        String internal = s3.endpoint().map(URI::toString).orElse("AWS default");
        return new StoreDescription(
                internal,
                publicEndpoint.map(URI::toString).orElse(internal),
                s3.region(),
                s3.accessKey().isPresent() ? "static" : "default chain");
    }
}
