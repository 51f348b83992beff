package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.BalancingException;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.remittance.BalanceCheck;
import dev.x12gw.domain.remittance.BalanceLevel;
import dev.x12gw.domain.remittance.Balancing;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 835 balancing ({@value #RULE_UNBALANCED}): the line or claim equations of a claim payment, or the
 * transaction equation of a whole 835, do not hold.
 */
public final class BalanceRule implements PaymentRule<BalancingException> {
  public static final String RULE_UNBALANCED = "REMIT_NOT_BALANCED";

  @Override
  public List<BalancingException> findings(MatchedCase c, MatchedPayment p) {
    SubmittedClaim claim = p.claim();
    List<BalancingException> out = new ArrayList<>();
    for (BalanceCheck check : Balancing.check(p.payment())) {
      LineMatch m =
          check.level() == BalanceLevel.LINE ? p.lines().get(check.lineOrdinal() - 1) : null;
      out.add(
          new BalancingException(
              RecordKeys.id(
                  RecordType.BALANCING_EXCEPTION,
                  p,
                  m,
                  check.level().name(),
                  check.expectedAmount().toPlainString(),
                  check.actualAmount().toPlainString(),
                  RecordKeys.claimRef(claim)),
              RecordKeys.key(RecordType.BALANCING_EXCEPTION, p, m),
              p.remittance(),
              p.payment(),
              claim,
              m,
              check,
              unbalanced(check)));
    }
    return out;
  }

  /**
   * The transaction-level exception of an 835 whose ΣCLP04 − ΣPLB is not BPR02, or null when it
   * balances.
   */
  public static BalancingException transactionImbalance(RemittanceTrailer trailer) {
    BalanceCheck check = Balancing.checkTransaction(trailer);
    if (check == null) {
      return null;
    }
    RemittanceHeader r = trailer.remittance();
    String key =
        RecordIds.of(
            "finding",
            RecordType.BALANCING_EXCEPTION.name(),
            r.payer().id(),
            r.traceNumber(),
            r.paymentAmount().toPlainString(),
            String.valueOf(r.paymentDate()));
    return new BalancingException(
        RecordIds.of(
            RecordType.BALANCING_EXCEPTION.name(), key, check.expectedAmount().toPlainString()),
        key,
        r,
        null,
        null,
        null,
        check,
        unbalanced(check));
  }

  /** The rule and rationale of a failed balancing equation. */
  static Detection unbalanced(BalanceCheck check) {
    String level = check.level().name();
    return new Detection(
        RULE_UNBALANCED,
        level.charAt(0)
            + level.substring(1).toLowerCase(Locale.ROOT)
            + " does not balance by "
            + check.variance().toPlainString()
            + ": "
            + check.equation()
            + ".");
  }
}
