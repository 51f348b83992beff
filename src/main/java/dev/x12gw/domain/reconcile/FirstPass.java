package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * 835 loop 2100 CLP: a claim's first adjudication, the facts the control room's claim-level rates
 * (initial denial rate, line denial rate, clean claim rate) are computed from.
 *
 * @param date the payment date of the first adjudicating remittance (BPR16, else DTM*405), or null
 *     when it has neither
 * @param outcome {@code PAID}, {@code DENIED} (the whole claim), {@code PARTIALLY_DENIED} (some
 *     lines) or {@code UNDERPAID}, as the lifecycle's event for that payment
 * @param payerId normalised payer id of that remittance (as {@code classified_finding.payer_id})
 * @param billingNpi the 837 billing provider's NPI (NM1*85), else the 835 payee's; empty when
 *     neither is known
 * @param billed CLP03 of that payment
 * @param deniedAmount what that payment denied: CLP03 − CLP04 − patient responsibility for a denied
 *     claim, else the charges of its denied lines (never below zero)
 * @param lines its service lines (loop 2110), 1 when it has none (a claim-level payment)
 * @param deniedLines how many of them it denied (all of them for a denied claim)
 * @param corrected a replacement (CLM05-3 = 7) or void (8) of the claim was sent before the first
 *     adjudication
 * @param serviceLine the claim's service line as the classification names it, or null when not
 *     named (set after reconciliation by the {@code FindingSink})
 * @param claim the 837 claim answered, or null (not stored: used to name the service line)
 * @param payment the first adjudicating claim payment (not stored: used to name the service line)
 */
public record FirstPass(
    LocalDate date,
    String outcome,
    String payerId,
    String billingNpi,
    BigDecimal billed,
    BigDecimal deniedAmount,
    int lines,
    int deniedLines,
    boolean corrected,
    String serviceLine,
    SubmittedClaim claim,
    ClaimPayment payment) {
  private static final Set<String> OUTCOMES =
      Set.of("PAID", "DENIED", "PARTIALLY_DENIED", "UNDERPAID");

  public FirstPass {
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException(
          "first-pass outcome " + outcome + " is not one of " + OUTCOMES);
    }
    payerId = Text.requireText(payerId, "payer");
    billingNpi = Text.orEmpty(billingNpi);
    billed = Money.normalize(Objects.requireNonNull(billed, "billed"));
    deniedAmount = Money.normalize(Objects.requireNonNull(deniedAmount, "denied amount"));
    if (deniedAmount.signum() < 0) {
      throw new IllegalArgumentException("denied amount must not be negative");
    }
    if (lines < 1 || deniedLines < 0 || deniedLines > lines) {
      throw new IllegalArgumentException(
          "lines " + lines + " and denied lines " + deniedLines + " do not fit");
    }
    Objects.requireNonNull(payment, "payment");
  }

  /**
   * Clean on the first pass: paid (in full or below contract, but nothing denied) and not replaced
   * or voided before it. Rejections at the front end (999/277CA) are not seen by the gateway.
   */
  public boolean clean() {
    return !corrected && ("PAID".equals(outcome) || "UNDERPAID".equals(outcome));
  }

  /** True when the first pass denied the claim or some of its lines. */
  public boolean denied() {
    return "DENIED".equals(outcome) || "PARTIALLY_DENIED".equals(outcome);
  }

  /** The same first pass with the claim's service line named. */
  public FirstPass withServiceLine(String name) {
    return new FirstPass(
        date,
        outcome,
        payerId,
        billingNpi,
        billed,
        deniedAmount,
        lines,
        deniedLines,
        corrected,
        name,
        claim,
        payment);
  }
}
