package dev.filegate.it.support.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.ServerConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The clean-up an external run does at its end, on the run's real store (no server needed): it removes the run's
 * buckets with everything in them, open multipart uploads too (and, on S3Proxy, the directories a dead PUT leaves),
 * and leaves every other bucket as it was, including another run's with the same configured prefix.
 */
@ExtendWith(ItEnvironment.class)
class RunBucketsIT {

    @Test
    void theRunsBucketsGoWithTheirObjectsAndUploadsAndNoOtherBucketIsTouched() throws IOException {
        String mine = "fgit-aaaa0001-";
        try (S3Client s3 = StoreTargets.client(ItEnvironment.env().store)) {
            for (String bucket : List.of(mine + "filegate-it", mine + "it-tenant-acme", "fgit-bbbb0002-filegate-it")) {
                s3.createBucket(b -> b.bucket(bucket));
                for (int i = 0; i < 3; i++) {
                    String key = "orgs/acme/files/2026/12/" + i + ".txt";
                    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("kept?"));
                }
                s3.createMultipartUpload(b -> b.bucket(bucket).key("incoming/orgs/acme/big.bin"));
            }

            if (ItEnvironment.env().store.name().equals(S3ProxyTarget.NAME)) {
                // What a PUT that died mid-way leaves in S3Proxy's filesystem backend: directories, no object.
                Files.createDirectories(Path.of(ItProperties.required("it.dir"))
                        .resolve("s3data-" + ServerConfiguration.current().id())
                        .resolve(mine + "filegate-it/orgs/died/files/2026/12"));
            }

            List<String> left = RunBuckets.of(s3, mine).removeAll();

            assertEquals(List.of(), left);
            List<String> buckets =
                    s3.listBuckets().buckets().stream().map(Bucket::name).toList();
            assertTrue(buckets.stream().noneMatch(n -> n.startsWith(mine)), buckets.toString());
            assertTrue(buckets.contains("fgit-bbbb0002-filegate-it"), "another run's bucket stays: " + buckets);
            assertEquals(
                    3,
                    s3.listObjectsV2(b -> b.bucket("fgit-bbbb0002-filegate-it")).keyCount(),
                    "with all its objects");
            RunBuckets.of(s3, "fgit-bbbb0002-").removeAll();
        }
    }
}
