package dev.x12gw.domain.controlroom;

/** What a payer's rate in the period is compared with. */
public enum PatternComparison {
  /** The same payer's pooled rate over the months before the period. */
  OWN_BASELINE,
  /** The pooled rate of every other payer for the same family × service line in the period. */
  OTHER_PAYERS
}
