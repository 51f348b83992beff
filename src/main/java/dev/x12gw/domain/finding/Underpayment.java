package dev.x12gw.domain.finding;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.nsa.NsaTarget;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * 835 loop 2110 SVC paid below what is owed: expected = contracted allowed amount × units (or, for
 * a No Surprises Act initial payment, the configured target), actual = SVC03 + patient
 * responsibility, variance = expected − actual.
 *
 * @param contract the contract rate that applied, or null for {@link
 *     UnderpaymentKind#NSA_INITIAL_PAYMENT}
 * @param nsaTarget the No Surprises Act target, for {@link UnderpaymentKind#NSA_INITIAL_PAYMENT}
 *     only
 * @param units units the expected amount is for (as submitted)
 */
public record Underpayment(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    LineMatch line,
    UnderpaymentKind kind,
    ContractRate contract,
    NsaTarget nsaTarget,
    BigDecimal units,
    BigDecimal expectedAmount,
    BigDecimal actualAmount,
    Detection detection)
    implements Finding {
  public Underpayment {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(kind, "kind");
    if ((kind == UnderpaymentKind.NSA_INITIAL_PAYMENT) != (nsaTarget != null)
        || (kind == UnderpaymentKind.NSA_INITIAL_PAYMENT) == (contract != null)) {
      throw new IllegalArgumentException(
          "an NSA initial-payment underpayment has a target and no contract; others a contract");
    }
    Objects.requireNonNull(units, "units");
    expectedAmount = Money.normalize(Objects.requireNonNull(expectedAmount, "expected"));
    actualAmount = Money.normalize(Objects.requireNonNull(actualAmount, "actual"));
    Objects.requireNonNull(detection, "detection");
  }

  /** Expected − actual. */
  public BigDecimal varianceAmount() {
    return Money.normalize(expectedAmount.subtract(actualAmount));
  }

  @Override
  public RecordType type() {
    return RecordType.UNDERPAYMENT;
  }
}
