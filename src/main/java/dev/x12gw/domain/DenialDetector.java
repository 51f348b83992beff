package dev.x12gw.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 835 loop 2100 CLP: decides which findings a claim payment produces, each with the rule that
 * fired.
 *
 * <ul>
 *   <li>{@value #RULE_ZERO_PAID} - CLP04 is zero on a positive charge and at least one adjustment
 *       other than patient responsibility (PR) explains it: a {@link ClaimDenial}.
 *   <li>{@value #RULE_STATUS_DENIED} - CLP02 = 4 (denied) with nothing paid, even when the payer
 *       sent no payer-liable adjustment: a {@link ClaimDenial}.
 *   <li>{@value #RULE_NO_CLAIM} - no stored 837 claim has this CLP01 and payer: an {@link
 *       UnmatchedRemit}.
 * </ul>
 *
 * Reversals (CLP02 = 22) and predetermination pricing (CLP02 = 25) are never denials.
 */
public final class DenialDetector {
  public static final String RULE_ZERO_PAID = "CLAIM_ZERO_PAID_PAYER_ADJUSTED";
  public static final String RULE_STATUS_DENIED = "CLAIM_STATUS_DENIED";
  public static final String RULE_NO_CLAIM = "REMIT_WITHOUT_CLAIM";

  private static final Set<String> NEVER_DENIAL = Set.of("22", "25");

  /** Findings for one claim payment; {@code claim} is null when unmatched. */
  public List<Finding> detect(RemittanceHeader remit, ClaimPayment payment, SubmittedClaim claim) {
    List<Finding> findings = new ArrayList<>(2);
    Detection denial = denial(payment);
    if (denial != null) {
      findings.add(
          new ClaimDenial(
              RecordIds.forPayment(RecordType.CLAIM_DENIAL, remit, payment),
              remit,
              payment,
              claim,
              denial));
    }
    if (claim == null) {
      findings.add(
          new UnmatchedRemit(
              RecordIds.forPayment(RecordType.UNMATCHED_REMIT, remit, payment),
              remit,
              payment,
              new Detection(
                  RULE_NO_CLAIM,
                  "No 837 claim with this patient control number (CLP01) for payer "
                      + describe(remit.payer())
                      + " has been received.")));
    }
    return List.copyOf(findings);
  }

  private static Detection denial(ClaimPayment p) {
    if (NEVER_DENIAL.contains(p.statusCode()) || !Money.isZero(p.paidAmount())) {
      return null;
    }
    List<Adjustment> payerLiable =
        p.allAdjustments().stream()
            .filter(a -> !a.isPatientResponsibility() && a.amount().signum() > 0)
            .toList();
    if (p.billedAmount().signum() > 0 && !payerLiable.isEmpty()) {
      return new Detection(
          RULE_ZERO_PAID,
          "Paid 0.00 of "
              + p.billedAmount().toPlainString()
              + " billed; payer-liable adjustments "
              + summarize(payerLiable)
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

  private static String summarize(List<Adjustment> adjustments) {
    return adjustments.stream()
        .collect(
            Collectors.groupingBy(
                Adjustment::code,
                java.util.LinkedHashMap::new,
                Collectors.reducing(Money.ZERO, Adjustment::amount, BigDecimal::add)))
        .entrySet()
        .stream()
        .map(e -> e.getKey() + " " + e.getValue().toPlainString())
        .collect(Collectors.joining(", "));
  }

  private static String describe(Party payer) {
    if (payer.id().isEmpty()) {
      return payer.name().isEmpty() ? "(unidentified)" : payer.name();
    }
    return payer.id() + (payer.name().isEmpty() ? "" : " (" + payer.name() + ")");
  }
}
