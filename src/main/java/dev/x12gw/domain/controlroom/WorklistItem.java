package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * 835 loop 2100 CLP (2110 SVC for a line): one open finding on the worklist, what it is worth
 * working and by when.
 *
 * @param recordId the finding's record id (its evidence packet's key)
 * @param recordType {@code CLAIM_DENIAL}, {@code LINE_DENIAL}, {@code UNDERPAYMENT}, {@code
 *     RECOUPMENT}
 * @param payerId payer id
 * @param payerName payer name, may be empty
 * @param providerNpi billing provider NPI, may be empty
 * @param providerName billing provider name, may be empty
 * @param claimRef CLP01, the patient control number
 * @param payerClaimNumber CLP07, may be empty
 * @param lineNumber the SVC's position for a line finding, else 0
 * @param procedureCode the procedure as submitted, may be empty
 * @param family denial family
 * @param rootCause where the defect entered
 * @param drivingCode group-CARC of the driving adjustment, may be empty
 * @param pathway what to do
 * @param ruleId the classification rule that fired
 * @param amountAtStake the amount in question
 * @param expectedRecovery amount at stake × overturn rate
 * @param laborCost the pathway's configured cost
 * @param priority expected recovery − labor cost (the ranking)
 * @param decidedOn the remittance's payment date, or null
 * @param appealDeadline last day to appeal, or null
 * @param negotiationDeadline NSA open negotiation deadline, or null
 * @param idrDeadline NSA IDR initiation outer deadline, or null
 */
public record WorklistItem(
    String recordId,
    String recordType,
    String payerId,
    String payerName,
    String providerNpi,
    String providerName,
    String claimRef,
    String payerClaimNumber,
    int lineNumber,
    String procedureCode,
    String family,
    String rootCause,
    String drivingCode,
    String pathway,
    String ruleId,
    BigDecimal amountAtStake,
    BigDecimal expectedRecovery,
    BigDecimal laborCost,
    BigDecimal priority,
    LocalDate decidedOn,
    LocalDate appealDeadline,
    LocalDate negotiationDeadline,
    LocalDate idrDeadline) {
  public WorklistItem {
    recordId = Text.requireText(recordId, "record id");
    recordType = Text.requireText(recordType, "record type");
    payerId = Text.requireText(payerId, "payer");
    payerName = Text.orEmpty(payerName);
    providerNpi = Text.orEmpty(providerNpi);
    providerName = Text.orEmpty(providerName);
    claimRef = Text.orEmpty(claimRef);
    payerClaimNumber = Text.orEmpty(payerClaimNumber);
    procedureCode = Text.orEmpty(procedureCode);
    family = Text.requireText(family, "family");
    rootCause = Text.orEmpty(rootCause);
    drivingCode = Text.orEmpty(drivingCode);
    pathway = Text.requireText(pathway, "pathway");
    ruleId = Text.orEmpty(ruleId);
    Objects.requireNonNull(amountAtStake, "amount at stake");
    Objects.requireNonNull(expectedRecovery, "expected recovery");
    Objects.requireNonNull(priority, "priority");
  }

  /** Days from {@code asOf} to {@code deadline} (negative: passed), or null without a deadline. */
  public static Long daysLeft(LocalDate asOf, LocalDate deadline) {
    return deadline == null ? null : ChronoUnit.DAYS.between(asOf, deadline);
  }

  /** The nearest deadline of the three, or null. */
  public LocalDate nextDeadline() {
    LocalDate next = null;
    for (LocalDate d : new LocalDate[] {appealDeadline, negotiationDeadline, idrDeadline}) {
      if (d != null && (next == null || d.isBefore(next))) {
        next = d;
      }
    }
    return next;
  }
}
