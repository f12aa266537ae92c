package dev.filegate.domain.upload;

import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.SignedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A signer for unit tests: records which locations it was asked to sign for. */
final class RecordingSigner implements AccessSigner {

    final List<ObjectLocation> signedFor = new ArrayList<>();

    @Override
    public SignedRequest signUpload(
            ObjectLocation location,
            String contentType,
            long contentLength,
            Optional<byte[]> sha256,
            Duration ttl,
            Audience audience) {
        signedFor.add(location);
        return new SignedRequest(
                "PUT",
                URI.create("http://store/" + location.objectKey()),
                Map.of(),
                Instant.now().plus(ttl));
    }

    @Override
    public GatewaySignature signForGateway(ObjectLocation location, String method, Map<String, String> headers) {
        signedFor.add(location);
        return new GatewaySignature("/" + location.objectKey(), Map.of());
    }

    @Override
    public SignedRequest signDownload(
            ObjectLocation location, String filename, String contentType, Duration ttl, Audience audience) {
        signedFor.add(location);
        return new SignedRequest(
                "GET",
                URI.create("http://store/" + location.objectKey()),
                Map.of(),
                Instant.now().plus(ttl));
    }

    @Override
    public SignedRequest signPart(
            ObjectLocation location, String uploadId, int partNumber, Duration ttl, Audience audience) {
        signedFor.add(location);
        return new SignedRequest(
                "PUT",
                URI.create("http://store/" + location.objectKey() + "?partNumber=" + partNumber),
                Map.of(),
                Instant.now().plus(ttl));
    }

    @Override
    public PostPolicy signPostPolicy(
            ObjectLocation location, String contentType, long minSize, long maxSize, Duration ttl, Audience audience) {
        signedFor.add(location);
        return new PostPolicy(
                URI.create("http://store/" + location.bucket() + "/"),
                Map.of("key", location.objectKey(), "Content-Type", contentType),
                Instant.now().plus(ttl));
    }
}
