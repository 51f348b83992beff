package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BrokerFailoverIT} on an Artemis replication pair: primary and backup each in its own JVM
 * with its own journal, the backup synchronized with the primary over the network before files
 * arrive. The primary is killed ({@code kill -9}) while files arrive; the backup activates (a
 * single pair: no quorum to ask, see {@link HaBrokerProcess}), the gateway's relay moves to it by
 * itself, and every record arrives exactly once, as in a run where nothing failed.
 */
class BrokerReplicationIT {
  @TempDir Path var;

  @Test
  void whenTheReplicatingPrimaryDiesTheGatewayPublishesToTheBackupEveryRecordOnce()
      throws Exception {
    HaBrokerProcess.Mode mode = HaBrokerProcess.Mode.REPLICATION;
    BrokerFailoverIT.Received clean = BrokerFailoverIT.run(mode, var.resolve("clean"), false, 0);
    assertThat(clean.before()).isNotEmpty();
    assertThat(clean.after()).isNotEmpty();
    BrokerFailoverIT.Received failover =
        BrokerFailoverIT.run(mode, var.resolve("failover"), true, clean.after().size());
    assertThat(failover.before()).isEqualTo(clean.before());
    assertThat(failover.after())
        .as("records of the files taken in after the primary died: each once, from the backup")
        .isEqualTo(clean.after());
    assertThat(clean.after().values()).containsOnly(1);
  }
}
