package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnderpaymentKind;
import dev.x12gw.domain.nsa.NsaAssessment;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.Remittances;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 835 loop 2110 SVC paid below contract: paid + patient responsibility below contract × units,
 * beyond the tolerance ({@value #RULE_BELOW_CONTRACT}), or below the contract of the procedure
 * submitted when the payer paid another ({@value #RULE_DOWNCODED}). Only payments in force count
 * (not reversals, not payments a reversal took back); denied and zero-charge lines do not.
 *
 * <p>Out-of-network No Surprises Act lines go to the {@link NsaPaymentRule}: a line without a
 * contract is measured against the NSA target; a claim the payer marked with an NSA remark is
 * measured against the target first, whatever contract or network status the configuration has for
 * the billing provider, and against its contract only when it meets the target.
 */
public final class UnderpaymentRule implements PaymentRule<Underpayment> {
  public static final String RULE_BELOW_CONTRACT = "LINE_BELOW_CONTRACT";
  public static final String RULE_DOWNCODED = "LINE_DOWNCODED_BELOW_CONTRACT";

  private final DenialDetector detector = new DenialDetector();
  private final NsaPaymentRule nsaRule = new NsaPaymentRule();

  @Override
  public List<Underpayment> findings(MatchedCase c, MatchedPayment p) {
    ReconciliationPolicy policy = c.policy();
    if (!p.adjudicated() || p.reversed()) {
      return List.of();
    }
    if (policy.contracts().isEmpty() && !policy.nsa().enabled()) {
      return List.of();
    }
    ClaimPayment pay = p.payment();
    SubmittedClaim claim = p.claim();
    NsaAssessment nsa = nsaRule.outOfNetwork(c, p);
    // the payer's own NSA remark decides: its initial payment is measured against the NSA
    // target first, whatever contract or network rule the configuration has for the provider
    boolean payerMarked = nsa != null && nsa.payerMarked();
    List<Underpayment> out = new ArrayList<>();
    for (LineMatch m : p.lines()) {
      ServicePayment line = m.paid();
      if (detector.lineDenial(pay, line) != null || Money.isZero(line.chargeAmount())) {
        continue;
      }
      if (payerMarked) {
        Optional<Underpayment> low = nsaRule.belowTarget(c, p, m, nsa);
        if (low.isPresent()) {
          out.add(low.get());
          continue;
        }
      }
      BigDecimal units = m.billedUnits();
      LocalDate date = serviceDate(p, line);
      BigDecimal actual = allowed(p, line);
      Procedure submitted = line.submittedProcedure();
      UnderpaymentKind kind = null;
      Optional<ContractRate> rate = Optional.empty();
      if (submitted != null && !submitted.code().equalsIgnoreCase(line.procedure().code())) {
        rate = find(c, p, submitted, date);
        if (rate.isPresent()) {
          kind = UnderpaymentKind.DOWNCODED;
        }
      }
      if (kind == null) {
        rate = find(c, p, line.procedure(), date);
        kind = UnderpaymentKind.BELOW_CONTRACT;
      }
      if (rate.isEmpty()) {
        if (nsa != null && !payerMarked) {
          nsaRule.belowTarget(c, p, m, nsa).ifPresent(out::add);
        }
        continue;
      }
      BigDecimal expected = Money.normalize(rate.get().allowedAmount().multiply(units));
      BigDecimal variance = expected.subtract(actual);
      if (variance.signum() <= 0 || !policy.tolerance().exceeded(variance, expected)) {
        continue;
      }
      String rationale =
          kind == UnderpaymentKind.DOWNCODED
              ? "Submitted "
                  + submitted
                  + ", paid as "
                  + line.procedure()
                  + ": "
                  + actual.toPlainString()
                  + " (paid + patient responsibility) against "
                  + expected.toPlainString()
                  + " contracted for "
                  + submitted.code()
                  + " ("
                  + rate.get().allowedAmount().toPlainString()
                  + " × "
                  + units.stripTrailingZeros().toPlainString()
                  + ", "
                  + rate.get().source()
                  + ")."
              : "Line "
                  + line.procedure()
                  + " allowed "
                  + actual.toPlainString()
                  + " (paid + patient responsibility) against "
                  + expected.toPlainString()
                  + " contracted ("
                  + rate.get().allowedAmount().toPlainString()
                  + " × "
                  + units.stripTrailingZeros().toPlainString()
                  + ", "
                  + rate.get().source()
                  + ").";
      out.add(
          new Underpayment(
              RecordKeys.id(
                  RecordType.UNDERPAYMENT,
                  p,
                  m,
                  kind.name(),
                  expected.toPlainString(),
                  actual.toPlainString(),
                  rate.get().source(),
                  RecordKeys.claimRef(claim),
                  m.method().name()),
              RecordKeys.key(RecordType.UNDERPAYMENT, p, m),
              p.remittance(),
              pay,
              claim,
              m,
              kind,
              rate.get(),
              null,
              units,
              expected,
              actual,
              new Detection(
                  kind == UnderpaymentKind.DOWNCODED ? RULE_DOWNCODED : RULE_BELOW_CONTRACT,
                  rationale)));
    }
    return out;
  }

  /** What the line was allowed: paid + patient responsibility. */
  static BigDecimal allowed(MatchedPayment p, ServicePayment line) {
    return line.paidAmount().add(Remittances.patientShare(p.payment(), line, p.lines().size()));
  }

  /** The line's date of service, else the claim's. */
  static LocalDate serviceDate(MatchedPayment p, ServicePayment line) {
    return line.serviceDate() != null ? line.serviceDate() : p.payment().serviceDate();
  }

  private static Optional<ContractRate> find(
      MatchedCase c, MatchedPayment p, Procedure procedure, LocalDate date) {
    return c.policy()
        .contracts()
        .find(
            p.remittance().payerKeys(),
            NsaPolicy.provider(p.remittance(), p.claim()),
            procedure.code(),
            procedure.modifiers(),
            date);
  }
}
