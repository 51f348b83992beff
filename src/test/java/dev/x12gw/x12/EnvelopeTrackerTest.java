package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTrackerTest {
  private static final String ISA =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*^*00501*000000101*0*T*:~";

  /** Records what the tracker reports. */
  private static final class Recorder implements EnvelopeListener {
    final List<String> events = new ArrayList<>();
    final List<X12Problem> problems = new ArrayList<>();
    final List<Transaction> ended = new ArrayList<>();

    @Override
    public void interchangeStart(Segment isa) {
      events.add("ISA");
    }

    @Override
    public void groupStart(Segment gs) {
      events.add("GS");
    }

    @Override
    public void transactionStart(Segment st, Transaction tx) {
      events.add("ST " + tx.controlNumber() + " " + tx.guide());
    }

    @Override
    public void transactionSegment(Segment segment, Transaction tx, int position) {
      events.add(segment.id() + "@" + position);
    }

    @Override
    public void transactionEnd(Segment se, Transaction tx) {
      events.add(se == null ? "SE missing" : "SE");
      ended.add(tx);
      problems.addAll(tx.problems());
    }

    @Override
    public void groupEnd(Segment ge) {
      events.add(ge == null ? "GE missing" : "GE");
    }

    @Override
    public void interchangeEnd(Segment iea) {
      events.add(iea == null ? "IEA missing" : "IEA");
    }

    @Override
    public void problem(X12Problem problem) {
      problems.add(problem);
    }
  }

  private static Recorder track(String text) throws Exception {
    Recorder r = new Recorder();
    EnvelopeTracker tracker = new EnvelopeTracker(r);
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(text))) {
      Segment s;
      while ((s = t.next()) != null) {
        tracker.accept(s);
      }
    }
    tracker.finish();
    return r;
  }

  private static List<String> codes(Recorder r) {
    return r.problems.stream().map(X12Problem::code).toList();
  }

  @Test
  void wellFormedInterchangeHasNoProblems() throws Exception {
    Recorder r =
        track(
            ISA
                + "GS*HP*A*B*20261101*1200*7*X*005010X221A1~ST*835*0001~BPR*I~SE*3*0001~"
                + "ST*835*0002~SE*2*0002~GE*2*7~IEA*1*000000101~");
    assertThat(r.events)
        .containsExactly(
            "ISA", "GS", "ST 0001 835", "BPR@2", "SE", "ST 0002 835", "SE", "GE", "IEA");
    assertThat(r.problems).isEmpty();
  }

  @Test
  void wrongSe01IsAWarningNamingTheCounts() throws Exception {
    Recorder r =
        track(
            ISA
                + "GS*HP*A*B*1*1*7*X*005010X221A1~ST*835*0001~BPR*I~SE*9*0001~GE*1*7~IEA*1*000000101~");
    X12Problem p = r.problems.get(0);
    assertThat(p.code()).isEqualTo("SE01_COUNT");
    assertThat(p.severity()).isEqualTo(X12Problem.Severity.WARNING);
    assertThat(p.message()).contains("says 9").contains("has 3");
    assertThat(p.interchangeControlNumber()).isEqualTo("000000101");
    assertThat(p.groupControlNumber()).isEqualTo("7");
    assertThat(p.transactionControlNumber()).isEqualTo("0001");
    assertThat(p.segmentPosition()).isEqualTo(3);
    assertThat(p.segmentId()).isEqualTo("SE");
    assertThat(p.elementPosition()).isEqualTo(1);
    assertThat(r.ended.get(0).isRejected()).isFalse();
  }

  @Test
  void transactionWithoutSeIsQuarantinedAndTheNextOneRead() throws Exception {
    Recorder r =
        track(
            ISA
                + "GS*HP*A*B*1*1*7*X*005010X221A1~ST*835*0001~BPR*I~ST*835*0002~SE*2*0002~GE*2*7~IEA*1*000000101~");
    assertThat(codes(r)).containsExactly("MISSING_SE");
    assertThat(r.ended.get(0).isRejected()).isTrue();
    assertThat(r.ended.get(1).isRejected()).isFalse();
  }

  @Test
  void truncatedFileReportsWhatIsMissing() throws Exception {
    Recorder r = track(ISA + "GS*HP*A*B*1*1*7*X*005010X221A1~ST*835*0001~BPR*I~");
    assertThat(codes(r)).containsExactly("MISSING_SE", "MISSING_GE", "MISSING_IEA");
    assertThat(r.events).endsWith("SE missing", "GE missing", "IEA missing");
  }

  @Test
  void controlNumberAndCountMismatchesAreWarnings() throws Exception {
    Recorder r =
        track(ISA + "GS*HP*A*B*1*1*7*X*005010X221A1~ST*835*0001~SE*2*0009~GE*5*8~IEA*3*000000999~");
    assertThat(codes(r))
        .containsExactly(
            "SE02_MISMATCH", "GE01_COUNT", "GE02_MISMATCH", "IEA01_COUNT", "IEA02_MISMATCH");
    assertThat(r.problems).noneMatch(X12Problem::isError);
  }

  @Test
  void invalidSegmentIdQuarantinesItsTransaction() throws Exception {
    Recorder r =
        track(
            ISA
                + "GS*HP*A*B*1*1*7*X*005010X221A1~ST*835*0001~bpr*I~SE*3*0001~GE*1*7~IEA*1*000000101~");
    assertThat(codes(r)).containsExactly("INVALID_SEGMENT_ID");
    assertThat(r.problems.get(0).segmentPosition()).isEqualTo(2);
    assertThat(r.ended.get(0).isRejected()).isTrue();
  }

  @Test
  void strayErrorsAreSummarizedAfterTen() throws Exception {
    StringBuilder text = new StringBuilder(ISA);
    for (int i = 0; i < 25; i++) {
      text.append("NTE*X~");
    }
    Recorder r = track(text.append("IEA*0*000000101~").toString());
    assertThat(r.problems).hasSize(EnvelopeTracker.STRAY_REPORT_LIMIT + 1);
    assertThat(r.problems.get(r.problems.size() - 1).message()).startsWith("15 more segment(s)");
  }

  @Test
  void guideComesFromTheVersion() {
    assertThat(Transaction.guideOf("837", "005010X222A1")).isEqualTo("837P");
    assertThat(Transaction.guideOf("837", "005010X223A2")).isEqualTo("837I");
    assertThat(Transaction.guideOf("837", "005010X224A2")).isEqualTo("837D");
    assertThat(Transaction.guideOf("837", "005010")).isEqualTo("837");
    assertThat(Transaction.guideOf("835", "005010X221A1")).isEqualTo("835");
    assertThat(Transaction.guideOf("8 3", "")).isEqualTo("UNKNOWN");
  }
}
