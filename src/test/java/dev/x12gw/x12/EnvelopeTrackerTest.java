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

  private static String isa(String isa09, String isa10, String isa12, String isa15, String isa16) {
    return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *"
        + isa09
        + "*"
        + isa10
        + "*^*"
        + isa12
        + "*000000101*0*"
        + isa15
        + "*"
        + isa16
        + "~";
  }

  private static String group(String gs01, String gs08, String... sets) {
    StringBuilder sb = new StringBuilder("GS*" + gs01 + "*S*R*20261101*1200*1*X*" + gs08 + "~");
    for (String set : sets) {
      sb.append(set);
    }
    return sb.append("GE*").append(sets.length).append("*1~").toString();
  }

  /** A transaction set of three segments: ST, {@code first}, SE. */
  private static String set(String st01, String st02, String st03, String first) {
    return "ST*"
        + st01
        + "*"
        + st02
        + (st03 == null ? "" : "*" + st03)
        + "~"
        + first
        + "*X~SE*3*"
        + st02
        + "~";
  }

  @Test
  void isaFixedFormatsAreCheckedAndNamed() throws Exception {
    Recorder r =
        track(
            isa("20261101", "1260", "005010X222A1", "X", ":")
                + group("HC", "005010X222A1", set("837", "0001", "005010X222A1", "BHT"))
                + "IEA*1*000000101~");
    assertThat(codes(r))
        .containsExactly(
            "ISA_LENGTH", "ISA09_INVALID", "ISA10_INVALID", "ISA12_INVALID", "ISA15_INVALID");
    assertThat(r.problems).allMatch(p -> p.severity() == X12Problem.Severity.WARNING);
    assertThat(r.problems.get(1).message()).contains("'20261101'", "YYMMDD", "CCYYMMDD");
    assertThat(r.problems.get(1).elementPosition()).isEqualTo(9);
    assertThat(r.problems.get(3).message()).contains("'005010X222A1'", "implementation guide id");
    assertThat(r.ended.get(0).isRejected()).isFalse();
  }

  @Test
  void aValidIsaHasNoFormatDefects() throws Exception {
    for (String date : List.of("261101", "000229", "991231")) {
      Recorder r =
          track(
              isa(date, "2359", "00501", "P", ">")
                  + group("HP", "005010X221A1", set("835", "0001", "005010X221A1", "BPR"))
                  + "IEA*1*000000101~");
      assertThat(codes(r)).as(date).isEmpty();
    }
    assertThat(codes(track(isa("260230", "2400", "00501", "T", ":") + "IEA*0*000000101~")))
        .containsExactly("ISA09_INVALID", "ISA10_INVALID");
  }

  @Test
  void anIsa16OfTwoCharactersRefusesEverySetOfTheInterchange() throws Exception {
    Recorder r =
        track(
            isa("261101", "1200", "00501", "T", ":>")
                + group(
                    "HC",
                    "005010X222A1",
                    set("837", "0001", "005010X222A1", "BHT"),
                    set("837", "0002", "005010X222A1", "BHT"))
                + "IEA*1*000000101~");
    assertThat(r.ended).hasSize(2).allMatch(Transaction::isRejected);
    assertThat(r.problems)
        .filteredOn(p -> p.code().equals("ISA16_INVALID"))
        .extracting(X12Problem::transactionControlNumber)
        .containsExactly("0001", "0002");
    assertThat(r.problems.get(1).message()).contains("ISA16 ':>' is 2 characters");
    assertThat(r.problems.get(1).segmentId()).isEqualTo("ISA");
    assertThat(r.problems.get(1).elementPosition()).isEqualTo(16);
    // GS follows the ISA as it should: ISA16 was read whole, the terminator after it
    assertThat(r.events).contains("GS", "BHT@2");
  }

  @Test
  void anIsa16ErrorWithNoSetToRefuseIsReportedOnTheInterchange() throws Exception {
    Recorder r = track(isa("261101", "1200", "00501", "T", ":>") + "IEA*0*000000101~");
    assertThat(r.problems)
        .filteredOn(p -> p.code().equals("ISA16_INVALID"))
        .singleElement()
        .satisfies(p -> assertThat(p.isError()).isTrue())
        .satisfies(p -> assertThat(p.message()).contains("holds no transaction set"));
  }

  @Test
  void gs08AndSt03NamingOtherGuidesOfTheSameSetIsAWarningReadByTheSt03() throws Exception {
    Recorder r =
        track(
            ISA
                + group("HC", "005010X222A1", set("837", "0001", "005010X223A2", "BHT"))
                + "IEA*1*000000101~");
    assertThat(codes(r)).containsExactly("GS08_ST03_MISMATCH");
    assertThat(r.problems.get(0).message())
        .contains("GS08 '005010X222A1' (file segment 2)", "ST03 '005010X223A2' (segment 1)")
        .contains("read as 005010X223A2 (837I), by ST03");
    assertThat(r.ended.get(0).guide()).isEqualTo("837I");
    assertThat(r.ended.get(0).isRejected()).isFalse();
  }

  @Test
  void addendaAndABareVersionInGs08AgreeWithSt03() throws Exception {
    for (String gs08 : List.of("005010X222", "005010X222A1", "005010")) {
      Recorder r =
          track(
              ISA
                  + group("HC", gs08, set("837", "0001", "005010X222A1", "BHT"))
                  + "IEA*1*000000101~");
      assertThat(codes(r)).as(gs08).isEmpty();
    }
    assertThat(
            codes(
                track(
                    ISA
                        + group("HC", "00501", set("837", "1", "005010X222A1", "BHT"))
                        + "IEA*1*000000101~")))
        .containsExactly("GS08_ST03_MISMATCH");
  }

  @Test
  void gs01OfAnotherSetIsAWarningWhenStAndItsFirstSegmentAgree() throws Exception {
    Recorder r =
        track(
            ISA
                + group(
                    "HP",
                    "005010X221A1",
                    set("837", "0001", "005010X222A1", "BHT"),
                    set("837", "0002", null, "BHT"),
                    set("837", "0003", "005010X222A1", "BPR"))
                + "IEA*1*000000101~");
    assertThat(r.problems)
        .extracting(p -> p.transactionControlNumber() + " " + p.severity() + " " + p.code())
        .containsExactly(
            "0001 WARNING GS08_ST03_MISMATCH",
            "0001 WARNING GS01_ST01_MISMATCH",
            "0002 ERROR GUIDE_AMBIGUOUS",
            "0003 ERROR GUIDE_AMBIGUOUS");
    assertThat(r.problems.get(1).message())
        .contains("GS01 'HP' (file segment 2) is the functional identifier of 835")
        .contains("not of ST01 '837', whose functional identifier is HC");
    assertThat(r.problems.get(2).message())
        .contains("GS08 '005010X221A1' (file segment 2; ST03 is absent)")
        .contains("guide of transaction set 835 but ST01 is '837'");
    assertThat(r.problems.get(3).message()).contains("segment 2 is BPR, not BHT");
    assertThat(r.problems.get(3).segmentPosition()).isEqualTo(2);
    assertThat(r.ended).extracting(Transaction::isRejected).containsExactly(false, true, true);
  }

  @Test
  void anSt03OfAnotherSetIsAnError() throws Exception {
    Recorder r =
        track(
            ISA
                + group("HC", "005010X222A1", set("837", "0001", "005010X221A1", "BHT"))
                + "IEA*1*000000101~");
    assertThat(codes(r)).containsExactly("GUIDE_AMBIGUOUS");
    assertThat(r.problems.get(0).message())
        .startsWith("ST03 '005010X221A1' (segment 1) is a guide of transaction set 835");
    assertThat(r.ended.get(0).isRejected()).isTrue();
  }

  @Test
  void controlCharactersInValuesAreEscapedInMessages() {
    assertThat(EnvelopeTracker.printable("A\u001dB\nC\u00d6")).isEqualTo("A\\x1dB\\nC?");
  }
}
