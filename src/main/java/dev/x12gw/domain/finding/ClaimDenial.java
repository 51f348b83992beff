package dev.x12gw.domain.finding;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.Objects;

/** 835 loop 2100 CLP with CLP04 = 0: the payer denied the whole claim. */
public record ClaimDenial(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    Detection detection)
    implements Finding {
  public ClaimDenial {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.CLAIM_DENIAL;
  }

  @Override
  public LineMatch line() {
    return null;
  }
}
