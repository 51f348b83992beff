package dev.x12gw.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic: exact decimals, at least two places, never binary floating point. */
public final class Money {
  public static final BigDecimal ZERO = new BigDecimal("0.00");

  private Money() {}

  /** Keeps the sender's precision but never fewer than two decimal places. */
  public static BigDecimal normalize(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    return amount.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
  }

  public static boolean isZero(BigDecimal amount) {
    return amount != null && amount.signum() == 0;
  }
}
