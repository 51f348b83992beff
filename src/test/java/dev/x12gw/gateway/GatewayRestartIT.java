package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping and starting the gateway loses nothing, reprocesses nothing, publishes nothing twice.
 */
class GatewayRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path var;

  private static void uploadAndWait(
      GatewayHarness gw, String route, String folder, String name, String fixture)
      throws Exception {
    NotifyBuilder done = gw.whenDone(route, 1);
    gw.upload(folder, name, TestFiles.testdata(fixture));
    assertThat(done.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  private static List<String> receiveAll(GatewayHarness gw, String queue, int count)
      throws Exception {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GatewayHarness.Received r = gw.receive(queue, WAIT);
      assertThat(r).as("record %d of %d on %s", i + 1, count, queue).isNotNull();
      out.add(r.text("patientControlNumber"));
    }
    return out;
  }

  /** Waits until the outbox is empty and the relay has run again. */
  private void relayIdle(GatewayHarness gw) throws Exception {
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> count("select count(*) from outbox where published_at is null") == 0);
    assertThat(gw.whenDone("publish-records", 2).matches(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isTrue();
  }

  private long count(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + var.resolve("db/gateway"), "x12gw", "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c =
        DriverManager.getConnection("jdbc:h2:file:" + var.resolve("db/gateway"), "x12gw", "")) {
      c.createStatement().executeUpdate(sql);
    }
  }

  @Test
  void recordsQueuedBeforeAStopArePublishedAfterTheRestartAndNothingIsReprocessed()
      throws Exception {
    // First run: the relay is held back, as if the process died right after taking files in.
    try (GatewayHarness gw =
        GatewayHarness.start(var, Map.of("outbox.poll-interval-ms", "3600000"))) {
      uploadAndWait(gw, "receive-claims", "inbound/837", "claims.837", "claims-professional-3.837");
      uploadAndWait(
          gw, "receive-remittances", "inbound/835", "remit.835", "denied-co197-no-auth.835");
      assertThat(gw.processed("inbound/835", "remit.835")).exists();
      assertThat(gw.receiveNow("x12.denials")).isNull();
    }
    assertThat(count("select count(*) from outbox where published_at is null")).isEqualTo(3);

    // Second run on the same state: the queued records go out, the files are not read again.
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      assertThat(receiveAll(gw, "x12.denials", 2)).containsExactly("PCN1001", "PCN1003");
      assertThat(receiveAll(gw, "x12.remits.unmatched", 1)).containsExactly("PCN1003");

      uploadAndWait(
          gw, "receive-remittances", "inbound/835", "remit-again.835", "denied-co197-no-auth.835");
      relayIdle(gw);
      assertThat(gw.receiveNow("x12.denials")).isNull();
      assertThat(count("select count(*) from intake_file")).isEqualTo(2);
      assertThat(count("select count(*) from claim_payment")).isEqualTo(3);
      assertThat(count("select count(*) from outbox where published_at is null")).isZero();
    }
  }

  @Test
  void aBatchSentAgainAfterACrashIsDroppedByTheBroker() throws Exception {
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      uploadAndWait(
          gw, "receive-remittances", "inbound/835", "remit.835", "denied-co197-no-auth.835");
      assertThat(receiveAll(gw, "x12.denials", 2)).containsExactly("PCN1001", "PCN1003");
      receiveAll(gw, "x12.remits.unmatched", 3);
    }
    // A crash between the JMS commit and the outbox update leaves records marked unpublished.
    execute("update outbox set published_at = null");
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      relayIdle(gw);
      assertThat(count("select count(*) from outbox where published_at is null")).isZero();
      assertThat(gw.receiveNow("x12.denials")).isNull();
      assertThat(gw.receiveNow("x12.remits.unmatched")).isNull();
    }
  }

  @Test
  void aRemitAfterARestartMatchesAClaimTakenInBeforeIt() throws Exception {
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      uploadAndWait(gw, "receive-claims", "inbound/837", "claims.837", "claims-professional-3.837");
    }
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      uploadAndWait(
          gw, "receive-remittances", "inbound/835", "remit.835", "denied-co197-no-auth.835");
      GatewayHarness.Received denial = gw.receive("x12.denials", WAIT);
      assertThat(denial.text("patientControlNumber")).isEqualTo("PCN1001");
      assertThat(denial.body().get("claimMatched").asBoolean()).isTrue();
    }
  }
}
