package dev.x12gw.domain.reconcile;

/** What became of a claim payment handed to the {@link Reconciler}. */
public enum PaymentResult {
  /** Stored; its case holds the 837 claim it answers. */
  MATCHED,
  /** Stored; the 837 claim has not been seen (yet). */
  UNMATCHED,
  /** Not stored: its remittance was taken in before (a re-sent 835). */
  DUPLICATE
}
