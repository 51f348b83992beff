package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.reconcile.CaseFile.CaseAdjustment;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import java.util.List;
import java.util.Objects;

/**
 * 835 against 837 for one claim case, matched once ({@link CaseMatcher}) and read by every rule:
 * the claim versions in creation order, the claim payments in adjudication order each with its
 * claim and lines, the PLB adjustments that reference the case, and the policy the rules apply.
 */
public record MatchedCase(
    List<CaseClaim> claims,
    List<MatchedPayment> payments,
    List<CaseAdjustment> providerAdjustments,
    ReconciliationPolicy policy) {
  public MatchedCase {
    claims = List.copyOf(claims);
    payments = List.copyOf(payments);
    providerAdjustments = List.copyOf(providerAdjustments);
    Objects.requireNonNull(policy, "policy");
    for (int i = 0; i < payments.size(); i++) {
      MatchedPayment p = payments.get(i);
      if (p.index() != i) {
        throw new IllegalArgumentException("payment " + i + " has position " + p.index());
      }
      for (int other : new int[] {p.reversedBy(), p.original(), p.correction()}) {
        if (other >= payments.size()) {
          throw new IllegalArgumentException("payment " + i + " pairs with a payment not here");
        }
      }
    }
  }

  /** The latest claim version, or null when the case has no claim. */
  public SubmittedClaim latestClaim() {
    return claims.isEmpty() ? null : claims.get(claims.size() - 1).claim();
  }

  /** The payment a reversal takes back, or null. */
  public MatchedPayment originalOf(MatchedPayment reversal) {
    return at(reversal.original());
  }

  /** The correction that follows a reversal, or null. */
  public MatchedPayment correctionOf(MatchedPayment reversal) {
    return at(reversal.correction());
  }

  /** True when an 837 void (frequency 8) names the CLP07 a reversal takes back. */
  public boolean voided(MatchedPayment reversal) {
    String ccn = reversal.payment().payerClaimControlNumber();
    return ccn != null
        && claims.stream()
            .anyMatch(
                c ->
                    "8".equals(c.claim().frequencyCode())
                        && ccn.equals(c.claim().payerClaimControlNumber()));
  }

  private MatchedPayment at(int index) {
    return index == MatchedPayment.NONE ? null : payments.get(index);
  }
}
