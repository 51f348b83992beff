package dev.x12gw.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ToleranceTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void aVarianceMustExceedBothTheAbsoluteAndThePercentTolerance() {
    Tolerance t = new Tolerance(d("5"), d("2"));
    // 2 % of 500.00 is 10.00
    assertThat(t.exceeded(d("4.00"), d("500.00"))).isFalse(); // under both
    assertThat(t.exceeded(d("8.00"), d("500.00"))).isFalse(); // over 5.00, under 10.00
    assertThat(t.exceeded(d("10.00"), d("500.00"))).isFalse(); // equal is not over
    assertThat(t.exceeded(d("10.01"), d("500.00"))).isTrue();
    // 2 % of 100.00 is 2.00: now the absolute tolerance is the larger one
    assertThat(t.exceeded(d("4.00"), d("100.00"))).isFalse(); // over 2 %, under 5.00
    assertThat(t.exceeded(d("5.00"), d("100.00"))).isFalse();
    assertThat(t.exceeded(d("5.01"), d("100.00"))).isTrue();
  }

  @Test
  void noToleranceCountsEveryPositiveVariance() {
    Tolerance none = Tolerance.none();
    assertThat(none.absolute().toPlainString()).isEqualTo("0.00");
    assertThat(none.percent().toPlainString()).isEqualTo("0.00");
    assertThat(none.exceeded(d("0.01"), d("100"))).isTrue();
    assertThat(none.exceeded(d("0"), d("100"))).isFalse();
    assertThat(none.exceeded(d("-3"), d("100"))).isFalse();
  }

  @Test
  void onlyOneToleranceSet() {
    Tolerance absoluteOnly = new Tolerance(d("1"), BigDecimal.ZERO);
    assertThat(absoluteOnly.exceeded(d("1.00"), d("1000"))).isFalse();
    assertThat(absoluteOnly.exceeded(d("1.01"), d("1000"))).isTrue();
    Tolerance percentOnly = new Tolerance(BigDecimal.ZERO, d("0.5"));
    // 0.5 % of 1000.00 is 5.00
    assertThat(percentOnly.exceeded(d("5.00"), d("1000.00"))).isFalse();
    assertThat(percentOnly.exceeded(d("5.001"), d("1000.00"))).isTrue();
  }

  @Test
  void theVarianceIsComparedAsGivenAndThePercentOfTheExpectedMagnitude() {
    Tolerance t = new Tolerance(d("1"), d("10"));
    assertThat(t.exceeded(d("-50"), d("100"))).isFalse();
    assertThat(t.exceeded(d("50"), d("100"))).isTrue();
    assertThat(t.exceeded(d("5"), d("-100"))).isFalse(); // 10 % of 100.00 is 10.00
    assertThat(t.exceeded(d("11"), d("-100"))).isTrue();
  }

  @Test
  void tolerancesAreNormalisedAndNeverNegative() {
    Tolerance t = new Tolerance(d("5"), d("2.5"));
    assertThat(t.absolute().toPlainString()).isEqualTo("5.00");
    assertThat(t.percent().toPlainString()).isEqualTo("2.50");
    assertThatThrownBy(() -> new Tolerance(d("-1"), d("0"))).hasMessageContaining("absolute");
    assertThatThrownBy(() -> new Tolerance(d("0"), d("-1"))).hasMessageContaining("percent");
    assertThatThrownBy(() -> new Tolerance(null, d("0"))).hasMessageContaining("absolute");
    assertThatThrownBy(() -> new Tolerance(d("0"), null)).hasMessageContaining("percent");
  }
}
