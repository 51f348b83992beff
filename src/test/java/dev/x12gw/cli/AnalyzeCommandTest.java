package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  private final ObjectMapper json = new ObjectMapper();

  /** Exit status, standard output and standard error of one command. */
  record Run(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Run x12gw(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String td(String name) {
    return TestFiles.testdata(name).toString();
  }

  private List<JsonNode> records(Run run) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.lines()) {
      out.add(json.readTree(line));
    }
    return out;
  }

  @Test
  void recordsCarryTheirQueueAndExitZeroWhenEverythingWasRead() throws Exception {
    Run run = x12gw("analyze", td("claims-professional-3.837"), td("denied-co197-no-auth.835"));
    assertThat(run.status()).isZero();
    List<JsonNode> records = records(run);
    assertThat(records)
        .extracting(
            r ->
                r.get("queue").asText()
                    + " "
                    + r.get("recordType").asText()
                    + " "
                    + r.get("patientControlNumber").asText())
        .containsExactly(
            "x12.denials CLAIM_DENIAL PCN1001",
            "x12.denials CLAIM_DENIAL PCN1003",
            "x12.remits.unmatched UNMATCHED_REMIT PCN1003");
    JsonNode denial = records.get(0);
    assertThat(denial.get("claimMatched").asBoolean()).isTrue();
    assertThat(denial.get("billedAmount").decimalValue()).isEqualByComparingTo("250.00");
    assertThat(run.out()).contains("\"billedAmount\":250.00,\"paidAmount\":0.00");
  }

  @Test
  void claimsAreReadFirstWhateverTheOrderGiven() throws Exception {
    Run claimsFirst =
        x12gw("analyze", td("claims-professional-3.837"), td("denied-co197-no-auth.835"));
    Run remitFirst =
        x12gw("analyze", td("denied-co197-no-auth.835"), td("claims-professional-3.837"));
    assertThat(remitFirst.out()).isEqualTo(claimsFirst.out());
  }

  @Test
  void directoriesAreExpandedInNameOrder(@TempDir Path dir) throws Exception {
    Files.copy(TestFiles.testdata("denied-co197-no-auth.835"), dir.resolve("a.x12"));
    Files.createDirectories(dir.resolve("sub"));
    Files.copy(TestFiles.testdata("claims-professional-3.837"), dir.resolve("sub/b.x12"));
    Files.writeString(dir.resolve(".hidden"), "ignored");
    Run run = x12gw("analyze", dir.toString());
    assertThat(run.status()).isZero();
    assertThat(run.lines()).hasSize(3);
  }

  @Test
  void theSameContentTwiceIsReadOnce(@TempDir Path dir) throws Exception {
    Path copy =
        Files.copy(TestFiles.testdata("denied-co197-no-auth.835"), dir.resolve("resent.835"));
    Run run = x12gw("analyze", td("denied-co197-no-auth.835"), copy.toString());
    assertThat(run.status()).isZero();
    assertThat(run.lines()).hasSize(5);
    assertThat(run.err()).contains("resent.835").contains("same content");
  }

  @Test
  void aQuarantinedFileExitsOneWithARecordAndAMessage() throws Exception {
    Run run = x12gw("analyze", td("not-x12.txt"), td("wrong-se01-count.835"));
    assertThat(run.status()).isEqualTo(1);
    JsonNode error = records(run).get(0);
    assertThat(error.get("queue").asText()).isEqualTo("x12.errors");
    assertThat(error.get("recordType").asText()).isEqualTo("INTAKE_ERROR");
    assertThat(error.get("fileName").asText()).isEqualTo("not-x12.txt");
    assertThat(error.get("disposition").asText()).isEqualTo("FILE_QUARANTINED");
    assertThat(run.err()).contains("not-x12.txt: REJECTED").contains("NOT_X12");
    assertThat(records(run)).anyMatch(r -> r.get("recordType").asText().equals("CLAIM_DENIAL"));
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertThat(x12gw().status()).isEqualTo(2);
    assertThat(x12gw("analyze").status()).isEqualTo(2);
    assertThat(x12gw("analyze", "no/such/file.835").status()).isEqualTo(2);
    assertThat(x12gw("analyze", "--bogus", td("not-x12.txt")).status()).isEqualTo(2);
    assertThat(x12gw("frobnicate").status()).isEqualTo(2);
    assertThat(x12gw("help").status()).isZero();
  }

  /** The scenario's X12 files, as arguments. */
  private static List<String> scenario(String name) throws Exception {
    List<String> files = new ArrayList<>();
    for (Path p : TestFiles.scenarioFiles(TestFiles.testdata("scenarios").resolve(name))) {
      files.add(p.toString());
    }
    return files;
  }

  /** The shipped configuration with some settings changed, as a --config file. */
  private static String config(Path dir, String... settings) throws Exception {
    StringBuilder text =
        new StringBuilder(
            Files.readString(TestFiles.projectDir().resolve("config/application.properties")));
    text.append('\n');
    for (String s : settings) {
      text.append(s).append('\n');
    }
    Path file = dir.resolve("test.properties");
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void payerStatsCountDenialsAndOverturnsPerPayerFamilyAndServiceLine(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("payers.csv");
    List<String> args = new ArrayList<>(List.of("analyze", "--payer-stats", csv.toString()));
    args.addAll(scenario("denied-then-overturned-after-resubmission"));
    Run run = x12gw(args.toArray(String[]::new));
    assertThat(run.status()).isZero();
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "payer_id,denial_family,service_line,category,findings,amount,overturned,recovered,"
                + "expected_recovery",
            "87726,AUTHORIZATION,OTHER,DENIAL,1,200.00,1,150.00,90.00");
  }

  @Test
  void anNsaInitialPaymentIsMeasuredAgainstTheReferenceTableWhenConfigured(@TempDir Path dir)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "analyze",
                "--config",
                config(
                    dir,
                    "nsa.target.basis = REFERENCE_TABLE",
                    "nsa.reference.table = config/classification/examples/qpa.csv")));
    args.addAll(scenario("nsa-emergency-out-of-network-underpaid"));
    List<JsonNode> records = records(x12gw(args.toArray(String[]::new)));
    assertThat(records).hasSize(2);
    for (JsonNode r : records) {
      assertThat(r.get("underpaymentKind").asText()).isEqualTo("NSA_INITIAL_PAYMENT");
      // QPA 780.00; paid 320.00 + coinsurance 150.00 = 470.00
      assertThat(r.get("expectedAmount").decimalValue()).isEqualByComparingTo("780.00");
      assertThat(r.get("varianceAmount").decimalValue()).isEqualByComparingTo("310.00");
      assertThat(r.at("/nsaTarget/basis").asText()).isEqualTo("REFERENCE_TABLE");
      assertThat(r.at("/nsaTarget/referenceSource").asText()).isEqualTo("qpa.csv:5");
      assertThat(r.at("/classification/noSurprisesAct/qpa").decimalValue())
          .isEqualByComparingTo("780.00");
      assertThat(r.at("/classification/recoveryPathway").asText()).isEqualTo("ESCALATE_DISPUTE");
    }
  }

  @Test
  void anNsaInitialPaymentCanBeMeasuredAgainstAPercentOfBilledCharges(@TempDir Path dir)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "analyze",
                "--config",
                config(dir, "nsa.target.basis = PERCENT_OF_BILLED", "nsa.target.percent = 50")));
    args.addAll(scenario("nsa-emergency-out-of-network-underpaid"));
    List<JsonNode> records = records(x12gw(args.toArray(String[]::new)));
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("expectedAmount").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(records.get(0).get("varianceAmount").decimalValue()).isEqualByComparingTo("130.00");
    assertThat(records.get(0).at("/nsaTarget/percentOfBilled").decimalValue())
        .isEqualByComparingTo("50");
    // 20 % of billed would be 240.00, below the 470.00 paid with cost sharing: no underpayment
    args.set(2, config(dir, "nsa.target.basis = PERCENT_OF_BILLED", "nsa.target.percent = 20"));
    assertThat(x12gw(args.toArray(String[]::new)).out()).isEmpty();
  }

  @Test
  void aBadClassificationFileStopsAnalyzeWithItsLine(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("payer-rules.csv");
    Files.writeString(
        rules,
        String.join(",", dev.x12gw.config.ClassificationFiles.RULE_COLUMNS)
            + "\nX-1,60054,CLAIM_DENIAL,,16,,,,,,NOT_A_FAMILY,,,,,why\n");
    Run run =
        x12gw(
            "analyze",
            "--config",
            config(dir, "classification.payer-rules = " + rules),
            td("denied-co197-no-auth.835"));
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(rules + " line 2, family: \"NOT_A_FAMILY\" must be one of");
  }
}
