package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.config.ContractFiles;
import dev.x12gw.domain.ContractSchedule;
import dev.x12gw.domain.ReconciliationPolicy;
import dev.x12gw.domain.Tolerance;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reconciliation scenario of {@code testdata/scenarios/<name>/} (its X12 files, plus {@code
 * contract.csv} when present, tolerance 1.00 and 1 %) through {@code x12gw analyze} against the
 * golden records in {@code testdata/expected/scenarios/<name>.jsonl}. Regenerate after an intended
 * change with {@code ./mvnw test -Dtest=ScenarioGoldenTest -Dx12gw.golden.update=true} and review
 * the diff.
 */
class ScenarioGoldenTest {
  static final Tolerance TOLERANCE = new Tolerance(new BigDecimal("1.00"), new BigDecimal("1.0"));

  private static SmooksX12Parser parser;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  static Stream<String> scenarios() throws Exception {
    try (Stream<Path> dirs = Files.list(TestFiles.testdata("scenarios"))) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The X12 files of a scenario, in name order. */
  static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*\\.(835|837)"))
          .sorted()
          .toList();
    }
  }

  /** The scenario's contracts and the test tolerance. */
  static ReconciliationPolicy policy(Path dir) {
    Path contract = dir.resolve("contract.csv");
    ContractSchedule schedule =
        Files.exists(contract) ? ContractFiles.load(contract) : ContractSchedule.empty();
    return new ReconciliationPolicy(schedule, TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void recordsMatchTheGoldenFile(String scenario) throws Exception {
    Path dir = TestFiles.testdata("scenarios").resolve(scenario);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Analyze(
            new X12FileProcessor(parser, new RecordFactory(QueueNames.defaults()), policy(dir)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(files(dir));
    String actual = out.toString(StandardCharsets.UTF_8);
    Path golden = TestFiles.testdata("expected").resolve("scenarios").resolve(scenario + ".jsonl");
    if (Boolean.getBoolean("x12gw.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).exists();
    assertThat(actual.lines().toList())
        .as("records of scenario %s (golden %s)", scenario, golden)
        .containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
  }
}
