package dev.filegate.it.support.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The buckets one run made on a store others share, known by their name's run prefix: at the end, each is emptied
 * (its multipart uploads aborted, its objects deleted) and deleted. Buckets of other runs and other users, even with
 * the same configured prefix, are not touched.
 */
final class RunBuckets {

    private final S3Client s3;
    private final String runPrefix;

    private RunBuckets(S3Client s3, String runPrefix) {
        this.s3 = s3;
        this.runPrefix = runPrefix;
    }

    static RunBuckets open(StoreTarget target, String runPrefix) {
        return new RunBuckets(StoreTargets.client(target), runPrefix);
    }

    /** For a test: the same clean-up through a client of its own. */
    static RunBuckets of(S3Client s3, String runPrefix) {
        return new RunBuckets(s3, runPrefix);
    }

    /** The run's buckets still on the store. */
    List<String> remaining() {
        return s3.listBuckets().buckets().stream()
                .map(Bucket::name)
                .filter(n -> n.startsWith(runPrefix))
                .toList();
    }

    /**
     * Removes the run's buckets; what cannot be removed is reported, one line each, and left.
     *
     * @return the lines that say what was not removed (empty when everything was)
     */
    List<String> removeAll() {
        List<String> left = new ArrayList<>();
        List<String> mine;
        try {
            mine = remaining();
        } catch (SdkException e) {
            left.add("[it] could not list the store's buckets to remove this run's (" + runPrefix + "*): " + e);
            left.forEach(System.err::println);
            return left;
        }
        for (String bucket : mine) {
            try {
                empty(bucket);
                s3.deleteBucket(b -> b.bucket(bucket));
            } catch (SdkException e) {
                left.add("[it] could not remove the run's bucket " + bucket + ": " + e.getMessage());
            }
        }
        System.err.println("[it] removed " + (mine.size() - left.size()) + " of the run's " + mine.size() + " buckets ("
                + runPrefix + "*) from the store");
        left.forEach(System.err::println);
        return left;
    }

    private void empty(String bucket) {
        for (MultipartUpload u :
                s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
        }
        // One DELETE per object: batch deletes need Content-MD5 or a checksum that not every store takes.
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
        }
        removeDirectories(bucket, "");
    }

    /**
     * S3Proxy's filesystem backend keeps the directories of a PUT that died mid-way: no object, yet the bucket is
     * "not empty". It lists them as common prefixes and removes one on a DELETE of its key (with the slash). A store
     * without directories lists no common prefix in an empty bucket, so this does nothing there.
     */
    private void removeDirectories(String bucket, String prefix) {
        for (CommonPrefix p : s3.listObjectsV2Paginator(
                        b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes()) {
            removeDirectories(bucket, p.prefix());
            s3.deleteObject(b -> b.bucket(bucket).key(p.prefix()));
        }
    }
}
