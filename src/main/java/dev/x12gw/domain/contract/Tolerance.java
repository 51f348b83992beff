package dev.x12gw.domain.contract;

import dev.x12gw.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Contract variance tolerance: how far a payment may miss the contracted allowed amount before it
 * counts.
 *
 * <p>A variance counts only when it exceeds <em>both</em> tolerances: more than {@code absolute}
 * and more than {@code percent} % of the expected amount. With {@code absolute} 5.00 and {@code
 * percent} 2, a variance of 4.00 on 500.00 expected does not count (under 5.00), nor does 8.00 on
 * 500.00 (under 10.00, 2 %), but 12.00 on 500.00 does.
 *
 * @param absolute the amount a variance must exceed, never negative
 * @param percent the share of the expected amount, in percent, a variance must exceed, never
 *     negative
 */
public record Tolerance(BigDecimal absolute, BigDecimal percent) {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  public Tolerance {
    absolute = Money.normalize(Objects.requireNonNull(absolute, "absolute tolerance"));
    percent = Money.normalize(Objects.requireNonNull(percent, "percent tolerance"));
    if (absolute.signum() < 0) {
      throw new IllegalArgumentException(
          "absolute tolerance must not be negative: " + absolute.toPlainString());
    }
    if (percent.signum() < 0) {
      throw new IllegalArgumentException(
          "percent tolerance must not be negative: " + percent.toPlainString());
    }
  }

  /** No tolerance: every positive variance counts. */
  public static Tolerance none() {
    return new Tolerance(Money.ZERO, Money.ZERO);
  }

  /**
   * Whether a variance counts: true when it is greater than {@code absolute} and greater than
   * {@code percent} % of {@code expected} (of its magnitude, should it be negative).
   *
   * <p>The variance is compared as given, so a zero or negative variance never counts; to test a
   * variance in either direction pass its absolute value.
   *
   * @param variance how far the actual amount is from the expected one
   * @param expected the expected amount (the contracted allowed amount times units)
   */
  public boolean exceeded(BigDecimal variance, BigDecimal expected) {
    Objects.requireNonNull(variance, "variance");
    Objects.requireNonNull(expected, "expected amount");
    BigDecimal relative = expected.abs().multiply(percent).divide(HUNDRED);
    return variance.compareTo(absolute) > 0 && variance.compareTo(relative) > 0;
  }
}
