package dev.x12gw.domain.finding;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.BalanceCheck;
import dev.x12gw.domain.remittance.BalanceLevel;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.Objects;

/** 835 that does not balance at line, claim or transaction level: accepted, but flagged. */
public record BalancingException(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    LineMatch line,
    BalanceCheck check,
    Detection detection)
    implements Finding {
  public BalancingException {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(check, "check");
    if ((check.level() == BalanceLevel.TRANSACTION) != (payment == null)) {
      throw new IllegalArgumentException("only a transaction-level exception has no claim payment");
    }
    if ((check.level() == BalanceLevel.LINE) != (line != null)) {
      throw new IllegalArgumentException("a line-level exception needs its line, and only it");
    }
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.BALANCING_EXCEPTION;
  }
}
