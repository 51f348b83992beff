package dev.x12gw.x12;

import dev.x12gw.x12.EnvelopeDefects.Defect;
import dev.x12gw.x12.X12Problem.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * ISA/IEA, GS/GE, ST/SE: recognises interchanges, groups and transaction sets in a segment stream
 * and checks their counts and control numbers.
 *
 * <p>Checks the ISA's fixed formats (ISA09 YYMMDD, ISA10 HHMM, ISA12 a 5-digit version, ISA13
 * numeric, ISA15 P/T, ISA16 one character) and that GS01, GS08, ST01, ST03 and the segment after ST
 * agree on the transaction set and its implementation guide.
 *
 * <p>Which defect is an error and which a warning is data: {@link EnvelopeDefects} (README "Bad
 * input"). An error in the ISA refuses every transaction set of the interchange, each with the
 * error; an error of a transaction set quarantines it; warnings accept the data as sent.
 */
public final class EnvelopeTracker {
  /** Length of a padded ISA including its terminator. */
  static final int ISA_LENGTH = 106;

  private static final DateTimeFormatter YYMMDD =
      DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private final EnvelopeListener listener;
  private final EnvelopeDefects defects = EnvelopeDefects.standard();
  private String isa13;
  private Segment isaSegment;

  /** ERRORs found in the current ISA: each transaction set of the interchange is refused. */
  private final List<Refusal> refusals = new ArrayList<>(1);

  private int refusedSets;
  private Segment gsSegment;
  private String gs01 = "";

  /** GS01/GS08 disagreements of the current set, reported once the segment after ST is seen. */
  private final List<Refusal> pending = new ArrayList<>(2);

  private boolean inInterchange;
  private int groupsInInterchange;
  private boolean inGroup;
  private String gs06 = "";
  private String gs08 = "";
  private int transactionsInGroup;
  private Transaction tx;
  private int transactions;
  private int strayReported;
  private int straySuppressed;
  private Segment lastStray;

  /** A defect reported later: its code, message and element. */
  private record Refusal(String code, String message, int element) {}

  /** Stray segments (outside transactions, bad ids) reported one by one before summarizing. */
  static final int STRAY_REPORT_LIMIT = 10;

  public EnvelopeTracker(EnvelopeListener listener) {
    this.listener = listener;
  }

  /** Transaction sets seen so far. */
  public int transactions() {
    return transactions;
  }

  /** Feeds the next segment of the file. */
  public void accept(Segment s) {
    if (!s.hasValidId()) {
      String msg =
          "invalid segment id '" + printable(s.id()) + "' (expected 2-3 upper-case letters/digits)";
      if (tx != null) {
        int position = tx.countSegment();
        if (position == 2) {
          resolvePending(s);
        }
        tx.report(severity("INVALID_SEGMENT_ID"), "INVALID_SEGMENT_ID", msg, s, position, 0);
      } else {
        envelopeProblem(Severity.ERROR, "INVALID_SEGMENT_ID", msg + "; segment ignored", s, 0);
      }
      return;
    }
    switch (s.id()) {
      case "ISA" -> interchange(s);
      case "GS" -> group(s);
      case "ST" -> transaction(s);
      case "SE" -> transactionEnd(s);
      case "GE" -> groupEnd(s);
      case "IEA" -> interchangeEnd(s);
      case "TA1" -> {
        if (!inInterchange || inGroup || tx != null) {
          envelopeProblem(
              Severity.ERROR,
              "SEGMENT_OUTSIDE_TRANSACTION",
              "TA1 belongs between ISA and the first GS; ignored",
              s,
              0);
        }
      }
      default -> {
        if (tx != null) {
          int position = tx.countSegment();
          if (position == 2) {
            resolvePending(s);
          }
          listener.transactionSegment(s, tx, position);
        } else {
          envelopeProblem(
              Severity.ERROR,
              "SEGMENT_OUTSIDE_TRANSACTION",
              "segment " + s.id() + " is outside any ST/SE transaction set; ignored",
              s,
              0);
        }
      }
    }
  }

  /** End of input: closes whatever is still open. */
  public void finish() {
    closeOpen(null, "end of file");
    if (straySuppressed > 0) {
      Segment last = lastStray;
      straySuppressed = -straySuppressed;
      envelopeProblem(
          Severity.ERROR,
          "SEGMENT_OUTSIDE_TRANSACTION",
          (-straySuppressed) + " more segment(s) outside any transaction set were ignored",
          last,
          0);
      straySuppressed = 0;
    }
  }

  private void interchange(Segment isa) {
    closeOpen(isa, "next ISA");
    isa13 = isa.element(13).trim();
    isaSegment = isa;
    refusals.clear();
    refusedSets = 0;
    inInterchange = true;
    groupsInInterchange = 0;
    listener.interchangeStart(isa);
    int length = isa.toString().length() + 1;
    if (length != ISA_LENGTH) {
      interchangeDefect(
          "ISA_LENGTH",
          "ISA is "
              + length
              + " characters, not "
              + ISA_LENGTH
              + " (fields not padded to fixed width); read by its separators",
          0);
    }
    String isa09 = isa.element(9).trim();
    if (!isDate(isa09)) {
      interchangeDefect(
          "ISA09_INVALID",
          "ISA09 interchange date '"
              + printable(isa09)
              + "' is not a YYMMDD date"
              + (isa09.matches("\\d{8}") ? " (8 digits: a CCYYMMDD date?)" : ""),
          9);
    }
    String isa10 = isa.element(10).trim();
    if (!isa10.matches("([01]\\d|2[0-3])[0-5]\\d")) {
      interchangeDefect(
          "ISA10_INVALID",
          "ISA10 interchange time '" + printable(isa10) + "' is not an HHMM time",
          10);
    }
    String isa12 = isa.element(12).trim();
    if (!isa12.matches("\\d{5}")) {
      interchangeDefect(
          "ISA12_INVALID",
          "ISA12 interchange control version '"
              + printable(isa12)
              + "' is not a 5-digit version such as 00501"
              + (ImplementationGuides.setOfGuide(isa12) != null
                  ? " (it is an implementation guide id, which belongs in GS08 and ST03)"
                  : ""),
          12);
    }
    if (!isa13.matches("\\d{1,9}")) {
      interchangeDefect(
          "ISA13_INVALID",
          "ISA13 interchange control number '" + printable(isa13) + "' is not numeric",
          13);
    }
    String isa15 = isa.element(15).trim();
    if (!isa15.equals("P") && !isa15.equals("T")) {
      interchangeDefect(
          "ISA15_INVALID",
          "ISA15 usage indicator '"
              + printable(isa15)
              + "' is not P (production) or T (test); read as production data",
          15);
    }
    String isa16 = isa.element(16);
    if (isa16.length() != 1) {
      interchangeDefect(
          "ISA16_INVALID",
          "ISA16 '"
              + printable(isa16)
              + "' is "
              + isa16.length()
              + " characters, not one component separator: which one the composites use cannot"
              + " be told",
          16);
    }
  }

  private static boolean isDate(String yymmdd) {
    if (!yymmdd.matches("\\d{6}")) {
      return false;
    }
    try {
      LocalDate.parse(yymmdd, YYMMDD);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * A defect of the ISA: a warning is reported on the interchange; an error refuses each of its
   * transaction sets (reported on each, see {@link #transaction}).
   */
  private void interchangeDefect(String code, String message, int element) {
    if (severity(code) == Severity.ERROR) {
      refusals.add(new Refusal(code, message, element));
    } else {
      envelopeProblem(Severity.WARNING, code, message, isaSegment, element);
    }
  }

  /** An interchange ends: ISA errors that refused no transaction set are reported on it. */
  private void interchangeClosed() {
    if (refusedSets == 0) {
      for (Refusal r : refusals) {
        envelopeProblem(
            Severity.ERROR,
            r.code(),
            r.message() + "; the interchange holds no transaction set to refuse",
            isaSegment,
            r.element());
      }
    }
    refusals.clear();
  }

  private void group(Segment gs) {
    if (tx != null) {
      missingSe(gs, "GS");
    }
    if (inGroup) {
      envelopeProblem(
          Severity.WARNING, "MISSING_GE", "group " + gs06 + " has no GE before the next GS", gs, 0);
      listener.groupEnd(null);
    }
    if (!inInterchange) {
      envelopeProblem(Severity.WARNING, "MISSING_ISA", "GS outside an interchange", gs, 0);
    }
    inGroup = true;
    groupsInInterchange++;
    transactionsInGroup = 0;
    gsSegment = gs;
    gs01 = gs.element(1).trim();
    gs06 = gs.element(6).trim();
    gs08 = gs.element(8).trim();
    listener.groupStart(gs);
  }

  private void transaction(Segment st) {
    if (tx != null) {
      missingSe(st, "ST");
    }
    if (!inGroup) {
      envelopeProblem(
          Severity.WARNING,
          "MISSING_GS",
          "transaction set " + st.element(2) + " is not inside a GS/GE functional group",
          st,
          0);
    }
    transactionsInGroup++;
    transactions++;
    String st03 = st.element(3).trim();
    String groupVersion = inGroup ? gs08 : "";
    String version = st03.isEmpty() ? groupVersion : st03;
    String source = !st03.isEmpty() ? "ST03" : version.isEmpty() ? "" : "GS08";
    tx =
        new Transaction(
            isa13 == null ? "" : isa13,
            inGroup ? gs06 : "",
            st.element(2).trim(),
            st.element(1).trim(),
            version,
            st.filePosition(),
            source,
            "ST03".equals(source) ? st.filePosition() : "GS08".equals(source) ? gs(0) : 0);
    for (Refusal r : refusals) {
      tx.report(
          Severity.ERROR,
          r.code(),
          r.message() + "; the transaction set is refused with its interchange " + isa13,
          "ISA",
          0,
          isaSegment.filePosition(),
          r.element());
      refusedSets++;
    }
    checkAgreement(st03);
    listener.transactionStart(st, tx);
  }

  /** File segment position of the current GS, or {@code otherwise} outside a group. */
  private long gs(long otherwise) {
    return inGroup && gsSegment != null ? gsSegment.filePosition() : otherwise;
  }

  /**
   * GS01 against ST01, GS08 against ST03, and the guide read (ST03, else GS08) against ST01. A
   * guide of another transaction set than ST01 is an error now; a GS01 or GS08 that disagrees while
   * ST01 and the guide read agree is a warning once the segment after ST agrees too ({@link
   * #resolvePending}).
   */
  private void checkAgreement(String st03) {
    pending.clear();
    String st01 = tx.transactionSetId();
    String version = tx.version();
    String guideSet = ImplementationGuides.setOfGuide(version);
    String where =
        "ST03".equals(tx.versionSource())
            ? "ST03 '" + printable(version) + "' (segment 1)"
            : "GS08 '" + printable(version) + "' (file segment " + gs(0) + "; ST03 is absent)";
    if (guideSet != null && !guideSet.equals(st01)) {
      tx.report(
          severity("GUIDE_AMBIGUOUS"),
          "GUIDE_AMBIGUOUS",
          where
              + " is a guide of transaction set "
              + guideSet
              + " but ST01 is '"
              + printable(st01)
              + "': which implementation guide applies cannot be told; quarantined",
          "ST",
          1,
          tx.fileSegmentPosition(),
          "ST03".equals(tx.versionSource()) ? 3 : 1);
      return;
    }
    if (!inGroup) {
      return;
    }
    if (!st03.isEmpty() && !gs08.isEmpty() && !ImplementationGuides.agree(gs08, st03)) {
      pending.add(
          new Refusal(
              "GS08_ST03_MISMATCH",
              "GS08 '"
                  + printable(gs08)
                  + "' (file segment "
                  + gs(0)
                  + ") and ST03 '"
                  + printable(st03)
                  + "' (segment 1) name different implementation guides; read as "
                  + printable(st03)
                  + " ("
                  + tx.guide()
                  + "), by ST03",
              3));
    }
    String expected = ImplementationGuides.functionalId(st01);
    if (expected != null && !gs01.equals(expected)) {
      pending.add(
          new Refusal(
              "GS01_ST01_MISMATCH",
              "GS01 '"
                  + printable(gs01)
                  + "' (file segment "
                  + gs(0)
                  + ") is the functional identifier of "
                  + ImplementationGuides.setsOf(gs01)
                  + ", not of ST01 '"
                  + st01
                  + "', whose functional identifier is "
                  + expected
                  + "; read as "
                  + st01
                  + (version.isEmpty() ? "" : " " + printable(version) + " (" + tx.guide() + ")"),
              1));
    }
  }

  /**
   * The segment after ST: when GS01 or GS08 disagreed with the set, it must be the first segment of
   * ST01's transaction set for the disagreement to be a mere warning; otherwise the guide cannot be
   * told and the set is refused.
   */
  private void resolvePending(Segment second) {
    if (pending.isEmpty()) {
      return;
    }
    String st01 = tx.transactionSetId();
    String expected = ImplementationGuides.firstSegment(st01);
    if (second != null && expected != null && !expected.equals(second.id())) {
      String other = ImplementationGuides.setStartingWith(second.id());
      StringBuilder why = new StringBuilder();
      for (Refusal r : pending) {
        why.append("; ").append(r.message().replaceFirst("; read as .*$", ""));
      }
      tx.report(
          severity("GUIDE_AMBIGUOUS"),
          "GUIDE_AMBIGUOUS",
          "ST01 is '"
              + st01
              + "' but segment 2 is "
              + printable(second.id())
              + (other.isEmpty() ? "" : ", the first segment of a " + other)
              + ", not "
              + expected
              + why
              + ": which implementation guide applies cannot be told; quarantined",
          second,
          2,
          0);
    } else {
      for (Refusal r : pending) {
        tx.report(
            severity(r.code()),
            r.code(),
            r.message(),
            "ST",
            1,
            tx.fileSegmentPosition(),
            r.element());
      }
    }
    pending.clear();
  }

  private void transactionEnd(Segment se) {
    if (tx == null) {
      envelopeProblem(Severity.ERROR, "SE_WITHOUT_ST", "SE without a matching ST; ignored", se, 0);
      return;
    }
    int count = tx.countSegment();
    resolvePending(null);
    String declared = se.element(1).trim();
    if (!declared.equals(String.valueOf(count))) {
      tx.report(
          severity("SE01_COUNT"),
          "SE01_COUNT",
          "SE01 says " + printable(declared) + " segments but the transaction set has " + count,
          se,
          count,
          1);
    }
    if (!se.element(2).trim().equals(tx.controlNumber())) {
      tx.report(
          severity("SE02_MISMATCH"),
          "SE02_MISMATCH",
          "SE02 '"
              + printable(se.element(2))
              + "' does not match ST02 '"
              + tx.controlNumber()
              + "'",
          se,
          count,
          2);
    }
    Transaction done = tx;
    tx = null;
    listener.transactionEnd(se, done);
  }

  private void groupEnd(Segment ge) {
    if (tx != null) {
      missingSe(ge, "GE");
    }
    if (!inGroup) {
      envelopeProblem(Severity.ERROR, "GE_WITHOUT_GS", "GE without a matching GS; ignored", ge, 0);
      return;
    }
    if (!ge.element(1).trim().equals(String.valueOf(transactionsInGroup))) {
      envelopeProblem(
          Severity.WARNING,
          "GE01_COUNT",
          "GE01 says "
              + printable(ge.element(1))
              + " transaction sets but the group has "
              + transactionsInGroup,
          ge,
          1);
    }
    if (!ge.element(2).trim().equals(gs06)) {
      envelopeProblem(
          Severity.WARNING,
          "GE02_MISMATCH",
          "GE02 '" + printable(ge.element(2)) + "' does not match GS06 '" + gs06 + "'",
          ge,
          2);
    }
    inGroup = false;
    listener.groupEnd(ge);
    gs06 = "";
  }

  private void interchangeEnd(Segment iea) {
    if (tx != null) {
      missingSe(iea, "IEA");
    }
    if (inGroup) {
      envelopeProblem(
          Severity.WARNING, "MISSING_GE", "group " + gs06 + " has no GE before IEA", iea, 0);
      inGroup = false;
      listener.groupEnd(null);
      gs06 = "";
    }
    if (!inInterchange) {
      envelopeProblem(Severity.ERROR, "IEA_WITHOUT_ISA", "IEA without ISA; ignored", iea, 0);
      return;
    }
    if (!iea.element(1).trim().equals(String.valueOf(groupsInInterchange))) {
      envelopeProblem(
          Severity.WARNING,
          "IEA01_COUNT",
          "IEA01 says "
              + printable(iea.element(1))
              + " groups but the interchange has "
              + groupsInInterchange,
          iea,
          1);
    }
    if (!iea.element(2).trim().equals(isa13)) {
      envelopeProblem(
          Severity.WARNING,
          "IEA02_MISMATCH",
          "IEA02 '" + printable(iea.element(2)) + "' does not match ISA13 '" + isa13 + "'",
          iea,
          2);
    }
    inInterchange = false;
    interchangeClosed();
    listener.interchangeEnd(iea);
  }

  private void closeOpen(Segment at, String what) {
    if (tx != null) {
      Transaction open = tx;
      tx = null;
      pending.clear();
      open.report(
          severity("MISSING_SE"),
          "MISSING_SE",
          "transaction set has no SE before the " + what + " (truncated); quarantined",
          at,
          0,
          0);
      listener.transactionEnd(null, open);
    }
    if (inGroup) {
      envelopeProblem(
          Severity.WARNING, "MISSING_GE", "group " + gs06 + " has no GE before the " + what, at, 0);
      inGroup = false;
      listener.groupEnd(null);
      gs06 = "";
    }
    if (inInterchange) {
      envelopeProblem(
          Severity.WARNING,
          "MISSING_IEA",
          "interchange " + isa13 + " has no IEA before the " + what,
          at,
          0);
      inInterchange = false;
      interchangeClosed();
      listener.interchangeEnd(null);
    }
  }

  private void missingSe(Segment at, String next) {
    Transaction open = tx;
    tx = null;
    pending.clear();
    open.report(
        severity("MISSING_SE"),
        "MISSING_SE",
        "transaction set has no SE before the next " + next + " (truncated); quarantined",
        at,
        0,
        0);
    listener.transactionEnd(null, open);
  }

  private Severity severity(String code) {
    return defects.severity(code);
  }

  /**
   * A defect of the envelope: {@code severity} is what the place allows (a refused interchange's
   * errors, stray segments); a table row with another severity wins for envelope defects.
   */
  private void envelopeProblem(
      Severity severity, String code, String message, Segment at, int element) {
    Defect d = defects.get(code);
    if (d.scope() == EnvelopeDefects.Scope.ENVELOPE
        || d.scope() == EnvelopeDefects.Scope.STRAY_SEGMENT) {
      severity = d.severity();
    }
    if (severity == Severity.ERROR
        && straySuppressed >= 0
        && ("SEGMENT_OUTSIDE_TRANSACTION".equals(code) || "INVALID_SEGMENT_ID".equals(code))) {
      if (strayReported >= STRAY_REPORT_LIMIT) {
        straySuppressed++;
        lastStray = at;
        return;
      }
      strayReported++;
    }
    listener.problem(
        new X12Problem(
            severity,
            code,
            message,
            isa13,
            gs06,
            "",
            0,
            at == null ? 0 : at.filePosition(),
            at == null ? "" : at.id(),
            element));
  }

  /**
   * Makes a value safe for messages: at most 20 characters, control characters escaped ({@code
   * \x1d}, {@code \n}), other characters outside printable ASCII as '?'.
   */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 20; i++) {
      char c = s.charAt(i);
      if (c < ' ' || c == 0x7f) {
        sb.append(Delimiters.printable(c));
      } else {
        sb.append(c < 0x7f ? c : '?');
      }
    }
    return s.length() > 20 ? sb.append("...").toString() : sb.toString();
  }
}
