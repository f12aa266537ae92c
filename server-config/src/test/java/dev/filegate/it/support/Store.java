package dev.filegate.it.support;

import dev.filegate.it.support.store.StoreTargets;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Direct access to the store behind the service, to check what really landed there. */
public final class Store implements AutoCloseable {

    private final S3Client s3 = StoreTargets.client(ItEnvironment.env().store);

    /** Every key under {@code orgs/{org}/} in the org's bucket: the files the service validated. */
    public List<String> keys(String org) {
        return keysUnder(org, "orgs/" + org + "/");
    }

    /** Keys a client uploaded to that the service has not (yet) validated: {@code incoming/orgs/{org}/...}. */
    public List<String> incomingKeys(String org) {
        return keysUnder(org, "incoming/orgs/" + org + "/");
    }

    /** The service's ledger entries of the org's direct uploads not yet completed or swept. */
    public List<String> pendingKeys(String org) {
        return keysUnder(org, "pending/orgs/" + org + "/");
    }

    private List<String> keysUnder(String org, String prefix) {
        try {
            return s3
                    .listObjectsV2Paginator(
                            b -> b.bucket(ItProperties.bucketFor(org)).prefix(prefix))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .toList();
        } catch (NoSuchBucketException e) {
            return List.of();
        }
    }

    /** Multipart uploads still open in the org's bucket. */
    public int openMultipartUploads(String org) {
        try {
            return s3.listMultipartUploads(b -> b.bucket(ItProperties.bucketFor(org)))
                    .uploads()
                    .size();
        } catch (NoSuchBucketException e) {
            return 0;
        }
    }

    /** Multipart uploads still open under {@code prefix} in the org's bucket (all pages). */
    public int openMultipartUploads(String org, String prefix) {
        try {
            return (int)
                    s3
                            .listMultipartUploadsPaginator(
                                    b -> b.bucket(ItProperties.bucketFor(org)).prefix(prefix))
                            .uploads()
                            .stream()
                            .count();
        } catch (NoSuchBucketException e) {
            return 0;
        }
    }

    public S3Client client() {
        return s3;
    }

    @Override
    public void close() {
        s3.close();
    }
}
