package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway on an Artemis primary/backup pair (shared store, each broker its own JVM) with a
 * failover URL: the primary is killed while files arrive; the gateway's relay moves to the backup
 * by itself, and every record arrives exactly once, as in a run where nothing failed.
 */
class BrokerFailoverIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path var;

  /** What a run received, before and after the primary was killed. */
  record Received(Map<String, Integer> before, Map<String, Integer> after) {}

  @Test
  void whenThePrimaryDiesTheGatewayPublishesToTheBackupEveryRecordOnce() throws Exception {
    Received clean = run(HaBrokerProcess.Mode.SHARED_STORE, var.resolve("clean"), false, 0);
    assertThat(clean.before()).isNotEmpty();
    assertThat(clean.after()).isNotEmpty();
    Received failover =
        run(HaBrokerProcess.Mode.SHARED_STORE, var.resolve("failover"), true, clean.after().size());
    assertThat(failover.before()).isEqualTo(clean.before());
    assertThat(failover.after())
        .as("records of the files taken in after the primary died: each once, from the backup")
        .isEqualTo(clean.after());
  }

  /**
   * Claims and an 835 on a pair of {@code mode}, then (the primary killed when {@code killPrimary})
   * two more 835s: the records consumed before and after (also {@link BrokerReplicationIT}'s run).
   *
   * @param expectedAfter how many records to wait for after the kill (0: until quiet)
   */
  static Received run(HaBrokerProcess.Mode mode, Path dir, boolean killPrimary, int expectedAfter)
      throws Exception {
    int primaryPort = GatewayHarness.freePort();
    int backupPort = GatewayHarness.freePort();
    boolean shared = mode == HaBrokerProcess.Mode.SHARED_STORE;
    Path primaryDir = dir.resolve(shared ? "brokers/shared" : "brokers/primary");
    Path backupDir = dir.resolve(shared ? "brokers/shared" : "brokers/backup");
    try (HaBrokerProcess primary =
            new HaBrokerProcess(mode, primaryDir, primaryPort, backupPort, true);
        HaBrokerProcess backup =
            new HaBrokerProcess(mode, backupDir, backupPort, primaryPort, false)) {
      primary.start();
      backup.start();
      if (!shared) {
        // until then the backup has not all of the journal, and would not take over
        backup.awaitSynchronized();
      }
      String url = HaBrokerProcess.failoverUrl(primaryPort, backupPort);
      try (GatewayHarness gw =
          GatewayHarness.start(
              dir.resolve("gateway"),
              Map.of("broker.url", url, "intake.redelivery-delay-ms", "100"))) {
        for (String claims :
            List.of(
                "claims-professional-3.837",
                "crlf-line-endings.837",
                "control-character-delimiters.837")) {
          gw.upload("inbound/837", claims, TestFiles.testdata(claims));
          gw.processed("inbound/837", claims);
        }
        gw.upload(
            "inbound/835",
            "denied-co197-no-auth.835",
            TestFiles.testdata("denied-co197-no-auth.835"));
        gw.processed("inbound/835", "denied-co197-no-auth.835");
        Map<String, Integer> before = consume(url, 0);
        if (killPrimary) {
          primary.kill();
        }
        for (String name :
            List.of("every-remittance-segment.835", "control-character-delimiters.835")) {
          gw.upload("inbound/835", name, TestFiles.testdata(name));
          gw.processed("inbound/835", name);
        }
        if (killPrimary) {
          backup.awaitActive();
        }
        assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
        return new Received(before, consume(url, expectedAfter));
      }
    }
  }

  /**
   * Consumes every record queue until {@code expected} records have come (0: until none came for
   * three seconds), then two seconds more: how often each record id arrived.
   */
  private static Map<String, Integer> consume(String url, int expected) throws Exception {
    return RecordDrain.consume(
        url, expected, WAIT, Duration.ofSeconds(expected == 0 ? 3 : 2), new HashMap<>());
  }
}
