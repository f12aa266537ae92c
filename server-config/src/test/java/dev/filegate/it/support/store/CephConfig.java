package dev.filegate.it.support.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of a single-node Ceph cluster for one run: one monitor ({@code mon.a}), one OSD ({@code osd.0})
 * keeping objects in memory (memstore), one RADOS gateway ({@code client.rgw}, the beast frontend), all on loopback,
 * with every file under one folder. No cephx: nothing but this run's processes can reach a loopback cluster that
 * lives for one run, and without keys nothing needs a keyring. Pools of one replica, and few placement groups, fit
 * one OSD.
 */
final class CephConfig {

    /** Where the cluster's files live. */
    final Path dir;

    final int monPort;
    final int rgwPort;

    /** The cluster's id; the monitor map and the OSD's data carry it. */
    final String fsid;

    CephConfig(Path dir, int monPort, int rgwPort, String fsid) {
        this.dir = dir.toAbsolutePath();
        this.monPort = monPort;
        this.rgwPort = rgwPort;
        this.fsid = fsid;
    }

    Path file() {
        return dir.resolve("ceph.conf");
    }

    Path monmap() {
        return dir.resolve("monmap");
    }

    Path log(String name) {
        return dir.resolve("log").resolve(name);
    }

    /** The monitor's address, as the monitor map and {@code mon_host} name it (messenger v2 only). */
    String monAddress() {
        return "v2:127.0.0.1:" + monPort;
    }

    /** The folders the daemons expect to exist. */
    List<Path> folders() {
        return List.of(
                dir.resolve("run"),
                dir.resolve("log"),
                dir.resolve("mon"),
                dir.resolve("osd").resolve("0"));
    }

    String text() {
        return String.join(
                        "\n",
                        "[global]",
                        "fsid = " + fsid,
                        "mon_host = " + monAddress(),
                        "mon_initial_members = a",
                        "public_addr = 127.0.0.1",
                        "cluster_addr = 127.0.0.1",
                        "auth_cluster_required = none",
                        "auth_service_required = none",
                        "auth_client_required = none",
                        // Without cephx the clients must still agree with the monitor on a connection mode.
                        "ms_mon_client_mode = crc secure",
                        "osd_pool_default_size = 1",
                        "osd_pool_default_min_size = 1",
                        "osd_pool_default_pg_num = 8",
                        "osd_pool_default_pgp_num = 8",
                        "mon_allow_pool_size_one = true",
                        "mon_max_pg_per_osd = 1000",
                        "paxos_propose_interval = 0.05",
                        "run_dir = " + dir.resolve("run"),
                        "pid_file = " + dir.resolve("run") + "/$name.pid",
                        "log_file = " + dir.resolve("log") + "/$name.log",
                        // No admin sockets: a Unix socket path under a deep build folder can exceed 107 bytes.
                        "admin_socket =",
                        "[mon]",
                        "mon_data = " + dir.resolve("mon") + "/$name",
                        "[osd]",
                        "osd_data = " + dir.resolve("osd") + "/$id",
                        "osd_objectstore = memstore",
                        // What memstore reports as its size (it holds the objects in memory, far less than this).
                        "memstore_device_bytes = 17179869184",
                        "[client.rgw]",
                        "rgw_frontends = beast endpoint=127.0.0.1:" + rgwPort,
                        "rgw_data = " + dir.resolve("rgw"),
                        // Deleted objects' data goes after a minute, not after two hours: memstore keeps it in memory.
                        "rgw_gc_obj_min_wait = 60",
                        "rgw_gc_processor_period = 60")
                + "\n";
    }
}
