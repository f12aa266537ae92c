package dev.filegate.storage.s3;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Every PUT of zero bytes the client sends goes on a connection of its own. Over http:// the SDK signs it as an
 * aws-chunked stream whose only chunk is the empty last one; a store that reads nothing for a decoded length of 0
 * (S3Proxy) leaves that chunk on the connection, and the next request the pool sends on it (anyone's, often a
 * streamed upload that cannot be retried) fails: one tenant's empty files made other tenants' uploads fail with 503.
 * Closing the connection after the empty PUT keeps what is left on it from reaching another request.
 */
final class EmptyPuts implements ExecutionInterceptor {

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
