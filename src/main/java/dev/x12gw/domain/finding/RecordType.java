package dev.x12gw.domain.finding;

/**
 * Every kind of record the gateway publishes (contract version 1): the one list of them. Each
 * carries the queue it goes to and its category; the queue table, the queue settings and the
 * schema's {@code recordType} values are this list ({@code RecordTypeListTest} checks the docs). A
 * new record type is a constant here, its finding type, the rule that finds it, and its
 * documentation.
 */
public enum RecordType {
  /** The claim paid nothing and payer-liable adjustments (or CLP02 = 4) explain it. */
  CLAIM_DENIAL(RecordQueue.DENIALS, Category.DENIAL),
  /** A line paid nothing while the claim was otherwise paid. */
  LINE_DENIAL(RecordQueue.DENIALS, Category.DENIAL),
  /** A line paid below its contract, or downcoded. */
  UNDERPAYMENT(RecordQueue.UNDERPAYMENTS, Category.UNDERPAYMENT),
  /** Money taken back: a reversal net of its correction, or a PLB against the claim. */
  RECOUPMENT(RecordQueue.EXCEPTIONS, Category.RECOUPMENT),
  /** The 835 does not balance at line, claim or transaction level. */
  BALANCING_EXCEPTION(RecordQueue.EXCEPTIONS, Category.EXCEPTION),
  /** A claim payment (or one of its lines) whose 837 claim (or line) the gateway has not seen. */
  UNMATCHED_REMIT(RecordQueue.UNMATCHED_REMITS, Category.UNMATCHED),
  /** A later remittance paid a claim or line that had been denied. */
  DENIAL_OVERTURNED(RecordQueue.RESOLUTIONS, Category.RESOLUTION),
  /** A finding published earlier no longer holds: on the queue of the record it withdraws. */
  FINDING_WITHDRAWN(null, Category.WITHDRAWAL),
  /** A defect that quarantined data (file, rest of file, transaction set or stray segment). */
  INTAKE_ERROR(RecordQueue.ERRORS, Category.INTAKE),
  /** A defect the gateway accepted as sent. */
  INTAKE_WARNING(RecordQueue.ERRORS, Category.INTAKE),
  /**
   * A payer's denial or underpayment rate for a family × service line rose clearly above its own
   * baseline or above the other payers' (the control room's payer pattern detection).
   */
  PAYER_PATTERN(RecordQueue.ALERTS, Category.ALERT),
  /**
   * An outgoing claim the pre-submission scrubber held (a hard stop in {@code enforce} mode), with
   * every finding; it is forwarded once released.
   */
  CLAIM_HELD(RecordQueue.PREBILL, Category.QUALITY),
  /**
   * An outgoing claim the pre-submission scrubber forwarded with findings: warnings in {@code
   * enforce} mode, any finding in {@code advise} mode.
   */
  CLAIM_SCRUBBED(RecordQueue.PREBILL, Category.QUALITY),
  /**
   * A scrub rule learned from the store's denials (payer × CARC × procedure), with its evidence and
   * its row for {@code config/scrubber/payer-rules.csv}; published once per rule id.
   */
  SCRUB_RULE_SUGGESTED(RecordQueue.PREBILL, Category.QUALITY);

  /** What a record is about: payer intelligence counts DENIAL, UNDERPAYMENT and RECOUPMENT. */
  public enum Category {
    DENIAL,
    UNDERPAYMENT,
    RECOUPMENT,
    EXCEPTION,
    UNMATCHED,
    RESOLUTION,
    WITHDRAWAL,
    INTAKE,
    ALERT,
    QUALITY
  }

  private final RecordQueue queue;
  private final Category category;

  RecordType(RecordQueue queue, Category category) {
    this.queue = queue;
    this.category = category;
  }

  /**
   * The queue records of this type go to; null for {@link #FINDING_WITHDRAWN}, which goes to the
   * queue of the record it withdraws.
   */
  public RecordQueue queue() {
    return queue;
  }

  public Category category() {
    return category;
  }
}
