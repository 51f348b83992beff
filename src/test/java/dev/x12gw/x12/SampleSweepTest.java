package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.x12gw.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sweeps the public samples in {@code ../shared/x12-samples} (when present) through the reader:
 * every file is read without an exception or a hang; a file whose INDEX.tsv row marks no defect is
 * read without errors and yields the CLM and CLP counts the index gives; a file with a marked
 * defect gets at least one error or warning.
 */
class SampleSweepTest {
  /** One row of INDEX.tsv. */
  record Sample(String file, String type, int clp, int clm, String defects) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Sample> samples() throws Exception {
    Path index = TestFiles.sharedSamples().resolve("INDEX.tsv");
    if (!Files.isRegularFile(index)) {
      return Stream.of(new Sample("(no ../shared/x12-samples)", "", 0, 0, ""));
    }
    List<Sample> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      out.add(
          new Sample(
              f[header.indexOf("local_file")],
              f[header.indexOf("txn_type")],
              number(f[header.indexOf("CLP")]),
              number(f[header.indexOf("CLM")]),
              f[header.indexOf("defects")]));
    }
    return out.stream();
  }

  private static int number(String s) {
    return s.isBlank() ? 0 : Integer.parseInt(s.trim());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void readsEverySampleAndReportsItsDefects(Sample sample) throws Exception {
    Path file = TestFiles.sharedSamples().resolve(sample.file());
    assumeTrue(Files.isRegularFile(file), "shared samples not present");
    Parsed p =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> SmooksX12ParserTest.parse(file));
    boolean bound = sample.type().startsWith("835") || sample.type().startsWith("837");
    if ("none".equals(sample.defects()) && bound) {
      assertThat(p.result().problems()).noneMatch(X12Problem::isError);
      assertThat(p.payments()).hasSize(sample.clp());
      assertThat(p.claims()).hasSize(sample.clm());
    } else if (!"none".equals(sample.defects())) {
      assertThat(p.result().problems()).as("defects %s", sample.defects()).isNotEmpty();
    }
  }

  @org.junit.jupiter.api.BeforeAll
  static void open() throws Exception {
    SmooksX12ParserTest.open();
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    SmooksX12ParserTest.close();
  }
}
