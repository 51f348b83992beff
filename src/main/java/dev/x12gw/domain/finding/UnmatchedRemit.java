package dev.x12gw.domain.finding;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.Objects;

/**
 * 835 loop 2100 CLP whose CLP01 and payer match no 837 claim the gateway has stored (claim level,
 * {@link #line()} null), or loop 2110 SVC that answers no line of the matched claim (line level).
 */
public record UnmatchedRemit(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    LineMatch line,
    Detection detection)
    implements Finding {
  public UnmatchedRemit {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    if ((claim == null) != (line == null)) {
      throw new IllegalArgumentException(
          "a line-level unmatched remit has its claim; claim level not");
    }
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.UNMATCHED_REMIT;
  }
}
