package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x12gw scrub --backtest} over {@code testdata/scrubber/backtest/}: five claims with known
 * fates. PCN-BT-AUTH (MRI for payer 60054 without REF*G1) was denied CO-197 for $900: the
 * authorization rule would have held it, with its CARC. PCN-BT-CLEAN was paid: not held.
 * PCN-BT-UNITS (three venipunctures, over the sample limit of two) was paid in full: a false hold.
 * PCN-BT-MISS was denied CO-16 for $200 with nothing a rule checks: a rule miss. PCN-BT-NOREMIT
 * (procedure 9921) has no 835: held, fate unknown.
 */
class BacktestCommandTest {
  @TempDir Path rules;

  @Test
  void theBacktestCountsWhatEachRuleWouldHaveHeldAndWhatBecameOfIt() throws Exception {
    Path config = TestFiles.projectDir().resolve("config/scrubber");
    try (Stream<Path> files = Files.list(config)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(f, rules.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        rules.resolve("payer-rules.csv"),
        String.join(",", dev.x12gw.config.ScrubberFiles.PAYER_RULE_COLUMNS)
            + "\nEX-AUTH-MRI,AUTHORIZATION_REQUIRED,60054,70540,70559,,197,N54,HARD_STOP,MRI needs"
            + " authorization\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            new String[] {
              "scrub",
              "--backtest",
              "--rules",
              rules.toString(),
              "--report",
              rules.resolve("report/backtest.json").toString(),
              TestFiles.testdata("scrubber").resolve("backtest").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly(
            "rule", "kind", "held", "denied", "denied", "$", "carc", "false", "no", "835");
    //                               held denied dollars carc false no-835
    assertThat(row(lines, "EX-AUTH-MRI"))
        .containsExactly("AUTHORIZATION_REQUIRED", "1", "1", "900.00", "1", "0", "0");
    assertThat(row(lines, "MUE")).containsExactly("UNITS_LIMIT", "1", "0", "0.00", "0", "1", "0");
    assertThat(row(lines, "SNIP5-PROCEDURE"))
        .containsExactly("PROCEDURE_FORMAT", "1", "0", "0.00", "0", "0", "1");
    assertThat(lines)
        .contains(
            "5 claim(s) scrubbed; 3 would have been held: 1 of them denied later (900.00), 1 with"
                + " the rule's CARC; 1 false hold(s) (adjudicated without a denial), 1 without an"
                + " 835",
            "rule misses: 1 later denial(s) (200.00) that no hard stop would have held (by CARC 16:"
                + " 1)");
    // the same figures as JSON: the dashboard's prevention figure (scrubber.backtest-report)
    com.fasterxml.jackson.databind.JsonNode report =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(rules.resolve("report/backtest.json").toFile());
    assertThat(report.path("files")).hasSize(3);
    assertThat(report.path("claims").asLong()).isEqualTo(5);
    com.fasterxml.jackson.databind.JsonNode total = report.path("total");
    assertThat(
            List.of(
                total.path("held").asLong(),
                total.path("deniedLater").asLong(),
                total.path("sameCarc").asLong(),
                total.path("falseHolds").asLong(),
                total.path("noRemit").asLong()))
        .containsExactly(3L, 1L, 1L, 1L, 1L);
    assertThat(total.path("deniedDollars").decimalValue()).isEqualByComparingTo("900.00");
    assertThat(report.path("missed").path("deniedLater").asLong()).isEqualTo(1);
    assertThat(report.path("missed").path("byCarc").path("16").asLong()).isEqualTo(1);
    assertThat(report.path("rules"))
        .extracting(r -> r.path("ruleId").asText() + " " + r.path("held").asLong())
        .containsExactly("EX-AUTH-MRI 1", "MUE 1", "SNIP5-PROCEDURE 1");
  }

  @Test
  void rulesLearnedFromDenialsCatchThoseDenialsOnceAccepted() throws Exception {
    Path config = TestFiles.projectDir().resolve("config/scrubber");
    try (Stream<Path> files = Files.list(config)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(f, rules.resolve(f.getFileName()));
      }
    }
    Path history = TestFiles.testdata("scrubber").resolve("learn");
    Path suggested = rules.resolveSibling(rules.getFileName() + "-suggested.csv");

    // payer 87726 denied three of four knee MRIs CO-197 and three late claims CO-29; two office
    // visits CO-197 are too few for a rule
    String before = backtest("--suggest", suggested.toString(), history.toString());
    assertThat(before)
        .contains(
            "rule misses: 8 later denial(s) (3860.00) that no hard stop would have held (by CARC"
                + " 197: 5, 29: 3)",
            "2 rule(s) suggested");
    assertThat(Files.readAllLines(suggested))
        .containsExactly(
            String.join(",", dev.x12gw.config.ScrubberFiles.PAYER_RULE_COLUMNS),
            "SUGGESTED-AUTH-87726-73721,AUTHORIZATION_REQUIRED,87726,73721,73721,,197,,HARD_STOP,"
                + "\"Suggested from 3 denial(s) CARC 197 of 73721 to payer 87726, 4 lines (75%),"
                + " 3000.00 denied; e.g. PCN-MRI-1 PCN-MRI-2 PCN-MRI-3\"",
            "SUGGESTED-TIMELY-87726,TIMELY_FILING,87726,,,99,29,,HARD_STOP,\"Suggested from 3"
                + " denial(s) CARC 29 of payer 87726's 9 claims (33%), 500.00 denied; e.g."
                + " PCN-LATE-1 PCN-LATE-2 PCN-LATE-3\"");

    // an engineer accepts them by moving the rows into the rule set
    Files.copy(
        suggested,
        rules.resolve("payer-rules.csv"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String after = backtest("--suggest", suggested.toString(), history.toString());
    assertThat(row(after.lines().toList(), "SUGGESTED-AUTH-87726-73721"))
        .containsExactly("AUTHORIZATION_REQUIRED", "4", "3", "3000.00", "3", "1", "0");
    assertThat(row(after.lines().toList(), "SUGGESTED-TIMELY-87726"))
        .containsExactly("TIMELY_FILING", "3", "3", "500.00", "3", "0", "0");
    assertThat(after)
        .contains(
            "rule misses: 2 later denial(s) (360.00) that no hard stop would have held (by CARC"
                + " 197: 2)",
            "0 rule(s) suggested");
  }

  private String backtest(String... args) throws Exception {
    List<String> a =
        new java.util.ArrayList<>(List.of("scrub", "--backtest", "--rules", rules.toString()));
    a.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            a.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The cells after the rule id of the row of {@code rule}. */
  private static List<String> row(List<String> lines, String rule) {
    for (String l : lines) {
      String[] cells = l.trim().split("\\s+");
      if (cells[0].equals(rule)) {
        return List.of(cells).subList(1, cells.length);
      }
    }
    throw new AssertionError("no row for " + rule + " in " + lines);
  }
}
