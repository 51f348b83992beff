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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sweeps the public samples in {@code ../shared/x12-samples} (when present) through the reader:
 * every file is read without an exception or a hang; a file whose INDEX.tsv row marks no defect is
 * read without errors and without any envelope defect (a code of {@link EnvelopeDefects}, but for
 * the transaction sets the gateway does not read) and yields the CLM and CLP counts the index
 * gives; a file with a marked defect gets at least one error or warning, and each envelope or
 * header defect it marks is named by one of the codes {@link #NAMED_BY} lists for it.
 */
class SampleSweepTest {
  /** INDEX.tsv envelope and header defect tags, and the codes that name them. */
  static final Map<String, Set<String>> NAMED_BY =
      Map.of(
          "se01-count", Set.of("SE01_COUNT"),
          "isa-length", Set.of("ISA_LENGTH"),
          "no-envelope", Set.of("NOT_X12", "MISSING_ISA", "MISSING_GS", "IEA_WITHOUT_ISA"),
          "envelope-count",
              Set.of(
                  "MISSING_IEA",
                  "MISSING_GE",
                  "MISSING_SE",
                  "IEA01_COUNT",
                  "GE01_COUNT",
                  "IEA_WITHOUT_ISA",
                  "GE_WITHOUT_GS",
                  "SE_WITHOUT_ST",
                  "ISA_INVALID"),
          "truncated", Set.of("MISSING_SE"),
          "header-mismatch",
              Set.of(
                  "GS01_ST01_MISMATCH",
                  "GS08_ST03_MISMATCH",
                  "GUIDE_AMBIGUOUS",
                  "UNSUPPORTED_TRANSACTION",
                  "ISA09_INVALID",
                  "ISA10_INVALID",
                  "ISA12_INVALID",
                  "ISA13_INVALID",
                  "ISA15_INVALID",
                  "ISA16_INVALID"),
          "delimiter-collision", Set.of("DELIMITER_COLLISION"));

  /**
   * Envelope defects in files INDEX.tsv marks clean, checked by hand: the index missed them. Each
   * is reported as the file really has it.
   */
  static final Map<String, String> INDEX_MISSES =
      Map.of(
          "837p/kwx12__workflow_edi_sample_25_claims.txt",
              "SE02_MISMATCH", // SE02 000000001, ST02 0001
          "other/imsweb__x12_277_x212.txt", "IEA02_MISMATCH", // IEA02 842928883, ISA13 000000001
          "other/imsweb__x12_999_accepted.txt",
              "IEA02_MISMATCH"); // IEA02 000000001, ISA13 000000286

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
    List<X12Problem> problems = p.result().problems();
    if ("none".equals(sample.defects())) {
      String missed = INDEX_MISSES.get(sample.file());
      assertThat(problems)
          .as("a clean file has no envelope defect")
          .filteredOn(x -> EnvelopeDefects.standard().find(x.code()).isPresent())
          .filteredOn(x -> bound || !"UNSUPPORTED_TRANSACTION".equals(x.code()))
          .allMatch(x -> x.code().equals(missed), "is " + missed + " (missed by INDEX.tsv)");
      if (bound) {
        assertThat(problems).noneMatch(X12Problem::isError);
        assertThat(p.payments()).hasSize(sample.clp());
        assertThat(p.claims()).hasSize(sample.clm());
      }
    } else {
      assertThat(problems).as("defects %s", sample.defects()).isNotEmpty();
      if (p.result().envelopes().interchanges().isEmpty() && p.result().unreadable()) {
        // refused whole before any interchange (no ISA, or an ISA that cannot be read): the
        // defects behind it cannot be seen; the refusal names the file's first defect
        assertThat(problems.get(0).code()).isIn("NOT_X12", "ISA_INVALID", "DELIMITER_COLLISION");
        return;
      }
      Set<String> codes = problems.stream().map(X12Problem::code).collect(Collectors.toSet());
      for (String tag : sample.defects().split(",")) {
        Set<String> naming = NAMED_BY.get(tag.trim());
        if (naming != null) {
          assertThat(codes)
              .as("%s is named by one of %s; reported: %s", tag, naming, problems)
              .containsAnyElementsOf(naming);
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void everyCodeNamingAnIndexTagIsReportedByTheGateway() {
    Set<String> fileLevel = Set.of("NOT_X12", "ISA_INVALID", "DELIMITER_COLLISION");
    NAMED_BY.values().stream()
        .flatMap(Set::stream)
        .filter(c -> !fileLevel.contains(c))
        .forEach(c -> assertThat(EnvelopeDefects.standard().find(c)).as(c).isPresent());
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
