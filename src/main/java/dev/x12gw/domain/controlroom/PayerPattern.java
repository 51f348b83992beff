package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A payer whose denial or underpayment rate for a family × service line in a month is significantly
 * above its reference (its own baseline, or the other payers): the figures of both sides, the test
 * and the finding records behind the period's count. Found by {@link PayerPatternDetector}.
 *
 * @param payerId normalised payer id
 * @param family denial family
 * @param serviceLine service line
 * @param category DENIAL or UNDERPAYMENT
 * @param comparison what the period was compared with
 * @param period the month tested
 * @param referenceFrom first month of the reference: the first baseline month, or the period
 * @param referenceTo last month of the reference: the month before the period, or the period
 * @param findings claims with a finding in the period
 * @param volume claims adjudicated in the period
 * @param rate findings / volume, 6 decimal places (checked against the counts)
 * @param findingDollars amounts at stake of the period's findings
 * @param referenceFindings claims with a finding in the reference
 * @param referenceVolume claims adjudicated in the reference
 * @param referenceRate referenceFindings / referenceVolume, 6 decimal places (checked)
 * @param lift rate − referenceRate computed exactly from the counts, 6 decimal places (checked)
 * @param z the two-proportion z statistic
 * @param pValue P(Z ≥ z) under the null hypothesis
 * @param alpha the policy's one-sided significance level
 * @param comparisons what alpha was divided by: 1 unadjusted, else the Bonferroni count
 * @param recordIds the finding records of the period (the claims behind the pattern)
 */
public record PayerPattern(
    String payerId,
    DenialFamily family,
    ServiceLine serviceLine,
    PatternCategory category,
    PatternComparison comparison,
    YearMonth period,
    YearMonth referenceFrom,
    YearMonth referenceTo,
    long findings,
    long volume,
    BigDecimal rate,
    BigDecimal findingDollars,
    long referenceFindings,
    long referenceVolume,
    BigDecimal referenceRate,
    BigDecimal lift,
    double z,
    double pValue,
    double alpha,
    int comparisons,
    List<String> recordIds) {
  /** Decimal places of {@link #rate}, {@link #referenceRate} and {@link #lift}. */
  public static final int RATE_SCALE = 6;

  public PayerPattern {
    payerId = Text.requireText(payerId, "payer id");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(serviceLine, "service line");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(referenceFrom, "reference from");
    Objects.requireNonNull(referenceTo, "reference to");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(findingDollars, "finding dollars");
    Objects.requireNonNull(referenceRate, "reference rate");
    Objects.requireNonNull(lift, "lift");
    if (referenceFrom.isAfter(referenceTo)) {
      throw new IllegalArgumentException(
          "reference " + referenceFrom + ".." + referenceTo + " ends before it starts");
    }
    if (comparison == PatternComparison.OWN_BASELINE
        ? !referenceTo.isBefore(period)
        : !(referenceFrom.equals(period) && referenceTo.equals(period))) {
      throw new IllegalArgumentException(
          comparison + " reference " + referenceFrom + ".." + referenceTo + " for " + period);
    }
    if (volume < 1 || findings < 0 || findings > volume) {
      throw new IllegalArgumentException("period figures " + findings + " of " + volume);
    }
    if (referenceVolume < 1 || referenceFindings < 0 || referenceFindings > referenceVolume) {
      throw new IllegalArgumentException(
          "reference figures " + referenceFindings + " of " + referenceVolume);
    }
    if (findingDollars.signum() < 0) {
      throw new IllegalArgumentException("finding dollars are not negative: " + findingDollars);
    }
    if (rate.compareTo(rate(findings, volume)) != 0
        || referenceRate.compareTo(rate(referenceFindings, referenceVolume)) != 0
        || lift.compareTo(lift(findings, volume, referenceFindings, referenceVolume)) != 0) {
      throw new IllegalArgumentException(
          "rates " + rate + ", " + referenceRate + " and lift " + lift + " are not the counts'");
    }
    findingDollars = Money.normalize(findingDollars);
    if (Double.isNaN(z) || !(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("z " + z + ", p " + pValue);
    }
    if (!(alpha > 0 && alpha <= 0.5) || comparisons < 1) {
      throw new IllegalArgumentException("alpha " + alpha + " over " + comparisons);
    }
    recordIds = List.copyOf(Objects.requireNonNull(recordIds, "record ids"));
  }

  /** Exact count ratio at {@link #RATE_SCALE} places, half-even. */
  static BigDecimal rate(long findings, long volume) {
    return BigDecimal.valueOf(findings)
        .divide(BigDecimal.valueOf(volume), RATE_SCALE, RoundingMode.HALF_EVEN);
  }

  /** x1/n1 − x2/n2 from the exact difference x1·n2 − x2·n1, at {@link #RATE_SCALE} places. */
  static BigDecimal lift(long x1, long n1, long x2, long n2) {
    BigDecimal n1n2 = BigDecimal.valueOf(n1).multiply(BigDecimal.valueOf(n2));
    return crossDifference(x1, n1, x2, n2).divide(n1n2, RATE_SCALE, RoundingMode.HALF_EVEN);
  }

  /** x1·n2 − x2·n1, exactly. */
  static BigDecimal crossDifference(long x1, long n1, long x2, long n2) {
    return BigDecimal.valueOf(x1)
        .multiply(BigDecimal.valueOf(n2))
        .subtract(BigDecimal.valueOf(x2).multiply(BigDecimal.valueOf(n1)));
  }

  /** The level the p-value was below: alpha, or alpha / comparisons under Bonferroni. */
  public double level() {
    return alpha / comparisons;
  }

  /**
   * One sentence with the figures, e.g. "Payer 87726: AUTHORIZATION denials on ORTHOPEDICS claims
   * were 18.0% (9 of 50) in 2026-11 against its own 4.0% (12 of 300) in 2026-05..2026-10, 14.0
   * points higher; one-sided two-proportion z-test: z = 3.86, p = 0.000057 (significance level
   * 0.01)."
   */
  public String explanation() {
    String what = category == PatternCategory.DENIAL ? "denials" : "underpayments";
    String reference =
        comparison == PatternComparison.OWN_BASELINE
            ? String.format(
                Locale.ROOT,
                "its own %s (%d of %d) in %s..%s",
                percent(referenceFindings, referenceVolume),
                referenceFindings,
                referenceVolume,
                referenceFrom,
                referenceTo)
            : String.format(
                Locale.ROOT,
                "%s (%d of %d) for the other payers in the same month",
                percent(referenceFindings, referenceVolume),
                referenceFindings,
                referenceVolume);
    return String.format(
        Locale.ROOT,
        "Payer %s: %s %s on %s claims were %s (%d of %d) in %s against %s, %s points higher;"
            + " one-sided two-proportion z-test: z = %.2f, %s (significance level %s).",
        payerId,
        family,
        what,
        serviceLine,
        percent(findings, volume),
        findings,
        volume,
        period,
        reference,
        lift.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString(),
        z,
        pText(pValue),
        levelText());
  }

  /** The exact ratio as a percentage to one decimal place. */
  private static String percent(long findings, long volume) {
    return BigDecimal.valueOf(findings * 100L)
            .divide(BigDecimal.valueOf(volume), 1, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }

  /** Four decimals down to 0.0001, then two significant digits down to 0.000001. */
  static String pText(double p) {
    if (p >= 0.0001) {
      return String.format(Locale.ROOT, "p = %.4f", p);
    }
    if (p >= 0.000001) {
      return "p = "
          + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
    return "p < 0.000001";
  }

  private String levelText() {
    String a = significant(alpha);
    return comparisons == 1
        ? a
        : a + " / " + comparisons + " comparisons = " + significant(level());
  }

  private static String significant(double d) {
    return new BigDecimal(d).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
