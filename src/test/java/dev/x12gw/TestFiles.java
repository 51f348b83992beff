package dev.x12gw;

import dev.x12gw.config.Intelligence;
import dev.x12gw.config.Settings;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Locations of the project's test inputs. */
public final class TestFiles {
  private TestFiles() {}

  /** The project directory (holds testdata/, edi-mappings/, config/, routes/). */
  public static Path projectDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("project directory not found");
    }
    return p;
  }

  public static Path testdata(String name) {
    return projectDir().resolve("testdata").resolve(name);
  }

  public static Path mapping() {
    return projectDir().resolve("edi-mappings/x12-gateway.smooks.xml");
  }

  /** The shared public samples beside the project, when present. */
  public static Path sharedSamples() {
    return projectDir().resolveSibling("shared").resolve("x12-samples");
  }

  /** The reconciliation scenario directories of {@code testdata/scenarios/}, by name. */
  public static List<Path> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(testdata("scenarios"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** The X12 files of a scenario, in name order (the real-world order). */
  public static List<Path> scenarioFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*\\.(835|837)"))
          .sorted()
          .toList();
    }
  }

  /**
   * The shipped settings ({@code config/application.properties}, no environment) with the example
   * payer terms, payer overrides and QPA table of {@code config/classification/examples/}, and a
   * scenario's {@code contract.csv} when there is one.
   *
   * @param scenario a scenario directory, or null for the shipped contracts directory
   */
  public static Intelligence intelligence(Path scenario) {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            projectDir().resolve("config/application.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new HashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    values.put("classification.payers", "config/classification/examples/payers.csv");
    values.put("classification.payer-rules", "config/classification/examples/payer-rules.csv");
    values.put("nsa.reference.table", "config/classification/examples/qpa.csv");
    Path contract = scenario == null ? null : scenario.resolve("contract.csv");
    return Intelligence.load(
        Settings.of(projectDir(), values),
        contract != null && Files.exists(contract) ? contract : null);
  }

  /** A file processor with {@link #intelligence(Path)}. */
  public static X12FileProcessor processor(SmooksX12Parser parser, Path scenario) {
    Intelligence i = intelligence(scenario);
    return new X12FileProcessor(
        parser, new RecordFactory(QueueNames.defaults(), i.codes()), i.policy(), i.classifier());
  }

  /**
   * A scrubber rule folder in {@code dir}: the shipped {@code config/scrubber} files with the
   * example payer rules ({@code examples/payer-rules.csv}) as {@code payer-rules.csv}.
   */
  public static Path scrubberRulesWithExamples(Path dir) throws IOException {
    Path config = projectDir().resolve("config/scrubber");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(config)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(
            f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(
        config.resolve("examples/payer-rules.csv"),
        dir.resolve("payer-rules.csv"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return dir;
  }
}
