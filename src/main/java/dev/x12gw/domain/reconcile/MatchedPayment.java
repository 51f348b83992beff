package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.Remittances;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 835 loop 2100 CLP of a case, matched: the 837 claim version it answers, each paid line (loop
 * 2110) with the submitted line (loop 2400) it answers, and how reversals pair with what they
 * reverse and the correction that follows. Payments refer to each other by their position in the
 * case's adjudication order.
 *
 * @param index position in {@link MatchedCase#payments()}
 * @param source the stored claim payment with its remittance
 * @param claim the claim version it answers, or null when the gateway has none
 * @param lines every paid line with its match, in SVC order
 * @param reversedBy position of the reversal that takes this payment back, or {@link #NONE}
 * @param original for a reversal: position of the payment it takes back, or {@link #NONE}
 * @param correction for a reversal: position of the correction that follows it, or {@link #NONE}
 */
public record MatchedPayment(
    int index,
    CasePayment source,
    SubmittedClaim claim,
    List<LineMatch> lines,
    int reversedBy,
    int original,
    int correction) {
  /** No such payment. */
  public static final int NONE = -1;

  public MatchedPayment {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    Objects.requireNonNull(source, "source");
    lines = List.copyOf(lines);
    if (reversedBy < NONE || original < NONE || correction < NONE) {
      throw new IllegalArgumentException("a paired payment is a position or NONE");
    }
  }

  /** The 835 header the payment came in. */
  public RemittanceHeader remittance() {
    return source.remittance();
  }

  /** The claim payment (CLP). */
  public ClaimPayment payment() {
    return source.payment();
  }

  /** BPR16, else DTM*405. */
  public LocalDate date() {
    return Remittances.adjudicationDate(source.remittance());
  }

  /** CLP02 = 22. */
  public boolean isReversal() {
    return Remittances.isReversal(source.payment());
  }

  /** Neither a reversal nor predetermination pricing: the payer decided the claim. */
  public boolean adjudicated() {
    return !isReversal() && !Remittances.isPredetermination(source.payment());
  }

  /** True when a later reversal takes this payment back. */
  public boolean reversed() {
    return reversedBy != NONE;
  }
}
