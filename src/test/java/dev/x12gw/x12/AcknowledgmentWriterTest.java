package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AcknowledgmentWriterTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 27, 15, 0);
  private static SmooksX12Parser parser;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  static String ack(Path file) throws Exception {
    long[] control = {100};
    return new AcknowledgmentWriter(() -> control[0]++)
        .write(Parsed.read(parser, file).result().envelopes(), NOW);
  }

  static Stream<Path> fixtures() throws Exception {
    try (Stream<Path> s = Files.list(TestFiles.testdata(""))) {
      return s.filter(Files::isRegularFile).sorted().toList().stream();
    }
  }

  @Test
  void aQuarantinedTransactionIsRejectedWithItsSegmentAndElement() throws Exception {
    assertThat(ack(TestFiles.testdata("bad-amount-one-transaction-quarantined.835")))
        .isEqualTo(
            String.join(
                "~\n",
                "ISA*00*          *00*          *ZZ*GOODHEALTH     *ZZ*ACMEHEALTH     *261127*1500*^*00501*000000100*0*T*:",
                "GS*FA*GOODHEALTH*ACMEHEALTH*20261127*1500*100*X*005010X231A1",
                "ST*999*0001*005010X231A1",
                "AK1*HP*251*005010X221A1",
                "AK2*835*5001*005010X221A1",
                "IK3*CLP*8**8",
                "IK4*3**6",
                "IK5*R*5",
                "AK2*835*5002*005010X221A1",
                "IK5*A",
                "AK9*P*2*2*1",
                "SE*10*0001",
                "GE*1*100",
                "IEA*1*000000100~\n"));
  }

  @Test
  void interchangeDefectsGetATa1AndWarningsAnAcceptedWithErrors() throws Exception {
    String truncated = ack(TestFiles.testdata("truncated-second-transaction.835"));
    assertThat(truncated)
        .contains("TA1*000000241*261124*0800*E*023~")
        .contains("IK5*R*2~")
        .contains("AK9*P*2*2*1*3~");
    String se01 = ack(TestFiles.testdata("wrong-se01-count.835"));
    assertThat(se01).contains("IK5*E*4~").contains("AK9*E*1*1*1~").doesNotContain("TA1");
    assertThat(ack(TestFiles.testdata("not-x12.txt"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyAcknowledgmentParsesBackAsAValid999(Path fixture) throws Exception {
    String ack = ack(fixture);
    if (ack.isEmpty()) {
      return;
    }
    List<X12Problem> problems = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    EnvelopeTracker tracker =
        new EnvelopeTracker(
            new EnvelopeListener() {
              @Override
              public void interchangeStart(Segment isa) {}

              @Override
              public void groupStart(Segment gs) {}

              @Override
              public void transactionStart(Segment st, Transaction tx) {}

              @Override
              public void transactionSegment(Segment segment, Transaction tx, int position) {
                segments.add(segment);
              }

              @Override
              public void transactionEnd(Segment se, Transaction tx) {
                problems.addAll(tx.problems());
              }

              @Override
              public void groupEnd(Segment ge) {}

              @Override
              public void interchangeEnd(Segment iea) {}

              @Override
              public void problem(X12Problem problem) {
                problems.add(problem);
              }
            });
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(ack))) {
      Segment s;
      while ((s = t.next()) != null) {
        tracker.accept(s);
      }
    }
    tracker.finish();
    assertThat(problems).as(ack).isEmpty();
    long ak2 = segments.stream().filter(s -> s.id().equals("AK2")).count();
    long ik5 = segments.stream().filter(s -> s.id().equals("IK5")).count();
    assertThat(ik5).isEqualTo(ak2);
    for (Segment ak9 : segments.stream().filter(s -> s.id().equals("AK9")).toList()) {
      assertThat(ak9.element(1)).isIn("A", "E", "P", "R");
      assertThat(Integer.parseInt(ak9.element(4)))
          .isLessThanOrEqualTo(Integer.parseInt(ak9.element(3)));
    }

    try (EDIStreamReader reader =
        EDIInputFactory.newFactory()
            .createEDIStreamReader(
                new ByteArrayInputStream(ack.getBytes(StandardCharsets.US_ASCII)))) {
      while (reader.hasNext()) {
        EDIStreamEvent e = reader.next();
        if (e == EDIStreamEvent.ELEMENT_DATA_ERROR
            && reader.getErrorType()
                == io.xlate.edi.stream.EDIStreamValidationError.INVALID_CHARACTER_DATA
            && "ISA".equals(reader.getLocation().getSegmentTag())
            && (reader.getLocation().getElementPosition() == 11
                || reader.getLocation().getElementPosition() == 16)
            && ack.charAt(3) < ' ') {
          // StAEDI holds ISA11 and ISA16 to the X12 character set, where control characters are
          // not data: the sender's control-character delimiters declared there are accepted
          continue;
        }
        if (e == EDIStreamEvent.SEGMENT_ERROR
            || e == EDIStreamEvent.ELEMENT_DATA_ERROR
            || e == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR) {
          throw new AssertionError(
              "StAEDI finds "
                  + reader.getErrorType()
                  + " at "
                  + reader.getLocation()
                  + " in\n"
                  + ack);
        }
      }
    }
  }

  @Test
  void aSenderWithControlCharacterDelimitersGetsTheAcknowledgmentWithTheirs() throws Exception {
    String ack = ack(TestFiles.testdata("control-character-delimiters.837"));
    assertThat(ack)
        .startsWith("ISA\u001d00\u001d")
        .contains("\u001d\u001c\u001d00501\u001d")
        .contains("\u001dT\u001d\u001f\u001eGS\u001dFA\u001d")
        .contains("\u001eAK2\u001d837\u001d0001\u001d005010X222A1\u001eIK5\u001dA\u001e")
        .endsWith("IEA\u001d1\u001d000000100\u001e")
        .doesNotContain("*", "~", "\n");
    // read back the way the sender would: the delimiters come from the ISA
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(ack))) {
      List<String> ids = new ArrayList<>();
      Segment s;
      while ((s = t.next()) != null) {
        ids.add(s.id());
        assertThat(s.delimiters())
            .isEqualTo(new Delimiters('\u001d', '\u001f', '\u001c', '\u001e'));
      }
      assertThat(ids)
          .containsExactly("ISA", "GS", "ST", "AK1", "AK2", "IK5", "AK9", "SE", "GE", "IEA");
    }
  }

  @Test
  void envelopeDefectsGetTheirTa1AndIk5Codes() throws Exception {
    assertThat(ack(TestFiles.testdata("isa16-two-characters.837")))
        .contains("TA1*000000506*261201*1210*R*027~")
        .doesNotContain("GS*FA")
        .contains("IEA*0*");
    assertThat(ack(TestFiles.testdata("isa09-ccyymmdd-isa12-guide-id.835")))
        .contains("TA1*000000504*261203*0905*E*014~")
        .contains("IK5*A~");
    assertThat(ack(TestFiles.testdata("isa10-time-isa15-usage-invalid.835")))
        .contains("TA1*000000505*261203*1500*E*015~");
    assertThat(ack(TestFiles.testdata("gs01-hp-group-holding-837s.837")))
        .contains("AK1*HP*502*005010X221A1~")
        .contains("AK2*837*0001*005010X222A1~\nIK5*E*19*6~")
        .contains("AK2*837*0002*005010X221A1~\nIK5*R*19~")
        .contains("AK9*P*2*2*1~");
    assertThat(ack(TestFiles.testdata("gs08-professional-st03-institutional.837")))
        .contains("IK5*E*19~\nAK9*E*1*1*1~");
    assertThat(ack(TestFiles.testdata("gs08-5010-no-st03.835")))
        .contains("AK2*835*5071*5010~\nIK5*R*1~");
  }
}
