package dev.x12gw.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * 835 loop 2100 CLP: claim payment information, with its service lines.
 *
 * @param patientControlNumber CLP01, the 837 CLM01
 * @param statusCode CLP02 claim status (1, 2, 3, 4, 19-23, 25)
 * @param billedAmount CLP03 total claim charge
 * @param paidAmount CLP04 claim payment amount
 * @param patientResponsibilityAmount CLP05, or null when not sent
 * @param claimFilingIndicator CLP06
 * @param payerClaimControlNumber CLP07, or null
 * @param facilityCode CLP08, or null
 * @param frequencyCode CLP09, or null
 * @param statementFrom DTM*232 claim statement period start, or null
 * @param statementTo DTM*233 claim statement period end, or null
 * @param adjustments claim-level CAS
 * @param remarkCodes MIA/MOA remark codes
 * @param lines loop 2110 service payments
 * @param ordinal position of this CLP within its transaction (1-based)
 */
public record ClaimPayment(
    String patientControlNumber,
    String statusCode,
    BigDecimal billedAmount,
    BigDecimal paidAmount,
    BigDecimal patientResponsibilityAmount,
    String claimFilingIndicator,
    String payerClaimControlNumber,
    String facilityCode,
    String frequencyCode,
    LocalDate statementFrom,
    LocalDate statementTo,
    List<Adjustment> adjustments,
    List<String> remarkCodes,
    List<ServicePayment> lines,
    int ordinal) {
  public ClaimPayment {
    patientControlNumber = Text.requireText(patientControlNumber, "CLP01 patient control number");
    statusCode = Text.requireText(statusCode, "CLP02 claim status");
    billedAmount = Money.normalize(Objects.requireNonNull(billedAmount, "CLP03 billed amount"));
    paidAmount = Money.normalize(Objects.requireNonNull(paidAmount, "CLP04 paid amount"));
    patientResponsibilityAmount = Money.normalize(patientResponsibilityAmount);
    claimFilingIndicator = Text.orEmpty(claimFilingIndicator);
    payerClaimControlNumber = Text.orNull(payerClaimControlNumber);
    facilityCode = Text.orNull(facilityCode);
    frequencyCode = Text.orNull(frequencyCode);
    adjustments = List.copyOf(adjustments);
    if (adjustments.stream().anyMatch(a -> a.level() != AdjustmentLevel.CLAIM)) {
      throw new IllegalArgumentException("claim adjustments must be CLAIM level");
    }
    remarkCodes = List.copyOf(remarkCodes);
    lines = List.copyOf(lines);
    if (ordinal < 1) {
      throw new IllegalArgumentException("ordinal must be positive");
    }
  }

  /** Claim-level adjustments followed by every line's adjustments, in file order. */
  public List<Adjustment> allAdjustments() {
    List<Adjustment> all = new ArrayList<>(adjustments);
    lines.forEach(l -> all.addAll(l.adjustments()));
    return List.copyOf(all);
  }

  /** Claim remark codes followed by line remark codes, without repeats. */
  public List<String> allRemarkCodes() {
    LinkedHashSet<String> all = new LinkedHashSet<>(remarkCodes);
    lines.forEach(l -> all.addAll(l.remarkCodes()));
    return List.copyOf(all);
  }

  /** CLP05 when sent, else the sum of PR adjustments at claim and line level. */
  public BigDecimal effectivePatientResponsibility() {
    if (patientResponsibilityAmount != null) {
      return patientResponsibilityAmount;
    }
    return allAdjustments().stream()
        .filter(Adjustment::isPatientResponsibility)
        .map(Adjustment::amount)
        .reduce(Money.ZERO, BigDecimal::add);
  }

  /** DTM*232 when sent, else the earliest line service date, else null. */
  public LocalDate serviceDate() {
    if (statementFrom != null) {
      return statementFrom;
    }
    return lines.stream()
        .map(ServicePayment::serviceDate)
        .filter(Objects::nonNull)
        .min(LocalDate::compareTo)
        .orElse(null);
  }
}
