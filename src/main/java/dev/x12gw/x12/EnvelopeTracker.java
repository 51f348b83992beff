package dev.x12gw.x12;

import dev.x12gw.x12.X12Problem.Severity;

/**
 * ISA/IEA, GS/GE, ST/SE: recognises interchanges, groups and transaction sets in a segment stream
 * and checks their counts and control numbers.
 *
 * <p>Policy for defects real senders make (documented in README "Bad input"): structural breaks
 * that lose data (a transaction without SE, an invalid segment id inside a transaction) are errors
 * that quarantine the transaction; counting and control-number mismatches (SE01, SE02, GE01, GE02,
 * IEA01, IEA02), an unpadded ISA, and a missing GE/IEA after a complete transaction are warnings:
 * the data is accepted as sent and the warning is reported.
 */
public final class EnvelopeTracker {
  /** Length of a padded ISA including its terminator. */
  static final int ISA_LENGTH = 106;

  private final EnvelopeListener listener;
  private String isa13;
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
        tx.report(Severity.ERROR, "INVALID_SEGMENT_ID", msg, s, tx.countSegment(), 0);
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
          listener.transactionSegment(s, tx, tx.countSegment());
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
    inInterchange = true;
    groupsInInterchange = 0;
    listener.interchangeStart(isa);
    int length = isa.toString().length() + 1;
    if (length != ISA_LENGTH) {
      envelopeProblem(
          Severity.WARNING,
          "ISA_LENGTH",
          "ISA is "
              + length
              + " characters, not "
              + ISA_LENGTH
              + " (fields not padded to fixed width); read by its separators",
          isa,
          0);
    }
    if (!isa13.matches("\\d{1,9}")) {
      envelopeProblem(
          Severity.WARNING,
          "ISA13_INVALID",
          "ISA13 interchange control number '" + printable(isa13) + "' is not numeric",
          isa,
          13);
    }
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
    String version = st.element(3).isBlank() ? gs08 : st.element(3).trim();
    tx =
        new Transaction(
            isa13 == null ? "" : isa13,
            inGroup ? gs06 : "",
            st.element(2).trim(),
            st.element(1).trim(),
            version,
            st.filePosition());
    listener.transactionStart(st, tx);
  }

  private void transactionEnd(Segment se) {
    if (tx == null) {
      envelopeProblem(Severity.ERROR, "SE_WITHOUT_ST", "SE without a matching ST; ignored", se, 0);
      return;
    }
    int count = tx.countSegment();
    String declared = se.element(1).trim();
    if (!declared.equals(String.valueOf(count))) {
      tx.report(
          Severity.WARNING,
          "SE01_COUNT",
          "SE01 says " + printable(declared) + " segments but the transaction set has " + count,
          se,
          count,
          1);
    }
    if (!se.element(2).trim().equals(tx.controlNumber())) {
      tx.report(
          Severity.WARNING,
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
    listener.interchangeEnd(iea);
  }

  private void closeOpen(Segment at, String what) {
    if (tx != null) {
      Transaction open = tx;
      tx = null;
      open.report(
          Severity.ERROR,
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
      listener.interchangeEnd(null);
    }
  }

  private void missingSe(Segment at, String next) {
    Transaction open = tx;
    tx = null;
    open.report(
        Severity.ERROR,
        "MISSING_SE",
        "transaction set has no SE before the next " + next + " (truncated); quarantined",
        at,
        0,
        0);
    listener.transactionEnd(null, open);
  }

  private void envelopeProblem(
      Severity severity, String code, String message, Segment at, int element) {
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

  /** Makes a value safe for messages: printable ASCII only, at most 20 characters. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 20; i++) {
      char c = s.charAt(i);
      sb.append(c >= ' ' && c < 0x7f ? c : '?');
    }
    return s.length() > 20 ? sb.append("...").toString() : sb.toString();
  }
}
