package dev.filegate.storage.s3;

import dev.filegate.domain.file.ContentDisposition;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.SignedRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned URLs with the AWS SDK's {@link S3Presigner}. SigV4 signs the Host, so there is one presigner per
 * endpoint: URLs for clients outside the store's network are signed for the public endpoint, URLs for services
 * beside the store for the internal one (the "signed for minio:9000" failure does not happen).
 */
public final class S3AccessSigner implements AccessSigner, AutoCloseable {

    private final S3Presigner publicPresigner;
    private final S3Presigner internalPresigner;
    private final S3Settings settings;
    private final AwsV4HttpSigner headerSigner = AwsV4HttpSigner.create();

    public S3AccessSigner(S3Settings settings, Optional<URI> publicEndpoint) {
        this.settings = settings;
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
        AwsCredentialsIdentity identity =
                S3Clients.credentials(settings).resolveIdentity().join();
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
    }
}
