package dev.x12gw.domain;

import java.util.Objects;

/** 835 loop 2100 CLP with CLP04 = 0: the payer denied the whole claim. */
public record ClaimDenial(
    String recordId,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    Detection detection)
    implements Finding {
  public ClaimDenial {
    recordId = Text.requireText(recordId, "record id");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.CLAIM_DENIAL;
  }
}
