package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 835 PLB: one provider-level adjustment pair (PLB03/04, 05/06, ... 13/14).
 *
 * @param providerId PLB01 provider identifier
 * @param fiscalPeriodEnd PLB02 fiscal period date, or null
 * @param reason PLB03-1 adjustment reason (WO, 72, FB, L6, CS, IR, J1, ...)
 * @param reference PLB03-2 reference identifier (often the claim's CLP07 or CLP01), or ""
 * @param amount PLB04: positive reduces the payment, negative adds to it
 */
public record ProviderAdjustment(
    String providerId,
    LocalDate fiscalPeriodEnd,
    String reason,
    String reference,
    BigDecimal amount) {
  public ProviderAdjustment {
    providerId = Text.orEmpty(providerId);
    reason = Text.requireText(reason, "PLB adjustment reason");
    reference = Text.orEmpty(reference);
    amount = Money.normalize(Objects.requireNonNull(amount, "PLB adjustment amount"));
  }
}
