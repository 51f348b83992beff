package dev.x12gw.domain.finding;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * 835 loop 2100/2110 paying a claim or line that an earlier remittance denied (after resubmission
 * or appeal).
 *
 * @param deniedRecordId the record id of the denial it resolves
 * @param deniedOn payment date of the denying remittance, or null when not sent
 * @param recoveredOn payment date of this remittance, or null when not sent
 * @param recoveredAmount what this remittance paid for the claim or line
 */
public record DenialOverturned(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    LineMatch line,
    String deniedRecordId,
    LocalDate deniedOn,
    LocalDate recoveredOn,
    BigDecimal recoveredAmount,
    Detection detection)
    implements Finding {
  public DenialOverturned {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    deniedRecordId = Text.requireText(deniedRecordId, "denied record id");
    recoveredAmount = Money.normalize(Objects.requireNonNull(recoveredAmount, "recovered"));
    Objects.requireNonNull(detection, "detection");
  }

  /** Calendar days from the denial to the recovery, or null when a date is missing. */
  public Long daysToRecovery() {
    return deniedOn == null || recoveredOn == null
        ? null
        : ChronoUnit.DAYS.between(deniedOn, recoveredOn);
  }

  @Override
  public RecordType type() {
    return RecordType.DENIAL_OVERTURNED;
  }
}
