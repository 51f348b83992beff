package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code x12gw report} over scenario files: the table, CSV and JSON say the same figures. */
class ReportCommandTest {
  record Run(int status, String out, String err) {}

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

  private static final List<String> SCENARIOS =
      List.of(
          "denied-co197-auth-never-sent-ortho",
          "denied-then-overturned-after-resubmission",
          "denied-co22-other-payer-primary",
          "line-denial-co97-bundled",
          "plb-wo-overpayment-recovery");

  private static String[] args(String... options) {
    List<String> a = new java.util.ArrayList<>(List.of("report", "--as-of", "2026-12-07"));
    a.addAll(List.of(options));
    for (String s : SCENARIOS) {
      a.add(TestFiles.testdata("scenarios").resolve(s).toString());
    }
    return a.toArray(String[]::new);
  }

  @Test
  void csvByPayerGivesEachPayersRates() throws Exception {
    Run run = x12gw(args("--by", "payer", "--format", "csv"));
    assertThat(run.status()).as(run.err()).isZero();
    // 6 claims first adjudicated: PCN3901, PCN3201 denied; PCN4601 (60054) denied; PCN2101 a
    // line denied; PCN3001, PCN3002 paid. 87726: 3 of 5 denied in full or in part
    assertThat(run.out())
        .startsWith("segment,kpi,value,numerator,denominator,amount")
        .contains("all,initial-denial-rate,0.6667,4,6,")
        .contains("87726,initial-denial-rate,0.6000,3,5,")
        .contains("60054,initial-denial-rate,1.0000,1,1,")
        .contains("all,clean-claim-rate,0.3333,2,6,");
  }

  @Test
  void tableShowsPercentagesWithTheirCounts() throws Exception {
    Run run = x12gw(args());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("period (first) .. (last), as of 2026-12-07, by total")
        .containsPattern("initial-denial-rate\\s+66\\.67% \\(4/6\\)")
        .containsPattern("recovered\\s+150\\.00");
  }

  @Test
  void jsonCarriesTheFormulas() throws Exception {
    Run run = x12gw(args("--by", "month", "--format", "json"));
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.path("by").asText()).isEqualTo("month");
    assertThat(root.path("metrics").path("overturn-rate").path("formula").asText())
        .contains("worked denials");
    assertThat(root.path("segments")).hasSize(2);
    assertThat(root.path("segments").get(0).path("segment").asText()).isEqualTo("2026-10");
    assertThat(
            root.path("total")
                .path("kpis")
                .path("initial-denial-rate")
                .path("value")
                .decimalValue())
        .isEqualByComparingTo("0.6667");
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    assertThat(x12gw("report", "--by", "planet").status()).isEqualTo(X12gw.USAGE);
    assertThat(x12gw("report", "--from", "2026-13-01").status()).isEqualTo(X12gw.USAGE);
    assertThat(x12gw("report", "--from", "2026-12-01", "--to", "2026-11-01").status())
        .isEqualTo(X12gw.USAGE);
    Run run = x12gw("report", "--format", "xml");
    assertThat(run.status()).isEqualTo(X12gw.USAGE);
    assertThat(run.err()).contains("x12gw report:");
  }
}
