package dev.x12gw.domain;

/** The kinds of record the gateway publishes for a remittance (contract version 1). */
public enum RecordType {
  /** The claim paid nothing and payer-liable adjustments (or CLP02 = 4) explain it. */
  CLAIM_DENIAL,
  /** A line paid nothing while the claim was otherwise paid. */
  LINE_DENIAL,
  /** A line paid below its contract, or downcoded. */
  UNDERPAYMENT,
  /** Money taken back: a reversal net of its correction, or a PLB against the claim. */
  RECOUPMENT,
  /** The 835 does not balance at line, claim or transaction level. */
  BALANCING_EXCEPTION,
  /** A claim payment (or one of its lines) whose 837 claim (or line) the gateway has not seen. */
  UNMATCHED_REMIT,
  /** A later remittance paid a claim or line that had been denied. */
  DENIAL_OVERTURNED
}
