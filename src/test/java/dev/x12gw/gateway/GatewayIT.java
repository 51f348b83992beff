package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
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
 * The gateway end to end on its embedded defaults: files uploaded over SFTP to its own drop, polled
 * by its YAML routes, read with Smooks, stored in H2, published through Artemis and consumed over
 * TCP like a billing system would.
 */
class GatewayIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String DROP_835 = "inbound/835";
  private static final String DROP_837 = "inbound/837";

  @TempDir java.nio.file.Path var;
  private GatewayHarness gw;

  @BeforeEach
  void start() throws Exception {
    gw = GatewayHarness.start(var, Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
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

  /** Waits until the relay has run {@code ticks} more times: whatever was queued is sent. */
  private void relayIdle(int ticks) {
    assertThat(gw.whenDone("publish-records", ticks).matches(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isTrue();
  }

  @Test
  void claimsThenRemittanceBecomeDenialAndUnmatchedRecordsOnTheirQueues() throws Exception {
    uploadAndWait("receive-claims", DROP_837, "claims.837", "claims-professional-3.837");
    uploadAndWait("receive-remittances", DROP_835, "remit.835", "denied-co197-no-auth.835");

    List<GatewayHarness.Received> denials = receive("x12.denials", 2);
    GatewayHarness.Received d = denials.get(0);
    assertThat(d.recordType()).isEqualTo("CLAIM_DENIAL");
    assertThat(d.payerId()).isEqualTo("87726");
    assertThat(d.recordId()).isEqualTo(d.text("recordId"));
    assertThat(d.text("patientControlNumber")).isEqualTo("PCN1001");
    assertThat(d.text("payerClaimControlNumber")).isEqualTo("ACME26110001");
    assertThat(d.body().get("lineControlNumber").isNull()).isTrue();
    assertThat(d.body().at("/payer/name").asText()).isEqualTo("ACME HEALTH PLAN");
    assertThat(d.body().at("/provider/npi").asText()).isEqualTo("1234567893");
    assertThat(d.text("serviceDate")).isEqualTo("2026-10-15");
    assertThat(d.body().at("/remittance/traceNumber").asText()).isEqualTo("EFT20261120001");
    assertThat(d.body().at("/remittance/paymentDate").asText()).isEqualTo("2026-11-20");
    assertThat(d.body().at("/remittance/fileName").asText()).isEqualTo("remit.835");
    assertThat(d.body().at("/remittance/interchangeControlNumber").asText()).isEqualTo("000000201");
    assertThat(d.body().get("billedAmount").decimalValue()).isEqualByComparingTo("250.00");
    assertThat(d.body().get("paidAmount").decimalValue()).isEqualByComparingTo("0");
    assertThat(d.body().get("adjustments")).hasSize(2);
    assertThat(d.body().at("/adjustments/0/reason").asText()).isEqualTo("197");
    assertThat(d.body().at("/adjustments/0/level").asText()).isEqualTo("LINE");
    assertThat(d.body().at("/remarkCodes/0").asText()).isEqualTo("M62");
    assertThat(d.body().get("claimMatched").asBoolean()).isTrue();
    assertThat(d.body().at("/classification/denialFamily").asText()).isEqualTo("AUTHORIZATION");
    assertThat(d.body().at("/classification/ruleId").asText()).isEqualTo("AUTH-NEVER-SENT");
    assertThat(d.body().at("/classification/recoveryPathway").asText())
        .isEqualTo("CORRECT_AND_RESUBMIT");
    assertThat(d.body().at("/classification/appealDeadline").asText()).isEqualTo("2027-05-19");
    assertThat(d.body().get("codeWarnings")).isEmpty();
    assertThat(denials.get(1).text("patientControlNumber")).isEqualTo("PCN1003");
    assertThat(denials.get(1).body().get("claimMatched").asBoolean()).isFalse();
    assertThat(denials.get(1).body().at("/classification/ruleId").asText()).isEqualTo("CARC-31");
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + var.resolve("db/gateway"), "x12gw", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select payer_id, denial_family, category, findings, amount"
                        + " from payer_intelligence order by denial_family")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getLong(4)
                + "|"
                + rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
      }
      assertThat(rows)
          .containsExactly("87726|AUTHORIZATION|DENIAL|1|250", "87726|ELIGIBILITY|DENIAL|1|95");
    }

    GatewayHarness.Received unmatched = receive("x12.remits.unmatched", 1).get(0);
    assertThat(unmatched.recordType()).isEqualTo("UNMATCHED_REMIT");
    assertThat(unmatched.text("patientControlNumber")).isEqualTo("PCN1003");

    assertThat(gw.processed(DROP_837, "claims.837")).exists();
    assertThat(gw.processed(DROP_835, "remit.835")).exists();
    Path ack = gw.acknowledgment("claims.837.999");
    assertThat(Files.readString(ack))
        .startsWith("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*GOODHEALTH     *")
        .contains("AK1*HC*101*005010X222A1~")
        .contains("AK2*837*0001*005010X222A1~\nIK5*A~")
        .contains("AK9*A*1*1*1~");
    assertThat(ack.resolveSibling("remit.835.999"))
        .as("payers' 835s are not acknowledged")
        .doesNotExist();
    relayIdle(3);
    assertThat(gw.receiveNow("x12.denials")).isNull();
    assertThat(gw.receiveNow("x12.errors")).isNull();
  }

  @Test
  void theSameFileUploadedAgainYieldsNoNewRecord() throws Exception {
    uploadAndWait("receive-remittances", DROP_835, "remit.835", "denied-co197-no-auth.835");
    receive("x12.denials", 2);
    receive("x12.remits.unmatched", 3);

    uploadAndWait("receive-remittances", DROP_835, "remit-resent.835", "denied-co197-no-auth.835");
    relayIdle(3);
    assertThat(gw.receiveNow("x12.denials")).isNull();
    assertThat(gw.receiveNow("x12.remits.unmatched")).isNull();
    assertThat(gw.processed(DROP_835, "remit-resent.835")).as("duplicates are moved away").exists();
  }

  @Test
  void aMalformedFileGoesToErrorWhileAGoodFileInTheSamePollIsProcessed() throws Exception {
    gw.camel().getRouteController().stopRoute("receive-remittances");
    gw.upload(DROP_835, "a-garbage.835", TestFiles.testdata("not-x12.txt"));
    gw.upload(DROP_835, "b-remit.835", TestFiles.testdata("denied-co197-no-auth.835"));
    NotifyBuilder both = gw.whenDone("receive-remittances", 2);
    gw.camel().getRouteController().startRoute("receive-remittances");
    assertThat(both.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(gw.quarantined(DROP_835, "a-garbage.835")).exists();
    assertThat(gw.processed(DROP_835, "b-remit.835")).exists();
    GatewayHarness.Received error = receive("x12.errors", 1).get(0);
    assertThat(error.recordType()).isEqualTo("INTAKE_ERROR");
    assertThat(error.text("fileName")).isEqualTo("a-garbage.835");
    assertThat(error.text("code")).isEqualTo("NOT_X12");
    assertThat(error.text("disposition")).isEqualTo("FILE_QUARANTINED");
    assertThat(error.text("message")).contains("expected 'ISA'");
    assertThat(receive("x12.denials", 2))
        .extracting(r -> r.text("patientControlNumber"))
        .containsExactly("PCN1001", "PCN1003");
  }

  @Test
  void aBadTransactionIsQuarantinedAloneAndTheFileGoesToError() throws Exception {
    uploadAndWait(
        "receive-remittances",
        DROP_835,
        "partial.835",
        "bad-amount-one-transaction-quarantined.835");
    assertThat(gw.quarantined(DROP_835, "partial.835")).exists();
    GatewayHarness.Received error = receive("x12.errors", 1).get(0);
    assertThat(error.text("code")).isEqualTo("INVALID_NUMBER");
    assertThat(error.text("disposition")).isEqualTo("TRANSACTION_QUARANTINED");
    assertThat(error.text("interchangeControlNumber")).isEqualTo("000000251");
    assertThat(error.text("groupControlNumber")).isEqualTo("251");
    assertThat(error.text("transactionControlNumber")).isEqualTo("5001");
    assertThat(error.body().get("segmentPosition").asInt()).isEqualTo(8);
    assertThat(error.text("segmentId")).isEqualTo("CLP");
    assertThat(error.body().get("elementPosition").asInt()).isEqualTo(3);
    assertThat(receive("x12.denials", 1).get(0).text("patientControlNumber")).isEqualTo("PCN5002");
  }

  @Test
  void aRemitThatArrivesBeforeItsClaimIsMatchedWhenTheClaimArrives() throws Exception {
    uploadAndWait("receive-remittances", DROP_835, "remit.835", "denied-co197-no-auth.835");
    assertThat(receive("x12.remits.unmatched", 3))
        .extracting(r -> r.text("patientControlNumber"))
        .containsExactly("PCN1001", "PCN1002", "PCN1003");
    assertThat(matchedClaimOf("PCN1001")).isNull();

    uploadAndWait("receive-claims", DROP_837, "claims.837", "claims-professional-3.837");
    assertThat(matchedClaimOf("PCN1001")).isEqualTo("PCN1001");
    assertThat(matchedClaimOf("PCN1002")).isEqualTo("PCN1002");
    assertThat(matchedClaimOf("PCN1003")).as("claim PCN1003 is another payer's").isNull();
  }

  @Test
  void aTransactionQuarantinedAfterSomeClaimsLeavesNothingOfThemBehind() throws Exception {
    uploadAndWait(
        "receive-remittances", DROP_835, "late.835", "bad-amount-late-in-transaction.835");
    assertThat(receive("x12.denials", 1).get(0).text("patientControlNumber")).isEqualTo("PCN8004");
    assertThat(receive("x12.errors", 1).get(0).text("transactionControlNumber")).isEqualTo("8001");
    relayIdle(3);
    assertThat(gw.receiveNow("x12.denials")).isNull();
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + var.resolve("db/gateway"), "x12gw", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery("select patient_control_number from claim_payment order by id")) {
      List<String> stored = new ArrayList<>();
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
      assertThat(stored).containsExactly("PCN8004");
    }
  }

  /** CLM01 of the claim the stored payment with this CLP01 is matched to, or null. */
  private String matchedClaimOf(String pcn) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + var.resolve("db/gateway"), "x12gw", "");
        var ps =
            c.prepareStatement(
                "select c.patient_control_number from claim_payment p"
                    + " left join claim c on c.id = p.claim_id where p.patient_control_number = ?")) {
      ps.setString(1, pcn);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  @Test
  void envelopeDefectsAreReportedAsValidateReportsThemAndAcknowledgedWithTheSendersDelimiters()
      throws Exception {
    uploadAndWait("receive-claims", DROP_837, "hp-group.837", "gs01-hp-group-holding-837s.837");
    List<String> published =
        receive("x12.errors", 3).stream()
            .map(
                r ->
                    r.text("severity")
                        + " "
                        + r.text("code")
                        + " "
                        + r.text("transactionControlNumber"))
            .toList();
    assertThat(published)
        .containsExactlyInAnyOrderElementsOf(
            dev.x12gw.cli.ValidateRun.defects(TestFiles.testdata("gs01-hp-group-holding-837s.837")))
        .containsExactlyInAnyOrder(
            "WARNING GS08_ST03_MISMATCH 0001",
            "WARNING GS01_ST01_MISMATCH 0001",
            "ERROR GUIDE_AMBIGUOUS 0002");
    assertThat(gw.quarantined(DROP_837, "hp-group.837")).exists();
    assertThat(Files.readString(gw.acknowledgment("hp-group.837.999")))
        .contains("AK1*HP*502*005010X221A1~")
        .contains("AK2*837*0001*005010X222A1~\nIK5*E*19*6~")
        .contains("AK2*837*0002*005010X221A1~\nIK5*R*19~")
        .contains("AK9*P*2*2*1~");

    uploadAndWait("receive-claims", DROP_837, "control.837", "control-character-delimiters.837");
    assertThat(gw.processed(DROP_837, "control.837")).exists();
    assertThat(Files.readString(gw.acknowledgment("control.837.999")))
        .startsWith("ISA\u001d00\u001d")
        .contains("\u001eAK2\u001d837\u001d0001\u001d005010X222A1\u001eIK5\u001dA\u001e")
        .doesNotContain("*", "~", "\n");
    relayIdle(3);
    assertThat(gw.receiveNow("x12.errors")).isNull();
  }
}
