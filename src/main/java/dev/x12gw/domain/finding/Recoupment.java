package dev.x12gw.domain.finding;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * 835 CLP02 = 22 or PLB: money the payer took back from a claim it had paid.
 *
 * @param payment the reversal (CLP02 = 22), or for a PLB the claim payment it references
 * @param kind reversal or provider-level adjustment
 * @param amount what was taken back, net of any correction (positive)
 * @param reversed the payment the reversal cancels, when the gateway has it, else null
 * @param reversedRemittance the remittance of {@code reversed}, or null
 * @param correction the payment that followed the reversal, or null
 * @param providerAdjustment the PLB adjustment, for {@link RecoupmentKind#PROVIDER_ADJUSTMENT}
 * @param voidedByProvider true when an 837 void (CLM05-3 = 8) names the reversed payment's CLP07 in
 *     REF*F8: the provider asked for the take-back
 */
public record Recoupment(
    String recordId,
    String findingKey,
    RemittanceHeader remittance,
    ClaimPayment payment,
    SubmittedClaim claim,
    RecoupmentKind kind,
    BigDecimal amount,
    ClaimPayment reversed,
    RemittanceHeader reversedRemittance,
    ClaimPayment correction,
    ProviderAdjustment providerAdjustment,
    boolean voidedByProvider,
    Detection detection)
    implements Finding {
  public Recoupment {
    recordId = Text.requireText(recordId, "record id");
    findingKey = Text.requireText(findingKey, "finding key");
    Objects.requireNonNull(remittance, "remittance");
    Objects.requireNonNull(kind, "kind");
    amount = Money.normalize(Objects.requireNonNull(amount, "amount"));
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a recoupment takes a positive amount back");
    }
    if ((kind == RecoupmentKind.PROVIDER_ADJUSTMENT) != (providerAdjustment != null)) {
      throw new IllegalArgumentException("a PLB recoupment needs its adjustment, and only it");
    }
    if (kind == RecoupmentKind.REVERSAL && payment == null) {
      throw new IllegalArgumentException("a reversal recoupment needs the reversal");
    }
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public RecordType type() {
    return RecordType.RECOUPMENT;
  }

  @Override
  public LineMatch line() {
    return null;
  }
}
