package dev.x12gw.domain.controlroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standard normal upper tail against published quantiles and reference values of P(Z ≥ z) =
 * erfc(z / √2) / 2 (computed independently in double precision, e.g. Python's math.erfc, and
 * matching the tables of Abramowitz and Stegun 26.2).
 */
class NormalDistributionTest {
  /** The usual one-sided critical values, as printed in tables (z to 4 decimals). */
  @ParameterizedTest
  @CsvSource({
    "1.6449, 0.05",
    "2.3263, 0.01",
    "3.0902, 0.001",
    "0, 0.5",
    "-1.96, 0.975",
    "1.96, 0.025"
  })
  void tableValues(double z, double tail) {
    // z rounded to 4 decimals moves the tail by at most φ(z)·0.00005 < 0.00002
    assertThat(NormalDistribution.upperTail(z)).isCloseTo(tail, within(0.00002));
  }

  /** Exact quantiles of N(0,1) (z to 16 digits): the tail is the level to ~1e-15. */
  @ParameterizedTest
  @CsvSource({
    "1.6448536269514722, 0.05",
    "2.3263478740408408, 0.01",
    "3.090232306167813, 0.001",
    "1.959963984540054, 0.025",
    "-1.959963984540054, 0.975"
  })
  void exactQuantiles(double z, double tail) {
    assertThat(NormalDistribution.upperTail(z)).isCloseTo(tail, within(1e-14));
  }

  /** Reference values over all three of Cody's intervals (|z/√2| below 0.46875, to 4, beyond). */
  @ParameterizedTest
  @CsvSource({
    "0.3, 0.3820885778110474",
    "0.5, 0.3085375387259869",
    "1.0, 0.15865525393145707",
    "1.6449, 0.04999521746834632",
    "2.0, 0.02275013194817922",
    "3.859224924939798, 5.687360542724579e-05",
    "4.0, 3.1671241833119965e-05",
    "4.5, 3.3976731247300615e-06",
    "5.0, 2.866515718791946e-07",
    "6.0, 9.865876450377012e-10",
    "8.0, 6.220960574271819e-16",
    "10.0, 7.619853024160593e-24",
    "20.0, 2.7536241186063314e-89",
    "37.0, 5.725571222525139e-300",
    "-8.0, 0.9999999999999993"
  })
  void relativeAccuracy(double z, double tail) {
    // relative error well under 1e-7 (asked) — Cody's approximation gives ~1e-14 here
    assertThat(NormalDistribution.upperTail(z)).isCloseTo(tail, withinPercentage(1e-10));
  }

  @Test
  void largeZGivesATinyPositiveTailNeverNegativeOrNaN() {
    double tail = NormalDistribution.upperTail(8);
    assertThat(tail).isCloseTo(6.2e-16, withinPercentage(1)).isPositive();
    assertThat(NormalDistribution.upperTail(40)).isZero();
    assertThat(NormalDistribution.upperTail(Double.POSITIVE_INFINITY)).isZero();
    assertThat(NormalDistribution.upperTail(-40)).isEqualTo(1.0);
    assertThat(NormalDistribution.upperTail(Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
  }

  @Test
  void symmetricBoundedAndNonIncreasingOverAGrid() {
    double previous = 1.0;
    for (int i = -4000; i <= 4000; i++) {
      double z = i / 100.0;
      double tail = NormalDistribution.upperTail(z);
      assertThat(tail).as("z = %s", z).isNotNaN().isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
      assertThat(tail + NormalDistribution.upperTail(-z))
          .as("z = %s", z)
          .isCloseTo(1.0, within(1e-15));
      previous = tail;
    }
  }

  @Test
  void nanIsRefused() {
    assertThatThrownBy(() -> NormalDistribution.upperTail(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
