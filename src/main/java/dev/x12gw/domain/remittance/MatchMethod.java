package dev.x12gw.domain.remittance;

/** 835 loop 2110 to 837 loop 2400: how a paid service line was tied to its submitted line. */
public enum MatchMethod {
  /** 835 REF*6R equals the 837 line's REF*6R line item control number. */
  LINE_CONTROL_NUMBER,
  /** 835 REF*6R equals the 837 LX01 (the claim had no 6R; the payer split or renumbered it). */
  ORIGINAL_LINE_NUMBER,
  /** SVC01 procedure, modifiers, service date and units equal the submitted line's. */
  PROCEDURE_DATE_UNITS,
  /** SVC06 (the code as submitted, the payer recoded the line), date and units. */
  SUBMITTED_PROCEDURE_DATE_UNITS,
  /** Same procedure code and date; modifiers or units differ. */
  PROCEDURE_DATE,
  /** No submitted line fits. */
  UNMATCHED,
  /** The 837 claim is not known. */
  NO_CLAIM
}
