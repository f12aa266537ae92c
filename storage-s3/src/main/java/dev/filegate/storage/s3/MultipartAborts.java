package dev.filegate.storage.s3;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Aborts the multipart uploads of failed writes and large copies, and remembers the aborts the store could not take (it was down:
 * often the very reason the write failed) so that housekeeping can retry them once it is back. What this process
 * forgets (it crashed or was stopped first) is left to the bucket's {@code AbortIncompleteMultipartUpload} rule.
 */
final class MultipartAborts {

    private static final Logger LOG = Logger.getLogger(MultipartAborts.class.getName());
    /** Beyond this many, an outage is long enough for the lifecycle rule to be the better tool. */
    static final int MAX_REMEMBERED = 10_000;

    private record Abort(String bucket, String key, String uploadId) {}

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final Queue<Abort> outstanding = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    MultipartAborts(S3Client s3, Consumer<AwsRequestOverrideConfiguration.Builder> bounded) {
        this.s3 = s3;
        this.bounded = bounded;
    }

    /** Aborts now, or remembers the abort for {@link #retry()}. */
    void abort(String bucket, String key, String uploadId) {
        Abort abort = new Abort(bucket, key, uploadId);
        if (tryAbort(abort)) {
            return;
        }
        if (size.incrementAndGet() > MAX_REMEMBERED) {
            size.decrementAndGet();
            LOG.log(
                    Level.WARNING,
                    "could not abort a multipart upload in {0} and too many are outstanding; the bucket "
                            + "lifecycle rule (AbortIncompleteMultipartUpload) will remove its parts",
                    bucket);
            return;
        }
        outstanding.add(abort);
        LOG.log(Level.WARNING, "could not abort a multipart upload in {0} (store unreachable); will retry", bucket);
    }

    /** Retries every remembered abort once; returns how many are still outstanding. */
    int retry() {
        for (int n = size.get(); n > 0; n--) {
            Abort abort = outstanding.poll();
            if (abort == null) {
                break;
            }
            if (tryAbort(abort)) {
                size.decrementAndGet();
                LOG.log(
                        Level.INFO,
                        "aborted a multipart upload left open in {0} during a store outage",
                        abort.bucket());
            } else {
                outstanding.add(abort);
            }
        }
        return size.get();
    }

    private boolean tryAbort(Abort abort) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(abort.bucket())
                    .key(abort.key())
                    .uploadId(abort.uploadId())
                    .overrideConfiguration(bounded));
            return true;
        } catch (S3Exception e) {
            // 404 NoSuchUpload: already gone (completed by nobody, aborted by a lifecycle rule): nothing left to do.
            return e.statusCode() == 404;
        } catch (SdkException e) {
            return false;
        }
    }
}
