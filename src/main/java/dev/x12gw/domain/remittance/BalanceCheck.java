package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * 835 balancing: one failed equation, with what it should have given and what the payer sent.
 *
 * @param level line, claim or transaction
 * @param lineOrdinal 1-based SVC position within its CLP for a line, else 0
 * @param expectedAmount what the equation gives (e.g. SVC02 − ΣCAS for a line)
 * @param actualAmount what the payer sent (SVC03, CLP04, BPR02)
 * @param equation the equation in words with the figures, for the rationale
 */
public record BalanceCheck(
    BalanceLevel level,
    int lineOrdinal,
    BigDecimal expectedAmount,
    BigDecimal actualAmount,
    String equation) {
  public BalanceCheck {
    Objects.requireNonNull(level, "level");
    if (lineOrdinal < 0 || (level == BalanceLevel.LINE) != (lineOrdinal > 0)) {
      throw new IllegalArgumentException("a line ordinal is required for lines only");
    }
    expectedAmount = Money.normalize(Objects.requireNonNull(expectedAmount, "expected"));
    actualAmount = Money.normalize(Objects.requireNonNull(actualAmount, "actual"));
    equation = Text.requireText(equation, "equation");
  }

  /** Expected − actual: positive when the payer sent less than the equation gives. */
  public BigDecimal variance() {
    return Money.normalize(expectedAmount.subtract(actualAmount));
  }
}
