package dev.filegate.storage.s3;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.MultipartUploads.MultipartRefused;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.storage.StoreUnavailable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The adapter's one translation of SDK failures into the domain's terms. A store's 4xx answer other than 403 is about
 * the request, which the client shaped: {@link PolicyViolation} {@code INVALID_REQUEST} (a 400, never a fake
 * outage). Anything else (403, the store refusing the service's own credentials; 5xx; no answer at all) is
 * {@link StoreUnavailable} (503), described by status and error code or by the root cause's class name, never by a
 * message that could carry a credential or a signed URL.
 *
 * <p>Which failures mean "nothing there" differs per call and is its caller's to pick ({@link #notFound},
 * {@link #bucketMissing}, {@link #noSuchBucket}, {@link #noSuchUpload}); whether a write failed because of the
 * client's body is {@link ClientBody}'s to tell. A refused multipart completion is the one 4xx that is not an
 * invalid request but a {@link MultipartRefused} ({@link #translateCompletion}): the client sent the parts.
 */
final class S3Errors {

    private static final Logger LOG = Logger.getLogger(S3Errors.class.getName());

    /** What a client is told when the parts of a completion are out of order or repeated (S3: InvalidPartOrder). */
    static final String PARTS_OUT_OF_ORDER = "the parts are not listed in ascending part-number order";

    /** What a client is told when the upload to complete is not (or no longer) open (S3: NoSuchUpload). */
    static final String NO_SUCH_UPLOAD = "there is no such multipart upload (completed, aborted or never started)";

    private S3Errors() {}

    /** Runs one store call, translating its failure. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    /** Runs one store call; answers {@code absent} for a failure {@code isAbsent} accepts, translates any other. */
    static <T> T call(String what, Supplier<T> call, Predicate<SdkException> isAbsent, Supplier<T> absent) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (isAbsent.test(e)) {
                return absent.get();
            }
            throw translate(what, e);
        }
    }

    /** No such key, no such bucket, or any other 404: no object there. */
    static boolean notFound(SdkException e) {
        return e instanceof NoSuchKeyException || e instanceof NoSuchBucketException || status(e) == 404;
    }

    /** No such bucket, or a 404 to a bucket call (HEAD answers carry no error code). */
    static boolean bucketMissing(SdkException e) {
        return e instanceof NoSuchBucketException || status(e) == 404;
    }

    /** Exactly the store's NoSuchBucket error. */
    static boolean noSuchBucket(SdkException e) {
        return e instanceof NoSuchBucketException;
    }

    /**
     * No such multipart upload (completed, aborted, expired or never started), or no such bucket to hold one. AWS
     * answers NoSuchUpload with 404; the SDK models it only for some operations, so the code is checked too.
     */
    static boolean noSuchUpload(SdkException e) {
        return e instanceof NoSuchUploadException
                || e instanceof NoSuchBucketException
                || "NoSuchUpload".equals(errorCode(e))
                || status(e) == 404;
    }

    /**
     * A failed CompleteMultipartUpload: the store's refusal of the parts (or of the upload id) is a {@link
     * MultipartRefused} whose message a client may see (it names the rule, never the store's own text); anything else
     * is translated as usual (a 403 or 5xx is the store's failure, not the client's parts).
     */
    static RuntimeException translateCompletion(SdkException e) {
        if (!(e instanceof S3Exception s3e)
                || s3e.statusCode() < 400
                || s3e.statusCode() >= 500
                || s3e.statusCode() == 403) {
            return translate("completing a multipart upload", e);
        }
        String code = errorCode(e);
        LOG.log(Level.FINE, "store refused to complete a multipart upload: HTTP {0} {1}", new Object[] {
            s3e.statusCode(), code
        });
        return new MultipartRefused(
                switch (code == null ? "" : code) {
                    case "InvalidPart" -> "a part is missing or its entity tag is not the one the store reported";
                    case "InvalidPartOrder" -> "the parts are not listed in ascending part-number order";
                    case "EntityTooSmall" -> "a part other than the last is smaller than 5 MiB";
                    case "NoSuchUpload" -> "there is no such multipart upload (completed, aborted or never started)";
                    default ->
                        noSuchUpload(e)
                                ? "there is no such multipart upload (completed, aborted or never started)"
                                : "the store refused the parts as listed";
                });
    }

    /** The store's error code, or {@code null} when it sent none (HEAD answers, no answer at all). */
    static String errorCode(SdkException e) {
        return e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? s3e.awsErrorDetails().errorCode()
                : null;
    }

    /** Creating a bucket the service already owns (a concurrent or earlier creation): done, not a failure. */
    static boolean alreadyOwned(S3Exception e) {
        return "BucketAlreadyOwnedByYou".equals(errorCode(e));
    }

    /** The HTTP status of the store's answer; 0 when the store did not answer. */
    static int status(SdkException e) {
        return e instanceof S3Exception s3e ? s3e.statusCode() : 0;
    }

    /**
     * A store failure as the domain sees it. A store's 4xx answer (other than 403, its refusal of the service's own
     * credentials) is about the request, which the client shaped: a 400, never a fake outage.
     */
    static RuntimeException translate(String what, RuntimeException e) {
        if (e instanceof S3Exception s3e
                && s3e.statusCode() >= 400
                && s3e.statusCode() < 500
                && s3e.statusCode() != 403) {
            LOG.log(Level.FINE, "store refused a request while {0}: HTTP {1}", new Object[] {what, s3e.statusCode()});
            return new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "the store refused this request as invalid");
        }
        return unavailable(what, e);
    }

    private static StoreUnavailable unavailable(String what, RuntimeException e) {
        String detail = e instanceof S3Exception s3e
                ? "HTTP " + s3e.statusCode()
                        + (s3e.awsErrorDetails() != null
                                ? " " + s3e.awsErrorDetails().errorCode()
                                : "")
                : rootCause(e).getClass().getSimpleName();
        LOG.log(Level.WARNING, "store failure while {0}: {1}", new Object[] {what, detail});
        return new StoreUnavailable("the store failed while " + what + " (" + detail + ")", null);
    }

    /** What a failed HEAD of {@code bucket} says of the store: a missing bucket still proves it reachable. */
    static StoreHealth health(String bucket, SdkException e) {
        if (bucketMissing(e)) {
            return new StoreHealth(true, "store reachable, bucket " + bucket + " absent");
        }
        if (e instanceof S3Exception s3e) {
            return new StoreHealth(
                    false,
                    "store answered HTTP " + s3e.statusCode()
                            + (s3e.statusCode() == 403 ? " (credentials refused)" : ""));
        }
        return new StoreHealth(
                false, "store unreachable: " + rootCause(e).getClass().getSimpleName());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
