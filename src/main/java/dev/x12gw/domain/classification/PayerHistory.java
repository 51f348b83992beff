package dev.x12gw.domain.classification;

import java.time.LocalDate;

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
   * Denials of a payer and family decided on or before a day, and how many were overturned.
   *
   * @param payerId normalised payer id
   * @param excludedFindingKey a finding not to count (the one being classified, whose earlier
   *     version may be on record), or null
   * @param decidedBy count only denials whose remittance is dated on or before this day (old enough
   *     for an appeal or resubmission to have been paid); null counts every denial
   */
  Observed observed(
      String payerId, DenialFamily family, String excludedFindingKey, LocalDate decidedBy);

  /** Every denial of a payer and family, whatever its date. */
  default Observed observed(String payerId, DenialFamily family, String excludedFindingKey) {
    return observed(payerId, family, excludedFindingKey, null);
  }

  /** No history. */
  static PayerHistory none() {
    return (payer, family, excluded, decidedBy) -> new Observed(0, 0);
  }
}
