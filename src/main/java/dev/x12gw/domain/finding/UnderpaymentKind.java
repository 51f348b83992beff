package dev.x12gw.domain.finding;

/** Why a paid line is below what is owed. */
public enum UnderpaymentKind {
  /** Allowed (paid + patient responsibility) below the contracted amount for the code paid. */
  BELOW_CONTRACT,
  /** The payer paid another code (SVC01 ≠ SVC06) for less than the submitted code's contract. */
  DOWNCODED,
  /**
   * Out of network under the No Surprises Act: the initial payment (paid + patient cost sharing) is
   * below the configured target (billed charges, a percent of them, or a reference amount such as
   * the QPA). No contract applies.
   */
  NSA_INITIAL_PAYMENT
}
