package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 835 loops 2100 CLP and 2110 SVC: decides whether a claim or a line was denied, each with the rule
 * that fired.
 *
 * <ul>
 *   <li>{@value #RULE_ZERO_PAID} - CLP04 is zero on a positive charge and a denial reason explains
 *       it: a payer-liable adjustment (any group but PR) that is not a pricing reduction.
 *   <li>{@value #RULE_STATUS_DENIED} - CLP02 = 4 (denied) with nothing paid, even when the payer
 *       sent no adjustment.
 *   <li>{@value #RULE_LINE_ZERO_PAID} - SVC03 is zero on a positive SVC02 and a denial reason
 *       explains it.
 * </ul>
 *
 * Pricing reductions are not denials: CARC 23 (impact of the prior payer's adjudication, as on a
 * secondary claim), 42 and 45 (charges exceed the fee schedule or maximum), 94 (processed in excess
 * of charges), 131 (negotiated discount), 253 (sequestration). Patient responsibility (PR:
 * deductible, coinsurance) is not a denial either: a claim paid zero because of the deductible is
 * adjudicated, not denied. Reversals (CLP02 = 22) and predetermination pricing (CLP02 = 25) are
 * never denials.
 */
public final class DenialDetector {
  public static final String RULE_ZERO_PAID = "CLAIM_ZERO_PAID_PAYER_ADJUSTED";
  public static final String RULE_STATUS_DENIED = "CLAIM_STATUS_DENIED";
  public static final String RULE_LINE_ZERO_PAID = "LINE_ZERO_PAID_PAYER_ADJUSTED";

  /** CARCs that reduce what is paid without denying anything. */
  public static final Set<String> PRICING_REASONS = Set.of("23", "42", "45", "94", "131", "253");

  private static final Set<String> NEVER_DENIAL = Set.of("22", "25");

  /** True for an adjustment that can explain a denial. */
  public static boolean isDenialReason(Adjustment a) {
    return !a.isPatientResponsibility()
        && a.amount().signum() > 0
        && !PRICING_REASONS.contains(a.reason());
  }

  /** The claim-level denial rule that fires for {@code p}, or null. */
  public Detection claimDenial(ClaimPayment p) {
    if (NEVER_DENIAL.contains(p.statusCode()) || !Money.isZero(p.paidAmount())) {
      return null;
    }
    List<Adjustment> reasons =
        p.allAdjustments().stream().filter(DenialDetector::isDenialReason).toList();
    if (p.billedAmount().signum() > 0 && !reasons.isEmpty()) {
      return new Detection(
          RULE_ZERO_PAID,
          "Paid 0.00 of "
              + p.billedAmount().toPlainString()
              + " billed; payer-liable adjustments "
              + summarize(reasons)
              + ".");
    }
    if ("4".equals(p.statusCode())) {
      return new Detection(
          RULE_STATUS_DENIED,
          "Claim status CLP02 = 4 (denied) and nothing paid"
              + (p.allAdjustments().isEmpty()
                  ? "; the payer sent no adjustment reason."
                  : "; adjustments " + summarize(p.allAdjustments()) + "."));
    }
    return null;
  }

  /** The line-level denial rule that fires for a line of {@code p}, or null. */
  public Detection lineDenial(ClaimPayment p, ServicePayment line) {
    if (NEVER_DENIAL.contains(p.statusCode())
        || !Money.isZero(line.paidAmount())
        || line.chargeAmount().signum() <= 0) {
      return null;
    }
    List<Adjustment> reasons =
        line.adjustments().stream().filter(DenialDetector::isDenialReason).toList();
    if (reasons.isEmpty()) {
      return null;
    }
    return new Detection(
        RULE_LINE_ZERO_PAID,
        "Line "
            + line.procedure()
            + " paid 0.00 of "
            + line.chargeAmount().toPlainString()
            + " billed; payer-liable adjustments "
            + summarize(reasons)
            + (line.remarkCodes().isEmpty()
                ? ""
                : "; remarks " + String.join(", ", line.remarkCodes()))
            + ".");
  }

  static String summarize(List<Adjustment> adjustments) {
    return adjustments.stream()
        .collect(
            Collectors.groupingBy(
                Adjustment::code,
                LinkedHashMap::new,
                Collectors.reducing(Money.ZERO, Adjustment::amount, BigDecimal::add)))
        .entrySet()
        .stream()
        .map(e -> e.getKey() + " " + e.getValue().toPlainString())
        .collect(Collectors.joining(", "));
  }
}
