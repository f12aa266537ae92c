package dev.filegate.domain.storage;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The signer port: delegated, short-lived access to one object, for clients that talk to the store themselves.
 * Separate from {@link ObjectStore} so that signing (no network) and storing can be combined and decorated
 * independently. Implementations sign for the host the client will actually reach.
 */
public interface AccessSigner {

    /** Which network the client is on, and so which store host the URL must name. */
    enum Audience {
        /** Browsers and other clients outside the service's network: the public endpoint. */
        PUBLIC,
        /** Services on the store's own network: the internal endpoint. */
        INTERNAL
    }

    /**
     * A PUT of exactly {@code contentLength} bytes of {@code contentType} (and, when given, exactly the bytes whose
     * SHA-256 is {@code sha256}) to {@code location}.
     */
    SignedRequest signUpload(
            ObjectLocation location,
            String contentType,
            long contentLength,
            Optional<byte[]> sha256,
            Duration ttl,
            Audience audience);

    /** The signature a gateway forwards with its own request to the store, and the path it must request. */
    record GatewaySignature(String upstreamPath, Map<String, String> headers) {
        public GatewaySignature {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "GatewaySignature[" + upstreamPath + ", <redacted>]";
        }
    }

    /**
     * Signs, in SigV4 header form with an unsigned payload, the request a gateway will send to the store's
     * internal endpoint: {@code method} on the object's canonical path, with {@code headers} bound.
     */
    GatewaySignature signForGateway(ObjectLocation location, String method, Map<String, String> headers);

    /**
     * A PUT of part {@code partNumber} (1 to {@link MultipartUploads#MAX_PARTS}) of the store's multipart upload
     * {@code uploadId} of {@code location}. Nothing but the part is bound (a client does not say a part's size
     * before sending it); the store refuses the URL for any other part, upload or object.
     */
    SignedRequest signPart(ObjectLocation location, String uploadId, int partNumber, Duration ttl, Audience audience);

    /**
     * A browser form upload of {@code location}: the store accepts exactly this key and {@code contentType}, and
     * between {@code minSize} and {@code maxSize} bytes (inclusive), until {@code ttl} has passed.
     */
    PostPolicy signPostPolicy(
            ObjectLocation location, String contentType, long minSize, long maxSize, Duration ttl, Audience audience);

    /** A GET of {@code location} that the store answers as an attachment named {@code filename} of {@code contentType}. */
    SignedRequest signDownload(
            ObjectLocation location, String filename, String contentType, Duration ttl, Audience audience);
}
