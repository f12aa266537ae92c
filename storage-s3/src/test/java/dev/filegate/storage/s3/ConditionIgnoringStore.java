package dev.filegate.storage.s3;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * A client of a real store that behaves like a store ignoring {@code x-amz-copy-source-if-match} (as Ceph's RADOS
 * gateway of Ceph 16 does, on CopyObject and on UploadPartCopy): the condition is taken off every such call before
 * it is sent. A hook runs before each, with its number (1, 2, ...), to write the source meanwhile.
 */
final class ConditionIgnoringStore {

    private ConditionIgnoringStore() {}

    @SuppressWarnings("unchecked")
    static S3Client of(S3Client s3, IntConsumer beforeEachCopyCall) {
        AtomicInteger calls = new AtomicInteger();
        return (S3Client) Proxy.newProxyInstance(
                S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (p, method, args) -> {
                    try {
                        if (method.getName().equals("copyObject")) {
                            CopyObjectRequest request = args[0] instanceof CopyObjectRequest r
                                    ? r
                                    : CopyObjectRequest.builder()
                                            .applyMutation((Consumer<CopyObjectRequest.Builder>) args[0])
                                            .build();
                            beforeEachCopyCall.accept(calls.incrementAndGet());
                            return s3.copyObject(
                                    request.toBuilder().copySourceIfMatch(null).build());
                        }
                        if (method.getName().equals("uploadPartCopy")) {
                            UploadPartCopyRequest request = args[0] instanceof UploadPartCopyRequest r
                                    ? r
                                    : UploadPartCopyRequest.builder()
                                            .applyMutation((Consumer<UploadPartCopyRequest.Builder>) args[0])
                                            .build();
                            beforeEachCopyCall.accept(calls.incrementAndGet());
                            return s3.uploadPartCopy(
                                    request.toBuilder().copySourceIfMatch(null).build());
                        }
                        return method.invoke(s3, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
