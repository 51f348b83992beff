package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.finding.Finding;
import java.util.List;

/**
 * 835 loop 2100 CLP: a reconciliation rule that looks at one claim payment of a matched case (and,
 * where it must, at the rest of the case) and gives its findings about that payment.
 *
 * @param <F> the findings it gives
 */
public interface PaymentRule<F extends Finding> {
  /** The findings about {@code p}, in record order; empty when the rule does not fire. */
  List<F> findings(MatchedCase c, MatchedPayment p);
}
