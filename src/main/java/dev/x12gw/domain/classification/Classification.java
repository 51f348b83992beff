package dev.x12gw.domain.classification;

import dev.x12gw.domain.contract.NetworkDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 835 CAS / LQ with the 837 claim: what a denial, underpayment or recoupment means, where it
 * started, what to do, by when, and what it is worth.
 *
 * @param denialFamily what kind of problem it is
 * @param coreScenario CAQH CORE 360 business scenario 1–4, or null
 * @param rootCause where the defect entered
 * @param preventable whether the provider's process could have avoided it
 * @param recoveryPathway what to do next
 * @param ruleId the rule that fired (a rule id, {@code CARC-<code>} for a CARC default, or {@code
 *     UNCLASSIFIED})
 * @param rationale why, in words a biller understands
 * @param evidence the facts the rule used (codes with amounts, remark codes, claim facts)
 * @param drivingCode the adjustment that drives the finding, e.g. {@code CO-197}, or {@code PLB
 *     WO}, or null
 * @param serviceLine the service line
 * @param appealDeadline last day to appeal (payment date + the payer's appeal window), or null for
 *     CLOSE_OUT or no payment date
 * @param appealWindowDays the window used
 * @param amountAtStake the amount in question
 * @param overturnRate the overturn rate used (0–1)
 * @param overturnRateBasis {@code DEFAULT} (no history yet) or {@code OBSERVED} (history blended
 *     with the default)
 * @param observedDenials the payer's classified denials in this family so far
 * @param observedOverturned how many of them were overturned
 * @param expectedRecovery amount at stake × overturn rate
 * @param laborCost the configured cost of working the pathway
 * @param priority expected recovery − labor cost (sort descending to rank work)
 * @param noSurprisesAct the IDR clock, for eligible denials and underpayments, else null
 * @param disputeBatchKey shared by NSA disputes that can be batched (same provider, payer, service
 *     and 30-business-day window), else null
 * @param network the billing provider's network status with the payer on the date of service and
 *     what decided it (published as the record's {@code network}, {@code networkBasis}, {@code
 *     networkSource})
 */
public record Classification(
    DenialFamily denialFamily,
    Integer coreScenario,
    RootCause rootCause,
    boolean preventable,
    RecoveryPathway recoveryPathway,
    String ruleId,
    String rationale,
    List<String> evidence,
    String drivingCode,
    ServiceLine serviceLine,
    LocalDate appealDeadline,
    int appealWindowDays,
    BigDecimal amountAtStake,
    BigDecimal overturnRate,
    String overturnRateBasis,
    long observedDenials,
    long observedOverturned,
    BigDecimal expectedRecovery,
    BigDecimal laborCost,
    BigDecimal priority,
    NoSurprisesAct noSurprisesAct,
    String disputeBatchKey,
    NetworkDecision network) {
  public Classification {
    Objects.requireNonNull(denialFamily, "family");
    Objects.requireNonNull(rootCause, "root cause");
    Objects.requireNonNull(recoveryPathway, "pathway");
    Objects.requireNonNull(ruleId, "rule id");
    Objects.requireNonNull(rationale, "rationale");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(serviceLine, "service line");
    Objects.requireNonNull(amountAtStake, "amount at stake");
    Objects.requireNonNull(overturnRate, "overturn rate");
    Objects.requireNonNull(expectedRecovery, "expected recovery");
    Objects.requireNonNull(laborCost, "labor cost");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(network, "network");
  }
}
