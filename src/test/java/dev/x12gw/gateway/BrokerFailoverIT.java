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
  private record Received(Map<String, Integer> before, Map<String, Integer> after) {}

  @Test
  void whenThePrimaryDiesTheGatewayPublishesToTheBackupEveryRecordOnce() throws Exception {
    Received clean = run(var.resolve("clean"), false, 0);
    assertThat(clean.before()).isNotEmpty();
    assertThat(clean.after()).isNotEmpty();
    Received failover = run(var.resolve("failover"), true, clean.after().size());
    assertThat(failover.before()).isEqualTo(clean.before());
    assertThat(failover.after())
        .as("records of the files taken in after the primary died: each once, from the backup")
        .isEqualTo(clean.after());
  }

  private Received run(Path dir, boolean killPrimary, int expectedAfter) throws Exception {
    int primaryPort = GatewayHarness.freePort();
    int backupPort = GatewayHarness.freePort();
    Path shared = dir.resolve("brokers/shared");
    try (HaBrokerProcess primary = new HaBrokerProcess(shared, primaryPort, backupPort, true);
        HaBrokerProcess backup = new HaBrokerProcess(shared, backupPort, primaryPort, false)) {
      primary.start();
      backup.start();
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
