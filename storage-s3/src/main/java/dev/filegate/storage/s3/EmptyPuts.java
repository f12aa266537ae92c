package dev.filegate.storage.s3;

import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A PUT of zero bytes goes on a connection of its own. Over http:// the SDK signs it as an aws-chunked stream whose
 * only chunk is the empty last one; a store that reads nothing for a decoded length of 0 (S3Proxy) leaves that chunk
 * on the connection, and the next request the pool sends on it (anyone's, often a streamed upload that cannot be
 * retried) fails: one tenant's empty files made other tenants' uploads fail with 503. Closing the connection after
 * the empty PUT keeps what is left on it from reaching another request.
 */
final class EmptyPuts {

    private EmptyPuts() {}

    /** {@code request} as is, or, for zero bytes, asking for the connection to be closed after the answer. */
    static Consumer<PutObjectRequest.Builder> isolated(long length, Consumer<PutObjectRequest.Builder> request) {
        if (length != 0) {
            return request;
        }
        return request.andThen(b -> b.overrideConfiguration(o -> o.putHeader("Connection", "close")));
    }
}
