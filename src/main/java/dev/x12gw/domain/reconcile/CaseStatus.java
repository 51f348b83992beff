package dev.x12gw.domain.reconcile;

/** Where a claim stands in its lifecycle (the store keeps it per case). */
public enum CaseStatus {
  /** Sent (837), no remittance yet. */
  SUBMITTED,
  /** Remittances only: the 837 claim has not been seen. */
  UNMATCHED,
  /** Paid as billed or as contracted, nothing open. */
  ADJUDICATED,
  /** The whole claim is denied and not yet resubmitted. */
  DENIED,
  /** Some lines are denied. */
  PARTIALLY_DENIED,
  /** Paid below contract or downcoded. */
  UNDERPAID,
  /** A replacement claim went out after the last denial; waiting for its remittance. */
  RESUBMITTED,
  /** Every denial was paid by a later remittance. */
  RECOVERED,
  /** The payment was reversed and nothing paid since. */
  REVERSED,
  /** Voided by the provider (CLM05-3 = 8). */
  CLOSED
}
