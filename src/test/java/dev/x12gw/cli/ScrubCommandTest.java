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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x12gw scrub} over the scrubber's golden fixtures, with the shipped checks and the example
 * payer rules: each defect claim of {@code defect-per-rule.837} yields exactly its expected finding
 * (rule, segment position, element, CARC; {@code defect-per-rule.expected.jsonl}), one per rule
 * kind, and the near misses of {@code clean-near-misses.837} (one beside each rule) yield none.
 */
class ScrubCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path rules;

  record Run(int status, String out, String err) {}

  @BeforeAll
  static void rules() throws Exception {
    TestFiles.scrubberRulesWithExamples(rules);
  }

  private static Run scrub(Path... files) throws Exception {
    List<String> args = new ArrayList<>(List.of("scrub", "--rules", rules.toString()));
    for (Path f : files) {
      args.add(f.toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void eachDefectClaimYieldsItsGoldenFinding() throws Exception {
    Path dir = TestFiles.testdata("scrubber");
    Run run = scrub(dir.resolve("defect-per-rule.837"));
    List<String> expected = Files.readAllLines(dir.resolve("defect-per-rule.expected.jsonl"));
    assertThat(run.out().lines().toList()).isEqualTo(expected);
    assertThat(run.status()).as("claims with a hard stop").isEqualTo(1);
    assertThat(run.err()).contains("15 claim(s), 14 with a hard stop, 15 finding(s)");

    // one claim per rule kind, each with its own finding and nothing else
    Set<String> kinds = new TreeSet<>();
    Set<String> claims = new TreeSet<>();
    for (String line : expected) {
      JsonNode f = JSON.readTree(line);
      kinds.add(f.get("kind").asText());
      claims.add(f.get("claim").asText());
      assertThat(f.get("segmentPosition").asInt()).isPositive();
      assertThat(f.get("isa13").asText()).isEqualTo("000000301");
      assertThat(f.get("st02").asText()).isEqualTo("0001");
      assertThat(f.get("carc").asText()).isNotEmpty();
      assertThat(f.get("rationale").asText()).isNotEmpty();
    }
    assertThat(claims).hasSize(expected.size());
    // the code-set and situational checks, in an 837P and an 837I of their own
    Run more = scrub(dir.resolve("defect-code-sets-and-situational.837"));
    List<String> moreExpected =
        Files.readAllLines(dir.resolve("defect-code-sets-and-situational.expected.jsonl"));
    assertThat(more.out().lines().toList()).isEqualTo(moreExpected);
    assertThat(more.err()).contains("4 claim(s), 4 with a hard stop, 4 finding(s)");
    for (String line : moreExpected) {
      JsonNode f = JSON.readTree(line);
      assertThat(kinds.add(f.get("kind").asText())).as("a kind of its own").isTrue();
      assertThat(f.get("segmentPosition").asInt()).isPositive();
    }
    assertThat(kinds).hasSize(dev.x12gw.domain.scrub.RuleKind.values().length);
    // the member id is PHI: only its last four characters are shown
    assertThat(run.out()).doesNotContain("X555000111").contains("******0111");
  }

  @Test
  void nearMissesPassEveryRule() throws Exception {
    Run run = scrub(TestFiles.testdata("scrubber").resolve("clean-near-misses.837"));
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("9 claim(s), 0 with a hard stop, 0 finding(s)");
    assertThat(run.status()).isZero();
    // a NUCC taxonomy, a replacement with REF*F8, a patient level when SBR02 is not 18, a
    // four-digit revenue code
    Run more = scrub(TestFiles.testdata("scrubber").resolve("clean-code-sets-and-situational.837"));
    assertThat(more.out()).isEmpty();
    assertThat(more.err()).isEqualTo("x12gw scrub: 5 claim(s), 0 with a hard stop, 0 finding(s)\n");
    assertThat(more.status()).isZero();
  }

  @Test
  void aQuarantinedTransactionIsReportedWithItsControlNumbersAndTheRestScrubbed() throws Exception {
    Run run =
        scrub(
            TestFiles.testdata("version-4010-unsupported.837"),
            TestFiles.testdata("scrubber").resolve("clean-near-misses.837"));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("version-4010-unsupported.837: ");
    assertThat(run.err()).contains("9 claim(s), 0 with a hard stop");
    assertThat(run.err()).contains("part of the input was quarantined");
  }

  /**
   * A transaction set quarantined after one of its claims was read: that claim is neither scrubbed
   * nor remembered, so the same service in the next set is not a duplicate of it.
   */
  @Test
  void aQuarantinedSetsClaimsAreForgottenWithTheirServices() throws Exception {
    Run run = scrub(TestFiles.testdata("scrubber").resolve("second-set-quarantined.837"));
    assertThat(run.err())
        .contains("ISA13=000000311 GS06=311 ST02=0002 segment 27 (CLM02)")
        .contains("2 claim(s), 0 with a hard stop, 0 finding(s)");
    assertThat(run.out()).isEmpty();
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void aBadRuleRowNamesItsFileAndLine() throws Exception {
    Path bad = rules.resolveSibling(rules.getFileName() + "-bad");
    Files.createDirectories(bad);
    try (Stream<Path> files = Files.list(rules)) {
      for (Path f : files.toList()) {
        Files.copy(
            f, bad.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(
        bad.resolve("payer-rules.csv"),
        String.join(",", dev.x12gw.config.ScrubberFiles.PAYER_RULE_COLUMNS)
            + "\nLATE,TIMELY_FILING,60054,,,ninety,29,,HARD_STOP,too late\n");
    List<String> args =
        List.of(
            "scrub",
            "--rules",
            bad.toString(),
            TestFiles.testdata("scrubber").resolve("clean-near-misses.837").toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(X12gw.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("payer-rules.csv line 2")
        .contains("TIMELY_FILING takes the window in days");
  }

  @Test
  void theSharedRealWorld837SamplesAreScrubbedWithoutFailing() throws Exception {
    Path samples = TestFiles.sharedSamples();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        samples != null && Files.isDirectory(samples), "../shared/x12-samples is not beside it");
    List<Path> files;
    try (Stream<Path> s = Files.walk(samples)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().toLowerCase().contains("837"))
              .sorted()
              .toList();
    }
    assertThat(files).isNotEmpty();
    Run run = scrub(files.toArray(Path[]::new));
    assertThat(run.status()).as(run.err()).isIn(0, 1);
    assertThat(run.err()).doesNotContain("Exception");
    long n = 0;
    for (String line : run.out().lines().toList()) {
      JsonNode f = JSON.readTree(line);
      assertThat(f.get("segmentPosition").asInt()).as(line).isPositive();
      assertThat(f.get("ruleId").asText()).isNotEmpty();
      n++;
    }
    assertThat(n).isPositive();
  }
}
