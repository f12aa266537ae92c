package dev.filegate.storage.s3;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;

/**
 * PUTs of zero bytes. Over http:// the SDK signs a PutObject as an aws-chunked stream, for zero bytes one whose only
 * chunk is the empty last one, which not every store takes (Ceph's RADOS gateway of Ceph 16 answers 400): the
 * adapter's empty PUTs are signed as the empty payload they are instead ({@link #signedAsEmpty}, per request).
 *
 * <p>And every PUT of zero bytes the client sends goes on a connection of its own. Over http:// the SDK signs it as an
 * aws-chunked stream whose only chunk is the empty last one; a store that reads nothing for a decoded length of 0
 * (S3Proxy) leaves that chunk on the connection, and the next request the pool sends on it (anyone's, often a
 * streamed upload that cannot be retried) fails: one tenant's empty files made other tenants' uploads fail with 503.
 * Closing the connection after the empty PUT keeps what is left on it from reaching another request.
 */
final class EmptyPuts implements ExecutionInterceptor {

    /** A request's signing without chunk encoding: the payload's own SHA-256 (for an empty one, of nothing). */
    private static final SdkPlugin UNCHUNKED = config -> {
        S3ServiceClientConfiguration.Builder client = (S3ServiceClientConfiguration.Builder) config;
        S3AuthSchemeProvider schemes = client.authSchemeProvider();
        client.authSchemeProvider(params -> schemes.resolveAuthScheme(params).stream()
                .map(o -> o.toBuilder()
                        .putSignerProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)
                        .build())
                .toList());
    };

    /** For a PutObject of zero bytes: signed as an empty payload, not as an aws-chunked stream. */
    static void signedAsEmpty(AwsRequestOverrideConfiguration.Builder request) {
        request.addPlugin(UNCHUNKED);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        boolean empty = context.requestBody()
                .flatMap(RequestBody::optionalContentLength)
                .map(length -> length == 0)
                .orElse(false);
        if (request.method() != SdkHttpMethod.PUT || !empty) {
            return request;
        }
        return request.toBuilder().putHeader("Connection", "close").build();
    }
}
