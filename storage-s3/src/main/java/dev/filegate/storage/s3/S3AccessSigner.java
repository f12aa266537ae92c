package dev.filegate.storage.s3;

import dev.filegate.domain.file.ContentDisposition;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.SignedRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedUploadPartRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Presigned URLs with the AWS SDK's {@link S3Presigner}. SigV4 signs the Host, so there is one presigner per
 * endpoint: URLs for clients outside the store's network are signed for the public endpoint, URLs for services
 * beside the store for the internal one (the "signed for minio:9000" failure does not happen). POST policies, which
 * the SDK cannot sign, are {@link S3PostPolicies}'; their form goes to the bucket's URL on the same endpoint.
 */
public final class S3AccessSigner implements AccessSigner, AutoCloseable {

    private final S3Presigner publicPresigner;
    private final S3Presigner internalPresigner;
    private final S3Settings settings;
    private final Optional<URI> publicEndpoint;
    /** One provider for the hand-made signatures: the default chain caches what it resolved (an instance role's keys). */
    private final AwsCredentialsProvider credentials;

    private final AwsV4HttpSigner headerSigner = AwsV4HttpSigner.create();
    private final S3PostPolicies postPolicies;

    public S3AccessSigner(S3Settings settings, Optional<URI> publicEndpoint) {
        this.settings = settings;
        this.publicEndpoint = publicEndpoint;
        this.credentials = S3Clients.credentials(settings);
        this.postPolicies = new S3PostPolicies(credentials, settings.region(), Clock.systemUTC());
        this.internalPresigner = presigner(settings, settings.endpoint());
        this.publicPresigner = publicEndpoint.isPresent() && !publicEndpoint.equals(settings.endpoint())
                ? presigner(settings, publicEndpoint)
                : internalPresigner;
    }

    private static S3Presigner presigner(S3Settings settings, Optional<URI> endpoint) {
        S3Presigner.Builder b = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(S3Clients.credentials(settings))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    private S3Presigner presigner(Audience audience) {
        return audience == Audience.INTERNAL ? internalPresigner : publicPresigner;
    }

    @Override
    public SignedRequest signUpload(
            ObjectLocation location,
            String contentType,
            long contentLength,
            Optional<byte[]> sha256,
            Duration ttl,
            Audience audience) {
        PresignedPutObjectRequest p = presigner(audience)
                .presignPutObject(b -> b.signatureDuration(ttl).putObjectRequest(r -> {
                    r.bucket(location.bucket())
                            .key(location.objectKey())
                            .contentType(contentType)
                            .contentLength(contentLength);
                    sha256.ifPresent(d -> r.checksumSHA256(Base64.getEncoder().encodeToString(d)));
                }));
        return new SignedRequest("PUT", toUri(p.url()), clientHeaders(p.signedHeaders()), p.expiration());
    }

    @Override
    public SignedRequest signPart(
            ObjectLocation location, String uploadId, int partNumber, Duration ttl, Audience audience) {
        if (partNumber < 1 || partNumber > MultipartUploads.MAX_PARTS) {
            throw new IllegalArgumentException("a part number is 1 to " + MultipartUploads.MAX_PARTS);
        }
        PresignedUploadPartRequest p = presigner(audience)
                .presignUploadPart(b -> b.signatureDuration(ttl)
                        .uploadPartRequest(r -> r.bucket(location.bucket())
                                .key(location.objectKey())
                                .uploadId(uploadId)
                                .partNumber(partNumber)));
        return new SignedRequest("PUT", toUri(p.url()), clientHeaders(p.signedHeaders()), p.expiration());
    }

    @Override
    public PostPolicy signPostPolicy(
            ObjectLocation location, String contentType, long minSize, long maxSize, Duration ttl, Audience audience) {
        return postPolicies.sign(
                bucketUrl(endpoint(audience), location.bucket(), settings.pathStyle()),
                location,
                contentType,
                minSize,
                maxSize,
                ttl);
    }

    /** The endpoint {@code audience} reaches the store at, as the presigners have it. */
    private URI endpoint(Audience audience) {
        Optional<URI> endpoint =
                audience == Audience.PUBLIC ? publicEndpoint.or(settings::endpoint) : settings.endpoint();
        return endpoint.orElseGet(() -> URI.create("https://s3." + settings.region() + ".amazonaws.com"));
    }

    /**
     * The bucket's own URL, ending in {@code /}: {@code endpoint/bucket/} in path style, {@code
     * scheme://bucket.host/} in virtual-host style (an endpoint's port and path kept).
     */
    static URI bucketUrl(URI endpoint, String bucket, boolean pathStyle) {
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String port = endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "";
        return pathStyle
                ? URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path + "/" + bucket + "/")
                : URI.create(endpoint.getScheme() + "://" + bucket + "." + endpoint.getHost() + port + path + "/");
    }

    @Override
    public SignedRequest signDownload(
            ObjectLocation location, String filename, String contentType, Duration ttl, Audience audience) {
        PresignedGetObjectRequest p = presigner(audience)
                .presignGetObject(b -> b.signatureDuration(ttl)
                        .getObjectRequest(r -> r.bucket(location.bucket())
                                .key(location.objectKey())
                                .responseContentDisposition(ContentDisposition.attachment(filename))
                                .responseContentType(contentType)
                                // The store answers with what the signature names, never with headers a client
                                // stored with its upload: this caller's data, kept by no cache.
                                .responseCacheControl("private, no-store")
                                .responseContentEncoding("identity")
                                .responseExpires(Instant.EPOCH)));
        return new SignedRequest("GET", toUri(p.url()), clientHeaders(p.signedHeaders()), p.expiration());
    }

    @Override
    public GatewaySignature signForGateway(ObjectLocation location, String method, Map<String, String> headers) {
        URI endpoint =
                settings.endpoint().orElseGet(() -> URI.create("https://s3." + settings.region() + ".amazonaws.com"));
        String host = settings.pathStyle() ? endpoint.getHost() : location.bucket() + "." + endpoint.getHost();
        String path = (settings.pathStyle() ? "/" + location.bucket() : "") + "/" + encodeKey(location.objectKey());
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol(endpoint.getScheme())
                .host(host)
                .encodedPath(path);
        if (endpoint.getPort() > 0) {
            request.port(endpoint.getPort());
        }
        headers.forEach(request::putHeader);
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        var signed = headerSigner.sign(r -> r.identity(identity)
                .request(request.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region())
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        Map<String, String> out = new LinkedHashMap<>();
        signed.request().firstMatchingHeader("Authorization").ifPresent(v -> out.put("Authorization", v));
        signed.request().firstMatchingHeader("X-Amz-Date").ifPresent(v -> out.put("X-Amz-Date", v));
        signed.request().firstMatchingHeader("x-amz-content-sha256").ifPresent(v -> out.put("X-Amz-Content-Sha256", v));
        signed.request().firstMatchingHeader("x-amz-security-token").ifPresent(v -> out.put("X-Amz-Security-Token", v));
        return new GatewaySignature(path, out);
    }

    /** S3's canonical URI encoding of a key: every byte but unreserved characters and '/' percent-encoded. */
    static String encodeKey(String key) {
        StringBuilder b = new StringBuilder();
        for (byte x : key.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** The signed headers a client must send; Host is the URL's own. */
    private static Map<String, String> clientHeaders(Map<String, List<String>> signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return headers;
    }

    private static String canonical(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "content-length" -> "Content-Length";
            default -> name.toLowerCase(Locale.ROOT);
        };
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK produced an invalid URL", e);
        }
    }

    @Override
    public void close() {
        internalPresigner.close();
        if (publicPresigner != internalPresigner) {
            publicPresigner.close();
        }
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
