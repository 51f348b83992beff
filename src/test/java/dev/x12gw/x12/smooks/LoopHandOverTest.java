package dev.x12gw.x12.smooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.EnvelopeListener;
import dev.x12gw.x12.EnvelopeTracker;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.Transaction;
import dev.x12gw.x12.TransactionBinder;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12Tokenizer;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ST/SE loops of {@link X12SegmentReader}: the segments {@link LoopBindingVisitor} hands to a
 * binder are the segments a straight {@link X12Tokenizer} gives, with the same text, position in
 * the transaction set, file position and offset, every one once and in order.
 */
class LoopHandOverTest {
  @TempDir static Path dir;

  private static SmooksX12Parser parser;

  /** Records what it is handed, as {@link #line} puts it. */
  public static final class Recorder implements TransactionBinder {
    static final List<String> SEEN = new ArrayList<>();

    private final Transaction tx;

    public Recorder(Transaction tx, SourceRef source, BindingSink sink) {
      this.tx = tx;
    }

    @Override
    public void segment(Segment segment, int position) {
      SEEN.add(line(tx, segment, position));
    }

    @Override
    public void end() {}
  }

  @BeforeAll
  static void open() throws Exception {
    StringBuilder config =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd">
                <params>
                    <param name="stream.filter.type">SAX NG</param>
                    <param name="default.serialization.on">false</param>
                </params>
                <reader class="dev.x12gw.x12.smooks.X12SegmentReader"/>
            """);
    for (String guide : List.of("835", "837P", "837I", "837D", "837")) {
      config.append(
          """
              <resource-config selector="T%1$s">
                  <resource>dev.x12gw.x12.smooks.TransactionBindingVisitor</resource>
                  <param name="binder">%2$s</param>
              </resource-config>
              <resource-config selector="T%1$s/*">
                  <resource>dev.x12gw.x12.smooks.LoopBindingVisitor</resource>
              </resource-config>
          """
              .formatted(guide, Recorder.class.getName()));
    }
    config.append("</smooks-resource-list>\n");
    Path file = dir.resolve("recorder.smooks.xml");
    Files.writeString(file, config);
    parser = new SmooksX12Parser(file);
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "every-remittance-segment.835",
        "every-claim-segment.837",
        "claims-professional-3.837",
        "two-interchanges-own-delimiters.835",
        "control-character-delimiters.835",
        "control-character-delimiters.837",
        "pipe-separators-newlines.835",
        "newline-terminator-bom.835",
        "crlf-line-endings.837",
        "wrapped-lines.835",
        "unpadded-isa.835"
      })
  void loopsHandOverTheTokenizersSegmentsAtTheirPositions(String name) throws Exception {
    Path file = TestFiles.testdata(name);
    List<String> expected = tokenized(file);
    assertThat(expected).hasSizeGreaterThan(5);
    assertThat(bound(file)).containsExactlyElementsOf(expected);
  }

  @Test
  void aLoopLongerThanTheLimitIsHandedOverInPartsAtExactPositions() throws Exception {
    // a TA1 inside the transaction takes a file position but no position in the transaction set
    StringBuilder x12 =
        new StringBuilder(
            "ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*GOODHEALTH     *261130*0800*^"
                + "*00501*000000299*0*T*:~GS*HP*ACMEHEALTH*GOODHEALTH*20261130*0800*299*X"
                + "*005010X221A1~ST*835*0001*005010X221A1~BPR*I*10*C*NON************20261130~"
                + "TRN*1*T1*1123456789~N1*PR*PAYER~N1*PE*PAYEE*XX*1234567893~"
                + "CLP*PCN1*1*100*10**MC*ICN1~");
    int body = 5; // BPR to the first CLP
    int cas = 0;
    while (x12.length() < 2 * X12SegmentReader.MAX_LOOP_CHARS + 200_000) {
      x12.append("CAS*CO*45*").append(++cas).append(".00~");
      body++;
      if (cas == 1000) {
        x12.append("TA1*000000299*261130*0800*A*000~");
      }
    }
    body++;
    x12.append("CLP*PCN2*1*100*10**MC*ICN2~SE*").append(body + 2).append("*0001~");
    x12.append("GE*1*299~IEA*1*000000299~");
    Path file = dir.resolve("long-loop.835");
    Files.writeString(file, x12);

    List<String> expected = tokenized(file);
    assertThat(expected).hasSize(body);
    assertThat(expected.get(expected.size() - 1))
        .startsWith("000000299/0001 #" + (body + 1) + " @" + (body + 4) + " +")
        .endsWith(" CLP*PCN2*1*100*10**MC*ICN2");
    assertThat(bound(file)).containsExactlyElementsOf(expected);
  }

  /** What the binder is handed from {@code file}, through Smooks; fails on a rejected set. */
  private static List<String> bound(Path file) throws Exception {
    Recorder.SEEN.clear();
    ReadResult result =
        parser.parse(
            file,
            file.getFileName().toString(),
            new BindingSink() {
              @Override
              public void claim(SubmittedClaim claim) {}

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {}
            });
    assertThat(result.transactionsRejected()).as(result.problems().toString()).isZero();
    assertThat(result.transactionsAccepted()).isPositive();
    return List.copyOf(Recorder.SEEN);
  }

  /** The segments inside transaction sets, ST and SE excluded, as the tokenizer reads them. */
  private static List<String> tokenized(Path file) throws Exception {
    List<String> out = new ArrayList<>();
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
                out.add(line(tx, segment, position));
              }

              @Override
              public void transactionEnd(Segment se, Transaction tx) {}

              @Override
              public void groupEnd(Segment ge) {}

              @Override
              public void interchangeEnd(Segment iea) {}

              @Override
              public void problem(X12Problem problem) {}
            });
    try (X12Tokenizer tokenizer =
        new X12Tokenizer(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      Segment s;
      while ((s = tokenizer.next()) != null) {
        tracker.accept(s);
      }
    }
    tracker.finish();
    return out;
  }

  private static String line(Transaction tx, Segment segment, int position) {
    return tx.interchangeControlNumber()
        + "/"
        + tx.controlNumber()
        + " #"
        + position
        + " @"
        + segment.filePosition()
        + " +"
        + segment.offset()
        + " "
        + segment;
  }
}
