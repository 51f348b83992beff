package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.store.PostgresServer;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway end to end on PostgreSQL ({@code db.url=jdbc:postgresql://...}): a new, empty
 * database that a plain login role owns is migrated at start, files uploaded over SFTP are stored
 * there, and their records are relayed through Artemis; a quarantined transaction set leaves
 * nothing behind (a savepoint rolled back after an error, which PostgreSQL needs to go on with the
 * transaction); a restart on the migrated database and a file sent again yield no new record.
 */
class GatewayPostgresIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OWNER = "x12gw_it";

  @TempDir Path var;
  private String url;
  private GatewayHarness gw;

  @BeforeEach
  void start() throws Exception {
    url = PostgresServer.get().newEmptyDatabase(OWNER);
    gw = startGateway();
  }

  private GatewayHarness startGateway() throws Exception {
    return GatewayHarness.start(var, Map.of("db.url", url, "db.user", OWNER, "db.password", ""));
  }

  @AfterEach
  void stop() throws Exception {
    if (gw != null) {
      gw.close();
    }
  }

  @Test
  void claimsAndRemittancesAreStoredInPostgresqlAndTheirRecordsPublished() throws Exception {
    uploadAndWait("receive-claims", "inbound/837", "claims.837", "claims-professional-3.837");
    uploadAndWait("receive-remittances", "inbound/835", "remit.835", "denied-co197-no-auth.835");

    List<GatewayHarness.Received> denials = receive("x12.denials", 2);
    assertThat(denials)
        .extracting(r -> r.text("patientControlNumber"))
        .containsExactly("PCN1001", "PCN1003");
    assertThat(denials.get(0).body().get("claimMatched").asBoolean()).isTrue();
    assertThat(receive("x12.remits.unmatched", 1).get(0).text("patientControlNumber"))
        .isEqualTo("PCN1003");
    assertThat(Files.readString(gw.acknowledgment("claims.837.999"))).contains("AK9*A*1*1*1~");

    assertThat(
            rows(
                "select payer_id, denial_family, category, findings, amount from"
                    + " payer_intelligence order by denial_family"))
        .containsExactly(
            "87726|AUTHORIZATION|DENIAL|1|250.0000", "87726|ELIGIBILITY|DENIAL|1|95.0000");
    assertThat(
            rows(
                "select p.patient_control_number, c.patient_control_number from claim_payment p"
                    + " left join claim c on c.id = p.claim_id order by p.id"))
        .containsExactly("PCN1001|PCN1001", "PCN1002|PCN1002", "PCN1003|null");
    assertThat(rows("select file_name, outcome from intake_file order by id"))
        .containsExactly("claims.837|PROCESSED", "remit.835|PROCESSED");
    assertThat(rows("select count(*) from outbox where published_at is null")).containsExactly("0");

    // restarted on the migrated database: the same file again is known, nothing new is published
    gw.close();
    gw = null;
    gw = startGateway();
    uploadAndWait("receive-remittances", "inbound/835", "again.835", "denied-co197-no-auth.835");
    assertThat(gw.whenDone("publish-records", 3).matches(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isTrue();
    assertThat(gw.receiveNow("x12.denials")).isNull();
    assertThat(gw.receiveNow("x12.remits.unmatched")).isNull();
    assertThat(rows("select count(*) from claim_payment")).containsExactly("3");
  }

  @Test
  void aTransactionQuarantinedAfterSomeClaimsLeavesNothingOfThemBehind() throws Exception {
    uploadAndWait(
        "receive-remittances", "inbound/835", "late.835", "bad-amount-late-in-transaction.835");
    assertThat(receive("x12.denials", 1).get(0).text("patientControlNumber")).isEqualTo("PCN8004");
    assertThat(receive("x12.errors", 1).get(0).text("transactionControlNumber")).isEqualTo("8001");
    assertThat(rows("select patient_control_number from claim_payment order by id"))
        .containsExactly("PCN8004");
  }

  private void uploadAndWait(String route, String folder, String name, String fixture)
      throws Exception {
    NotifyBuilder done = gw.whenDone(route, 1);
    gw.upload(folder, name, TestFiles.testdata(fixture));
    assertThat(done.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s taken in", name).isTrue();
  }

  private List<GatewayHarness.Received> receive(String queue, int count) throws Exception {
    List<GatewayHarness.Received> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GatewayHarness.Received r = gw.receive(queue, WAIT);
      assertThat(r).as("record %d of %d on %s", i + 1, count, queue).isNotNull();
      out.add(r);
    }
    return out;
  }

  /** The rows of a query, columns joined with {@code |}. */
  private List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, OWNER, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cols.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", cols));
      }
    }
    return out;
  }
}
