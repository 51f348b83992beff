package dev.x12gw.domain.controlroom;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The thresholds of {@link PayerPatternDetector}: the baseline window, the minimum volume and
 * findings, the minimum rise of the rate and the significance level of the one-sided test.
 *
 * @param baselineMonths months before the period pooled into the payer's own baseline (1..120)
 * @param minVolume claims adjudicated needed on each side of a comparison: in the period, and in
 *     the reference (the baseline months together, or the other payers together)
 * @param minFindings claims with a finding needed in the period
 * @param minLift how much higher the rate must be, as an absolute difference of rates (0.05 = 5
 *     percentage points), compared exactly; from 0 (inclusive) to 1 (exclusive)
 * @param alpha one-sided significance level the p-value must be below, in (0, 0.5]
 * @param bonferroni whether alpha is divided by the number of comparisons eligible in the run
 *     (Bonferroni); see {@link PayerPatternDetector} for what is counted and why it is off by
 *     default
 */
public record PatternPolicy(
    int baselineMonths,
    long minVolume,
    long minFindings,
    BigDecimal minLift,
    double alpha,
    boolean bonferroni) {
  public PatternPolicy {
    if (baselineMonths < 1 || baselineMonths > 120) {
      throw new IllegalArgumentException("baseline months must be 1..120: " + baselineMonths);
    }
    if (minVolume < 1) {
      throw new IllegalArgumentException("minimum volume must be at least 1: " + minVolume);
    }
    if (minFindings < 1) {
      throw new IllegalArgumentException("minimum findings must be at least 1: " + minFindings);
    }
    Objects.requireNonNull(minLift, "minimum lift");
    if (minLift.signum() < 0 || minLift.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("minimum lift must be in [0, 1): " + minLift);
    }
    if (!(alpha > 0 && alpha <= 0.5)) {
      throw new IllegalArgumentException("alpha must be in (0, 0.5]: " + alpha);
    }
  }

  /**
   * Six months of baseline, 30 claims on each side, 5 findings, 5 percentage points, alpha 0.01,
   * unadjusted.
   */
  public static PatternPolicy defaults() {
    return new PatternPolicy(6, 30, 5, new BigDecimal("0.05"), 0.01, false);
  }
}
