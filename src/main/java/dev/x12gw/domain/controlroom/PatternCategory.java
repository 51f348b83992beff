package dev.x12gw.domain.controlroom;

/** What a payer pattern counts: claims denied, or claims paid below their contract. */
public enum PatternCategory {
  /** Claims with a claim or line denial (record types CLAIM_DENIAL and LINE_DENIAL). */
  DENIAL,
  /** Claims with a line paid below its contract or downcoded (record type UNDERPAYMENT). */
  UNDERPAYMENT
}
