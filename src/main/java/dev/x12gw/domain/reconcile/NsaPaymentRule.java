package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnderpaymentKind;
import dev.x12gw.domain.nsa.NsaAssessment;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.nsa.NsaTarget;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 835 loop 2110 SVC of an out-of-network No Surprises Act claim ({@value
 * #RULE_NSA_INITIAL_PAYMENT}): the initial payment (paid + patient cost sharing) is below the
 * configured target, beyond the tolerance. {@link UnderpaymentRule} decides, line by line, whether
 * the NSA target or a contract applies.
 */
public final class NsaPaymentRule {
  public static final String RULE_NSA_INITIAL_PAYMENT = "NSA_INITIAL_PAYMENT_BELOW_TARGET";

  /**
   * The NSA assessment of an initial payment that is out of network under the Act, or null: NSA
   * off, a final payment, not eligible, or in network.
   */
  public NsaAssessment outOfNetwork(MatchedCase c, MatchedPayment p) {
    NsaPolicy nsa = c.policy().nsa();
    if (!nsa.enabled() || nsa.isFinalPayment(p.payment())) {
      return null;
    }
    NsaAssessment a = nsa.assess(p.remittance(), p.payment(), p.claim(), c.policy().contracts());
    return a.eligible() && a.network() == Network.OUT_OF_NETWORK ? a : null;
  }

  /** The finding when line {@code m} of {@code p} was paid below its NSA target, else empty. */
  public Optional<Underpayment> belowTarget(
      MatchedCase c, MatchedPayment p, LineMatch m, NsaAssessment nsa) {
    ServicePayment line = m.paid();
    BigDecimal units = m.billedUnits();
    BigDecimal actual = UnderpaymentRule.allowed(p, line);
    LocalDate date = UnderpaymentRule.serviceDate(p, line);
    SubmittedClaim claim = p.claim();
    Optional<NsaTarget> target =
        c.policy()
            .nsa()
            .target(p.remittance(), NsaPolicy.provider(p.remittance(), claim), line, units, date);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal expected = target.get().amount();
    BigDecimal variance = expected.subtract(actual);
    if (variance.signum() <= 0 || !c.policy().tolerance().exceeded(variance, expected)) {
      return Optional.empty();
    }
    String rationale =
        "Out of network under the No Surprises Act ("
            + String.join(", ", nsa.basis())
            + "): line "
            + line.procedure()
            + " initial payment "
            + actual.toPlainString()
            + " (paid + patient cost sharing) against "
            + expected.toPlainString()
            + " ("
            + target.get().describe()
            + ")."
            + (nsa.payerDisagrees() ? " " + nsa.disagreement() : "");
    return Optional.of(
        new Underpayment(
            RecordKeys.id(
                RecordType.UNDERPAYMENT,
                p,
                m,
                UnderpaymentKind.NSA_INITIAL_PAYMENT.name(),
                expected.toPlainString(),
                actual.toPlainString(),
                target.get().describe(),
                RecordKeys.claimRef(claim),
                m.method().name()),
            RecordKeys.key(RecordType.UNDERPAYMENT, p, m),
            p.remittance(),
            p.payment(),
            claim,
            m,
            UnderpaymentKind.NSA_INITIAL_PAYMENT,
            null,
            target.get(),
            units,
            expected,
            actual,
            new Detection(RULE_NSA_INITIAL_PAYMENT, rationale)));
  }
}
