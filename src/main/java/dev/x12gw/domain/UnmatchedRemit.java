package dev.x12gw.domain;

import java.util.Objects;

/** 835 loop 2100 CLP whose CLP01 and payer match no 837 claim the gateway has stored. */
public record UnmatchedRemit(
    String recordId, RemittanceHeader remittance, ClaimPayment payment, Detection detection)
    implements Finding {
  public UnmatchedRemit {
    recordId = Text.requireText(recordId, "record id");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.UNMATCHED_REMIT;
  }

  @Override
  public SubmittedClaim claim() {
    return null;
  }
}
