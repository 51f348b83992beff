package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario fixture in {@code testdata/} against its golden records in {@code
 * testdata/expected/<fixture>.jsonl}: the fixture is analyzed after the provider's claim files
 * ({@link #CLAIMS}), as the gateway would see it. Regenerate after an intended change with {@code
 * ./mvnw test -Dtest=GoldenRecordsTest -Dx12gw.golden.update=true} and review the diff. The
 * reconciliation scenarios of {@code testdata/scenarios/} are checked the same way.
 */
class GoldenRecordsTest {
  /** The provider's claims, in the store before each scenario. */
  static final List<String> CLAIMS =
      List.of(
          "claims-professional-3.837", "crlf-line-endings.837", "control-character-delimiters.837");

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
    try (Stream<Path> files = Files.list(TestFiles.testdata(""))) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> !CLAIMS.contains(n) && !n.endsWith(".md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  static List<Path> claimFiles() {
    return CLAIMS.stream().map(TestFiles::testdata).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void recordsMatchTheGoldenFile(String fixture) throws Exception {
    List<Path> files = new ArrayList<>(claimFiles());
    files.add(TestFiles.testdata(fixture));
    assertGolden(
        TestFiles.processor(parser, null),
        files,
        TestFiles.testdata("expected").resolve(fixture + ".jsonl"));
  }

  static Stream<String> reconciliationScenarios() throws Exception {
    return TestFiles.scenarios().stream().map(p -> p.getFileName().toString());
  }

  /**
   * Every reconciliation story of {@code testdata/scenarios/<name>/} (its X12 files in name order,
   * with {@code contract.csv} when present) against {@code
   * testdata/expected/scenarios/<name>.jsonl}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reconciliationScenarios")
  void scenarioRecordsMatchTheGoldenFile(String scenario) throws Exception {
    Path dir = TestFiles.testdata("scenarios").resolve(scenario);
    assertGolden(
        TestFiles.processor(parser, dir),
        TestFiles.scenarioFiles(dir),
        TestFiles.testdata("expected").resolve("scenarios").resolve(scenario + ".jsonl"));
  }

  private static void assertGolden(X12FileProcessor processor, List<Path> files, Path golden)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Analyze(
            processor,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(files);
    String actual = out.toString(StandardCharsets.UTF_8);
    if (Boolean.getBoolean("x12gw.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).exists();
    assertThat(actual.lines().toList())
        .as("records of %s (golden %s)", files, golden)
        .containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
  }
}
