package dev.filegate.domain.gateway;

import java.util.Map;

/**
 * What a gateway needs to forward an authorised request to the store: the exact upstream path that was signed,
 * the signature headers, and headers to add to the client's response (none secret except the signature, which
 * only the gateway sees).
 */
public record GatewayGrant(
        String upstreamPath, Map<String, String> signatureHeaders, Map<String, String> responseHeaders) {

    public GatewayGrant {
        signatureHeaders = Map.copyOf(signatureHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    @Override
    public String toString() {
        return "GatewayGrant[" + upstreamPath + ", <signature redacted>]";
    }
}
