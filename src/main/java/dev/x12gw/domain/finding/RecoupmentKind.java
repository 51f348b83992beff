package dev.x12gw.domain.finding;

/** How a payer took money back. */
public enum RecoupmentKind {
  /** CLP02 = 22 reversal, net of the correction that followed it. */
  REVERSAL,
  /** A PLB adjustment (WO, 72, ...) whose PLB03-2 references the claim. */
  PROVIDER_ADJUSTMENT
}
