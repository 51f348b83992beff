package dev.x12gw.x12;

import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * State of reading one file, shared by the X12 reader and the binding visitors: the transaction
 * being read, its binder, the records it produced so far, and the problems found.
 *
 * <p>A reader that hands Smooks one element per loop gives the loop's segments, as it tokenized
 * them, to {@link #handOverLoop} before the element; the loop's binding visitor then binds them
 * with {@link #bindLoop()}: no segment is turned back into text or tokenized again.
 *
 * <p>Records stream to the downstream sink as their loops close, framed by the transaction set's
 * begin and end; the end says whether the transaction set was accepted, and the sink undoes a
 * quarantined one. Memory is bounded by one loop, not by the transaction set or the file.
 */
public final class X12ReadSession {
  private final String fileName;
  private final BindingSink downstream;
  private final List<X12Problem> problems = new ArrayList<>();
  private final EnvelopeReport envelopes = new EnvelopeReport();
  private final BindingSink buffer = new Counter();
  private long txClaims;
  private long txPayments;
  private Transaction transaction;
  private TransactionBinder binder;
  private Delimiters delimiters;
  private Segment current;
  private int currentPosition;
  private List<Segment> loop;
  private int loopPosition;
  private int accepted;
  private int rejected;
  private long claims;
  private long payments;
  private boolean unreadable;

  public X12ReadSession(String fileName, BindingSink downstream) {
    this.fileName = Objects.requireNonNull(fileName);
    this.downstream = Objects.requireNonNull(downstream);
  }

  public String fileName() {
    return fileName;
  }

  /** ISA: an interchange starts. */
  public void interchangeStart(Segment isa) {
    envelopes.interchangeStart(isa);
  }

  /** GS: a functional group starts. */
  public void groupStart(Segment gs) {
    envelopes.groupStart(gs);
  }

  /** GE (or its absence). */
  public void groupEnd() {
    envelopes.groupEnd();
  }

  /** IEA (or its absence). */
  public void interchangeEnd() {
    envelopes.interchangeEnd();
  }

  /** Called by the reader when ST starts a transaction set. */
  public void beginTransaction(Transaction tx, Delimiters delimiters) {
    this.transaction = tx;
    this.delimiters = delimiters;
    this.binder = null;
    this.txClaims = 0;
    this.txPayments = 0;
    downstream.beginTransaction(tx);
  }

  /** Called by the reader before it emits each segment of the transaction. */
  public void position(Segment segment, int position) {
    this.current = segment;
    this.currentPosition = position;
  }

  public Transaction transaction() {
    return transaction;
  }

  public Delimiters delimiters() {
    return delimiters;
  }

  /** Where binders hand the records of the current transaction. */
  public BindingSink buffer() {
    return buffer;
  }

  /** The source reference of the current transaction. */
  public SourceRef source() {
    return new SourceRef(
        fileName,
        transaction.interchangeControlNumber(),
        transaction.groupControlNumber(),
        transaction.controlNumber());
  }

  /** A binding visitor claims the current transaction. */
  public void bind(TransactionBinder binder) {
    this.binder = binder;
  }

  /**
   * Called by the reader before it emits a loop's element: the loop's segments as read, in order,
   * the first at {@code firstPosition} (ST = 1) and each next one at the next position. The list is
   * the reader's and stays unchanged until it emits its next loop.
   */
  public void handOverLoop(List<Segment> segments, int firstPosition) {
    this.loop = segments;
    this.loopPosition = firstPosition;
  }

  /**
   * Hands the segments of the loop the reader handed over last to the current binder, at their
   * positions (ST itself excepted: it is not part of the transaction's content); then forgets them,
   * so a loop is bound once at most.
   */
  public void bindLoop() {
    List<Segment> segments = loop;
    loop = null;
    if (segments == null) {
      return;
    }
    int position = loopPosition;
    for (int i = 0, n = segments.size(); i < n; i++) {
      Segment segment = segments.get(i);
      if (!"ST".equals(segment.id())) {
        bindSegment(segment, position);
      }
      position++;
    }
  }

  /** Hands a segment at {@code position} (ST = 1) to the current binder. */
  public void bindSegment(Segment segment, int position) {
    this.current = segment;
    this.currentPosition = position;
    bindSegment(segment);
  }

  /** Hands a segment to the current binder; a binding failure quarantines the transaction. */
  public void bindSegment(Segment segment) {
    if (binder == null || transaction.isRejected()) {
      return;
    }
    try {
      binder.segment(segment, currentPosition);
    } catch (X12BindingException e) {
      transaction.report(
          X12Problem.Severity.ERROR,
          e.code(),
          e.getMessage(),
          current,
          currentPosition,
          e.element());
    } catch (IllegalArgumentException | NullPointerException e) {
      transaction.report(
          X12Problem.Severity.ERROR,
          "INVALID_CONTENT",
          e.getMessage(),
          current,
          currentPosition,
          0);
    }
  }

  /** The current segment as the reader read it (positions, delimiters). */
  public Segment currentSegment() {
    return current;
  }

  /**
   * Called by the reader after the transaction's end element: flushes its records downstream when
   * it is complete and bound, or drops them and counts it quarantined.
   */
  public void endTransaction(boolean complete) {
    Transaction tx = transaction;
    if (binder == null) {
      if (tx.problems().stream().noneMatch(p -> "GUIDE_AMBIGUOUS".equals(p.code()))) {
        unsupported(tx);
      }
    } else if (complete && !tx.isRejected()) {
      try {
        binder.end();
      } catch (X12BindingException e) {
        tx.report(X12Problem.Severity.ERROR, e.code(), e.getMessage(), null, 0, e.element());
      } catch (IllegalArgumentException | NullPointerException e) {
        tx.report(X12Problem.Severity.ERROR, "INVALID_CONTENT", e.getMessage(), null, 0, 0);
      }
    }
    problems.addAll(tx.problems());
    envelopes.transaction(tx);
    if (tx.isRejected()) {
      rejected++;
    } else {
      accepted++;
      claims += txClaims;
      payments += txPayments;
    }
    downstream.endTransaction(!tx.isRejected());
    transaction = null;
    binder = null;
    loop = null;
  }

  /**
   * A transaction set no mapping binds: says what was read (ST01, and the version with the element
   * and segment it was read from), and what this gateway reads.
   */
  static void unsupported(Transaction tx) {
    String version = tx.version();
    String source = tx.versionSource();
    String read =
        "ST03".equals(source)
            ? "ST03 '" + EnvelopeTracker.printable(version) + "' at segment 1"
            : "GS08".equals(source)
                ? "GS08 '"
                    + EnvelopeTracker.printable(version)
                    + "' at file segment "
                    + tx.versionFilePosition()
                    + " (ST03 is absent)"
                : "";
    String message;
    if (source.isEmpty()) {
      message =
          "transaction set "
              + EnvelopeTracker.printable(tx.transactionSetId())
              + " names no version: ST03 and GS08 are both empty";
    } else if (!version.startsWith("00501")) {
      message =
          read
              + (version.matches("\\d{6}.*")
                  ? " is version " + version.substring(0, 6) + ", not 005010"
                  : " is not a 005010 guide id");
    } else {
      message =
          "transaction set "
              + EnvelopeTracker.printable(tx.transactionSetId())
              + " ("
              + read
              + ") has no mapping in edi-mappings";
    }
    tx.report(
        X12Problem.Severity.ERROR,
        "UNSUPPORTED_TRANSACTION",
        message + "; this gateway reads " + ImplementationGuides.supported() + "; quarantined",
        "GS08".equals(source) ? "GS" : "ST",
        "GS08".equals(source) ? 0 : 1,
        "GS08".equals(source) ? tx.versionFilePosition() : tx.fileSegmentPosition(),
        "GS08".equals(source) ? 8 : source.isEmpty() ? 1 : 3);
  }

  /** A defect outside any transaction. */
  public void problem(X12Problem p) {
    problems.add(p);
    envelopes.problem(p);
  }

  /** The rest of the file cannot be read. */
  public void unreadable(X12Problem p) {
    problems.add(p);
    unreadable = true;
  }

  public ReadResult result() {
    return new ReadResult(accepted, rejected, claims, payments, problems, unreadable, envelopes);
  }

  /** Counts what the current transaction produced and passes it on. */
  private final class Counter implements BindingSink {
    @Override
    public void claim(SubmittedClaim claim) {
      if (!transaction.isRejected()) {
        txClaims++;
        downstream.claim(claim);
      }
    }

    @Override
    public void payment(RemittanceHeader remittance, ClaimPayment payment) {
      if (!transaction.isRejected()) {
        txPayments++;
        downstream.payment(remittance, payment);
      }
    }

    @Override
    public void claim(SubmittedClaim claim, java.util.List<String> segments) {
      if (!transaction.isRejected()) {
        txClaims++;
        downstream.claim(claim, segments);
      }
    }

    @Override
    public void claim(
        SubmittedClaim claim,
        java.util.List<String> segments,
        int[] positions,
        Delimiters delimiters) {
      if (!transaction.isRejected()) {
        txClaims++;
        downstream.claim(claim, segments, positions, delimiters);
      }
    }

    @Override
    public void payment(
        RemittanceHeader remittance,
        ClaimPayment payment,
        java.util.List<String> headerSegments,
        java.util.List<String> segments) {
      if (!transaction.isRejected()) {
        txPayments++;
        downstream.payment(remittance, payment, headerSegments, segments);
      }
    }

    @Override
    public void remittanceEnd(RemittanceTrailer trailer) {
      if (!transaction.isRejected()) {
        downstream.remittanceEnd(trailer);
      }
    }
  }
}
