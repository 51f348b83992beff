package dev.x12gw.domain;

/** Why a paid line is below what is owed. */
public enum UnderpaymentKind {
  /** Allowed (paid + patient responsibility) below the contracted amount for the code paid. */
  BELOW_CONTRACT,
  /** The payer paid another code (SVC01 ≠ SVC06) for less than the submitted code's contract. */
  DOWNCODED
}
