package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One step of a claim's lifecycle.
 *
 * @param date when it happened (BHT04 for claims, BPR16 for remittances), or null when not sent
 * @param event SUBMITTED, RESUBMITTED, VOIDED, PAID, DENIED, PARTIALLY_DENIED, UNDERPAID, REVERSED,
 *     RECOUPED, RECOVERED
 * @param amount the amount concerned, or null
 * @param reference the CLP07 / CLM01 / trace the event comes from
 */
public record LifecycleEvent(LocalDate date, String event, BigDecimal amount, String reference) {
  public LifecycleEvent {
    event = Text.requireText(event, "event");
    amount = Money.normalize(amount);
    reference = Text.orEmpty(reference);
  }
}
