package dev.x12gw;

import dev.x12gw.config.ContractFiles;
import dev.x12gw.domain.ContractSchedule;
import dev.x12gw.domain.ReconciliationPolicy;
import dev.x12gw.domain.Tolerance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** A scenario's contracts ({@code contract.csv} when present), tolerance 1.00 and 1 %. */
  public static ReconciliationPolicy scenarioPolicy(Path dir) {
    Path contract = dir.resolve("contract.csv");
    return new ReconciliationPolicy(
        Files.exists(contract) ? ContractFiles.load(contract) : ContractSchedule.empty(),
        new Tolerance(new BigDecimal("1.00"), new BigDecimal("1.0")));
  }
}
