package dev.filegate.storage.s3;

import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Writes a body of unknown length (or one too long for a single PutObject) holding one part in memory at a time
 * (from {@link PartBuffers}): a body that fits in one part goes out as a single PutObject, a longer one as a
 * multipart upload, part by part, aborted on any failure ({@link MultipartAborts} keeps the aborts the store could
 * not take) so that no orphaned parts remain. SDK failures propagate untranslated: the caller tells the client's
 * faults from the store's.
 */
final class S3MultipartWriter {

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final PartBuffers partBuffers;
    private final MultipartAborts aborts;

    S3MultipartWriter(
            S3Client s3,
            Consumer<AwsRequestOverrideConfiguration.Builder> bounded,
            PartBuffers partBuffers,
            MultipartAborts aborts) {
        this.s3 = s3;
        this.bounded = bounded;
        this.partBuffers = partBuffers;
        this.aborts = aborts;
    }

    StoredObject write(ObjectLocation location, NewObject object, Map<String, String> metadata, InputStream body)
            throws IOException {
        OrgId tenant = location.key().org();
        byte[] buffer = partBuffers.take(tenant);
        try {
            return write(location, object, metadata, body, buffer);
        } finally {
            partBuffers.giveBack(tenant);
        }
    }

    private StoredObject write(
            ObjectLocation location, NewObject object, Map<String, String> metadata, InputStream body, byte[] buffer)
            throws IOException {
        int filled = fill(body, buffer);
        if (filled < buffer.length) {
            // The whole body fits in one part: a single PutObject, no multipart upload to clean up.
            byte[] bytes = Arrays.copyOf(buffer, filled);
            PutObjectResponse response = s3.putObject(
                    b -> {
                        b.bucket(location.bucket())
                                .key(location.objectKey())
                                .contentType(object.contentType())
                                .contentLength((long) bytes.length)
                                .metadata(metadata);
                        if (bytes.length == 0) {
                            b.overrideConfiguration(EmptyPuts::signedAsEmpty);
                        }
                    },
                    RequestBody.fromBytes(bytes));
            return StoredObjects.written(location, object, bytes.length, response.eTag());
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(location.bucket())
                        .key(location.objectKey())
                        .overrideConfiguration(bounded)
                        .contentType(object.contentType())
                        .metadata(metadata))
                .uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int partNumber = 1;
            while (filled > 0) {
                int number = partNumber;
                int length = filled;
                String etag = s3.uploadPart(
                                b -> b.bucket(location.bucket())
                                        .key(location.objectKey())
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) length),
                                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += length;
                partNumber++;
                filled = filled == buffer.length ? fill(body, buffer) : 0;
            }
            String etag = s3.completeMultipartUpload(b -> b.bucket(location.bucket())
                            .key(location.objectKey())
                            .uploadId(uploadId)
                            .multipartUpload(CompletedMultipartUpload.builder()
                                    .parts(parts)
                                    .build()))
                    .eTag();
            completed = true;
            return StoredObjects.written(location, object, total, etag);
        } finally {
            if (!completed) {
                aborts.abort(location.bucket(), location.objectKey(), uploadId);
            }
        }
    }

    /** Reads until the buffer is full or the stream ends; returns the bytes read. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
