package dev.filegate.it.support.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ceph target's wiring, without starting a cluster (the suites with {@code -Dit.store=ceph} do that): what the
 * configuration says, what the target hands the suites and the server, and when the suites are skipped.
 */
class CephTargetTest {

    @TempDir
    Path dir;

    @Test
    void theClusterIsOneMonitorOneInMemoryOsdAndAGatewayOnLoopbackWithoutCephxAndItsFilesInItsFolder() {
        CephConfig config = new CephConfig(dir, 40001, 40002, "00000000-0000-4000-8000-000000000001");
        List<String> lines = config.text().lines().toList();

        assertTrue(lines.contains("mon_host = v2:127.0.0.1:40001"), config.text());
        assertTrue(lines.contains("rgw_frontends = beast endpoint=127.0.0.1:40002"), config.text());
        assertTrue(lines.contains("fsid = 00000000-0000-4000-8000-000000000001"), config.text());
        for (String auth : List.of("auth_cluster_required", "auth_service_required", "auth_client_required")) {
            assertTrue(lines.contains(auth + " = none"), auth);
        }
        assertTrue(lines.contains("osd_objectstore = memstore"), config.text());
        assertTrue(lines.contains("osd_pool_default_size = 1"), config.text());
        lines.stream()
                .filter(l -> l.matches("(run_dir|pid_file|log_file|mon_data|osd_data|rgw_data) = .*"))
                .forEach(l -> assertTrue(l.contains(" = " + dir.toAbsolutePath() + "/"), l));
        assertEquals(
                6,
                lines.stream()
                        .filter(l -> l.contains(dir.toAbsolutePath().toString()))
                        .count());
        assertTrue(config.folders().stream().allMatch(f -> f.startsWith(dir.toAbsolutePath())));
    }

    @Test
    void theTargetIsTheGatewaysPortUnderBothLoopbackNamesWithTheRunsCredentialsPathStyleAndBucketCors() {
        CephTarget target = new CephTarget(null, 40002, "it-user", "it-secret");

        assertEquals(URI.create("http://127.0.0.1:40002"), target.endpoint());
        assertEquals(Optional.of(URI.create("http://localhost:40002")), target.otherName());
        assertEquals("us-east-1", target.region(), "a region for which bucket creation names no location");
        assertEquals("it-user", target.accessKey());
        assertEquals("it-secret", target.secretKey());
        assertTrue(target.pathStyle());
        assertTrue(target.takesBucketCors(), "the gateway keeps CORS per bucket: the service puts its rule");
        assertEquals("filegate-it", target.bucket(StoreTarget.SHARED_BUCKET), "a fresh cluster: no run prefix");
        assertFalse(target.answersFormUploadsWithETag(), "a form upload's answer has no ETag header");
        target.close(); // no cluster: nothing to stop
    }

    @Test
    void withoutTheCephBinariesTheSuitesAreSkippedWithOneReasonNamingTheMissingOnesAndThePackages() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        assertEquals(CephCluster.BINARIES, CephCluster.missing(List.of(bin)));
        for (String b : CephCluster.BINARIES.subList(0, 2)) {
            Files.createFile(
                    bin.resolve(b), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        Files.createFile(bin.resolve("radosgw")); // not executable: not there
        assertEquals(CephCluster.BINARIES.subList(2, CephCluster.BINARIES.size()), CephCluster.missing(List.of(bin)));

        Optional<String> reason = StoreTargets.unavailable(CephTarget.NAME, false);
        if (CephCluster.missing(System.getenv("PATH")).isEmpty()) {
            assertEquals(Optional.empty(), reason);
        } else {
            assertTrue(reason.orElseThrow().contains("are not installed"), reason.orElseThrow());
            assertTrue(reason.orElseThrow().contains("apt-get install radosgw ceph-mon ceph-osd ceph-common"));
        }
    }
}
