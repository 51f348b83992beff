package dev.x12gw.domain.classification;

import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Port: payer intelligence — the classified findings in force per payer, family and service line,
 * with the denials later payments overturned. Kept in the store by the gateway and in memory by
 * {@code analyze}; changes made inside a rolled-back transaction set vanish with it.
 */
public interface PayerStats extends PayerHistory {
  /**
   * One classified finding in force, replacing any earlier one with the same finding key.
   *
   * @param findingKey what the finding is about
   * @param recordId its record id
   * @param payerId normalised payer id
   * @param family its family
   * @param serviceLine its service line
   * @param category DENIAL, UNDERPAYMENT or RECOUPMENT
   * @param amount amount at stake
   * @param expectedRecovery expected recovery when classified
   * @param decidedOn the remittance's payment date (else production date), or null
   * @param work what the control room's worklist shows of it, or null (payer history only)
   */
  record Entry(
      String findingKey,
      String recordId,
      String payerId,
      DenialFamily family,
      ServiceLine serviceLine,
      String category,
      BigDecimal amount,
      BigDecimal expectedRecovery,
      LocalDate decidedOn,
      WorkItem work) {
    public Entry {
      Objects.requireNonNull(findingKey, "finding key");
      Objects.requireNonNull(recordId, "record id");
      Objects.requireNonNull(payerId, "payer");
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(serviceLine, "service line");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(expectedRecovery, "expected recovery");
    }

    /** An entry for payer history only, without its work item. */
    public Entry(
        String findingKey,
        String recordId,
        String payerId,
        DenialFamily family,
        ServiceLine serviceLine,
        String category,
        BigDecimal amount,
        BigDecimal expectedRecovery,
        LocalDate decidedOn) {
      this(
          findingKey,
          recordId,
          payerId,
          family,
          serviceLine,
          category,
          amount,
          expectedRecovery,
          decidedOn,
          null);
    }

    /** The entry of a classified finding of case {@code caseId} (0: none). */
    public static Entry of(long caseId, Finding f, Classification c) {
      return new Entry(
          f.findingKey(),
          f.recordId(),
          dev.x12gw.domain.remittance.RemittanceHeader.payerKey(f.remittance().payer().id()),
          c.denialFamily(),
          c.serviceLine(),
          FindingKind.of(f).category(),
          c.amountAtStake(),
          c.expectedRecovery(),
          f.remittance().paymentDate() != null
              ? f.remittance().paymentDate()
              : f.remittance().productionDate(),
          WorkItem.of(caseId, f, c));
    }
  }

  /** A classified finding was published (new, or superseding one with the same key). */
  void classified(Entry entry);

  /** A later payment overturned the denial published as {@code o.deniedRecordId()}. */
  void overturned(DenialOverturned o);

  /** A published finding (a classified one, or an overturn) no longer holds. */
  void withdrawn(String recordId);

  /** Counts and dollars per payer, family, service line and category, sorted. */
  List<PayerFamilyStat> summary();
}
