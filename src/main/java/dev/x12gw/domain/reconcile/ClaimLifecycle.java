package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A claim's net position and lifecycle, recomputed from every claim and remittance of its case.
 *
 * @param status where the claim stands
 * @param billedAmount CLM02 of the current claim version (never summed over splits or payers)
 * @param paidAmount net ΣCLP04 (reversals count negative)
 * @param patientResponsibility patient responsibility of the payments in force
 * @param recoupedAmount money taken back (reversals net of corrections, PLB)
 * @param openDeniedAmount charges still denied
 * @param firstDeniedOn payment date of the first denial, or null
 * @param recoveredOn payment date of the last recovery, or null
 * @param recoveredAmount paid on claims or lines after their denial
 * @param events what happened, in order
 * @param firstPass the first adjudication, or null while the claim has none
 */
public record ClaimLifecycle(
    CaseStatus status,
    BigDecimal billedAmount,
    BigDecimal paidAmount,
    BigDecimal patientResponsibility,
    BigDecimal recoupedAmount,
    BigDecimal openDeniedAmount,
    LocalDate firstDeniedOn,
    LocalDate recoveredOn,
    BigDecimal recoveredAmount,
    List<LifecycleEvent> events,
    FirstPass firstPass) {
  public ClaimLifecycle {
    Objects.requireNonNull(status, "status");
    billedAmount = Money.normalize(Objects.requireNonNull(billedAmount, "billed"));
    paidAmount = Money.normalize(Objects.requireNonNull(paidAmount, "paid"));
    patientResponsibility = Money.normalize(Objects.requireNonNull(patientResponsibility, "PR"));
    recoupedAmount = Money.normalize(Objects.requireNonNull(recoupedAmount, "recouped"));
    openDeniedAmount = Money.normalize(Objects.requireNonNull(openDeniedAmount, "open denied"));
    recoveredAmount = Money.normalize(Objects.requireNonNull(recoveredAmount, "recovered"));
    events = List.copyOf(events);
  }

  /** The same lifecycle with its first pass's service line named. */
  public ClaimLifecycle withServiceLine(String name) {
    if (firstPass == null) {
      return this;
    }
    return new ClaimLifecycle(
        status,
        billedAmount,
        paidAmount,
        patientResponsibility,
        recoupedAmount,
        openDeniedAmount,
        firstDeniedOn,
        recoveredOn,
        recoveredAmount,
        events,
        firstPass.withServiceLine(name));
  }
}
