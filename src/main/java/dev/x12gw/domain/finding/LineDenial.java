package dev.x12gw.domain.finding;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.Objects;

/** 835 loop 2110 SVC with SVC03 = 0 while the claim was otherwise paid: a denied line. */
public record LineDenial(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    LineMatch line,
    Detection detection)
    implements Finding {
  public LineDenial {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.LINE_DENIAL;
  }
}
