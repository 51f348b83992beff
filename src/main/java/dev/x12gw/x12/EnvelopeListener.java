package dev.x12gw.x12;

/** Receives the structure of an X12 stream as {@link EnvelopeTracker} recognises it. */
public interface EnvelopeListener {
  /** ISA: a new interchange with its own delimiters. */
  void interchangeStart(Segment isa);

  /** GS: a functional group starts. */
  void groupStart(Segment gs);

  /** ST: a transaction set starts; {@code st} is its segment 1. */
  void transactionStart(Segment st, Transaction tx);

  /** A segment inside the transaction, at {@code position} (ST = 1). */
  void transactionSegment(Segment segment, Transaction tx, int position);

  /**
   * The transaction ends, at its SE or because the next envelope segment or the end of the file
   * came first ({@code se} is null then and the transaction is rejected).
   */
  void transactionEnd(Segment se, Transaction tx);

  /** GE (or its absence, with {@code ge} null). */
  void groupEnd(Segment ge);

  /** IEA (or its absence, with {@code iea} null). */
  void interchangeEnd(Segment iea);

  /** A defect outside any transaction, or one that concerns the envelope. */
  void problem(X12Problem problem);
}
