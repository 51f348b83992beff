package dev.x12gw.domain.classification;

/** Port: what the gateway has seen of a payer's denials so far (for observed overturn rates). */
public interface PayerHistory {
  /**
   * Denials classified in a family for a payer, and how many of them a later payment overturned.
   */
  record Observed(long denials, long overturned) {
    public Observed {
      if (denials < 0 || overturned < 0 || overturned > denials) {
        throw new IllegalArgumentException("observed " + overturned + " of " + denials);
      }
    }
  }

  /**
   * @param payerId normalised payer id
   * @param excludedFindingKey a finding not to count (the one being classified, whose earlier
   *     version may be on record), or null
   */
  Observed observed(String payerId, DenialFamily family, String excludedFindingKey);

  /** No history. */
  static PayerHistory none() {
    return (payer, family, excluded) -> new Observed(0, 0);
  }
}
