package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  record Run(int status, String out) {}

  private static Run x12gw(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8));
  }

  private static String td(String name) {
    return TestFiles.testdata(name).toString();
  }

  @Test
  void acceptedFilesExitZeroAndSayWhatWasRead() throws Exception {
    Run run = x12gw("validate", td("claims-professional-3.837"), td("wrong-se01-count.835"));
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("claims-professional-3.837: ACCEPTED, 1 interchange(s), 1 transaction set(s)")
        .contains("ST02 0001 837 005010X222A1: accepted")
        .contains("wrong-se01-count.835: ACCEPTED WITH WARNINGS")
        .contains("ST02 6001 835 005010X221A1: accepted with warnings")
        .contains("WARNING SE01_COUNT ISA13=000000261 GS06=261 ST02=6001 segment 10 (SE01)");
  }

  @Test
  void quarantinedTransactionsExitOneWithTheirPlace(@TempDir Path acks) throws Exception {
    Run run =
        x12gw(
            "validate",
            "--ack-dir",
            acks.toString(),
            td("bad-amount-one-transaction-quarantined.835"),
            td("version-4010-unsupported.837"),
            td("not-x12.txt"));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("bad-amount-one-transaction-quarantined.835: QUARANTINED IN PART")
        .contains("ST02 5001 835 005010X221A1: REJECTED")
        .contains(
            "ERROR INVALID_NUMBER ISA13=000000251 GS06=251 ST02=5001 segment 8 (CLP03) [file segment 10]")
        .contains("ST02 5002 835 005010X221A1: accepted")
        .contains("version-4010-unsupported.837: REJECTED")
        .contains(
            "ERROR UNSUPPORTED_TRANSACTION ISA13=000000303 GS06=303 ST02=0303 segment 1 (ST03) [file segment 3]: ST03 '004010X098A1' at segment 1 is version 004010, not 005010; this gateway reads 005010X221A1 (835), 005010X222A1 (837P)")
        .contains("not-x12.txt: UNREADABLE");
    assertThat(Files.readString(acks.resolve("bad-amount-one-transaction-quarantined.835.999")))
        .contains("IK3*CLP*8**8~\nIK4*3**6~\nIK5*R*5~");
    assertThat(Files.readString(acks.resolve("version-4010-unsupported.837.999")))
        .contains("IK5*R*1~")
        .contains("AK9*R*1*1*0~");
    assertThat(acks.resolve("not-x12.txt.999")).doesNotExist();
  }

  @Test
  void generateWritesTheBenchmarkFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("g.835");
    Run run = x12gw("generate", "835", "1", file.toString());
    assertThat(run.status()).isZero();
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(1_000_000);
    assertThat(x12gw("validate", file.toString()).out()).contains(": ACCEPTED, 1 interchange(s)");
    assertThat(x12gw("generate", "999", "1", file.toString()).status()).isEqualTo(2);
  }

  /** The envelope scenarios of issue 18 (golden records in testdata/expected). */
  static java.util.stream.Stream<String> envelopeFixtures() {
    return java.util.stream.Stream.of(
        "gs08-professional-st03-institutional.837",
        "gs01-hp-group-holding-837s.837",
        "st01-837-holding-an-835-body.835",
        "isa09-ccyymmdd-isa12-guide-id.835",
        "isa10-time-isa15-usage-invalid.835",
        "isa16-two-characters.837",
        "gs08-5010-no-st03.835",
        "version-4010-unsupported.837");
  }

  /**
   * validate prints exactly the defects the gateway publishes as INTAKE_ERROR/INTAKE_WARNING
   * records (its golden records, which GoldenRecordsTest checks against analyze, the gateway's
   * intake without the broker), with the same severity and ST02.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("envelopeFixtures")
  void validateAndTheGatewayAgreeOnEnvelopeDefects(String fixture) throws Exception {
    java.util.regex.Pattern record =
        java.util.regex.Pattern.compile(
            "\"severity\":\"(\\w+)\",\"code\":\"(\\w+)\".*\"transactionControlNumber\":\"?(\\w+)\"?,");
    java.util.List<String> published = new java.util.ArrayList<>();
    for (String line :
        Files.readAllLines(TestFiles.testdata("expected").resolve(fixture + ".jsonl"))) {
      java.util.regex.Matcher m = record.matcher(line);
      if (line.contains("\"recordType\":\"INTAKE_") && m.find()) {
        published.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
      }
    }
    assertThat(published).isNotEmpty();
    assertThat(ValidateRun.defects(TestFiles.testdata(fixture)))
        .containsExactlyInAnyOrderElementsOf(published);
  }
}
