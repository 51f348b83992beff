package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.finding.BalancingException;
import dev.x12gw.domain.finding.ClaimDenial;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnmatchedRemit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 835 loop 2100 CLP: what the rules found about one claim payment of a case, rule by rule, in the
 * order they are recorded.
 */
public record PaymentFindings(
    MatchedPayment payment,
    List<DenialOverturned> overturns,
    List<Finding> denials,
    List<Underpayment> underpayments,
    List<UnmatchedRemit> unmatched,
    List<BalancingException> unbalanced) {
  public PaymentFindings {
    Objects.requireNonNull(payment, "payment");
    overturns = List.copyOf(overturns);
    denials = List.copyOf(denials);
    underpayments = List.copyOf(underpayments);
    unmatched = List.copyOf(unmatched);
    unbalanced = List.copyOf(unbalanced);
  }

  /** True when the payment denied the whole claim. */
  public boolean claimDenied() {
    return denials.stream().anyMatch(ClaimDenial.class::isInstance);
  }

  /** Every finding in record order: overturns, denials, underpayments, unmatched, unbalanced. */
  public List<Finding> all() {
    List<Finding> all = new ArrayList<>(overturns);
    all.addAll(denials);
    all.addAll(underpayments);
    all.addAll(unmatched);
    all.addAll(unbalanced);
    return List.copyOf(all);
  }
}
