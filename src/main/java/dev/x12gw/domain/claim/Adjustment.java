package dev.x12gw.domain.claim;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * 835 CAS triplet (also 837 loops 2320/2430 CAS): one claim adjustment reason with its group,
 * amount and quantity. Kept with the claim values because the 837 and the 835 share it.
 *
 * @param level claim (loop 2100) or line (loop 2110)
 * @param group CAS01 claim adjustment group code (CO, OA, PI, PR; CR accepted from older senders)
 * @param reason CARC (CAS02/05/08/11/14/17)
 * @param amount adjustment amount; positive reduces payment
 * @param quantity adjustment quantity, or null when not sent
 */
public record Adjustment(
    AdjustmentLevel level, String group, String reason, BigDecimal amount, BigDecimal quantity) {
  public Adjustment {
    Objects.requireNonNull(level, "level");
    group = Text.requireText(group, "CAS01 adjustment group").toUpperCase(java.util.Locale.ROOT);
    reason = Text.requireText(reason, "CAS adjustment reason code");
    Objects.requireNonNull(amount, "CAS adjustment amount");
    amount = Money.normalize(amount);
  }

  /** True for group PR: the patient, not the payer, owes this amount. */
  public boolean isPatientResponsibility() {
    return "PR".equals(group);
  }

  /** Group and reason as billers write them, e.g. {@code CO-197}. */
  public String code() {
    return group + "-" + reason;
  }
}
