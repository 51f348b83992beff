package dev.x12gw.domain;

/** The kinds of record the gateway publishes for a remittance (contract version 1). */
public enum RecordType {
  /** The claim paid nothing and payer-liable adjustments (or CLP02 = 4) explain it. */
  CLAIM_DENIAL,
  /** A claim payment whose 837 claim the gateway has not seen (yet). */
  UNMATCHED_REMIT
}
