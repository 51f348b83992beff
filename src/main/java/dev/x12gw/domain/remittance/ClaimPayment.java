package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.EntityName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * @param patientStatusCode CLP10, or ""
 * @param drgCode CLP11, or ""
 * @param drgWeight CLP12, or null
 * @param dischargeFraction CLP13, or null
 * @param entities NM1 QC (patient), IL (insured), 74 (corrected name), 82 (rendering provider), TT
 *     (crossover carrier), PR (corrected priority payer), in file order
 * @param inpatientAdjudication MIA, or null
 * @param outpatientAdjudication MOA, or null
 * @param receivedDate DTM*050 claim received date, or null
 * @param amounts claim-level AMT by qualifier (AU coverage, D8 discount, F5 patient paid, I
 *     interest, NL negative ledger, T tax, ...)
 * @param quantities claim-level QTY by qualifier (CA covered actual, CD co-insured, LA lifetime
 *     reserve, ...)
 * @param references claim-level REF by qualifier (1L group, 1W member id, 28, 6P, 9A, 9C, BB, CE,
 *     EA, F8, G1, G3, IG, SY)
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
    int ordinal,
    String patientStatusCode,
    String drgCode,
    BigDecimal drgWeight,
    BigDecimal dischargeFraction,
    List<EntityName> entities,
    MedicareAdjudication inpatientAdjudication,
    MedicareAdjudication outpatientAdjudication,
    LocalDate receivedDate,
    Map<String, BigDecimal> amounts,
    Map<String, BigDecimal> quantities,
    Map<String, String> references) {
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
    patientStatusCode = Text.orEmpty(patientStatusCode);
    drgCode = Text.orEmpty(drgCode);
    entities = List.copyOf(entities);
    amounts = Map.copyOf(amounts);
    quantities = Map.copyOf(quantities);
    references = Map.copyOf(references);
  }

  /** The NM1 of a role (QC patient, 82 rendering provider, TT crossover carrier, ...), if sent. */
  public java.util.Optional<EntityName> entity(String role) {
    return entities.stream().filter(e -> e.role().equals(role)).findFirst();
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
