package dev.x12gw.domain.controlroom;

import static dev.x12gw.domain.classification.DenialFamily.AUTHORIZATION;
import static dev.x12gw.domain.classification.DenialFamily.CODING;
import static dev.x12gw.domain.classification.ServiceLine.ORTHOPEDICS;
import static dev.x12gw.domain.controlroom.PatternCategory.DENIAL;
import static dev.x12gw.domain.controlroom.PayerPatternDetectorTest.bd;
import static dev.x12gw.domain.controlroom.PayerPatternDetectorTest.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.classification.DenialFamily;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payer pattern values: cells, policies and patterns — what they refuse, how they read. */
class PayerPatternValuesTest {
  private static final YearMonth PERIOD = YearMonth.of(2026, 11);

  @Test
  void aCellIsCopiedAndNormalised() {
    List<String> ids = new ArrayList<>(List.of("r-1", "r-2"));
    PatternCell c =
        new PatternCell(
            " 87726 ",
            AUTHORIZATION,
            ORTHOPEDICS,
            DENIAL,
            PERIOD,
            2,
            new BigDecimal("150"),
            40,
            new BigDecimal("9000.5"),
            ids);
    ids.add("r-3");

    assertThat(c.payerId()).isEqualTo("87726");
    assertThat(c.recordIds()).containsExactly("r-1", "r-2");
    assertThat(c.findingDollars()).isEqualTo(new BigDecimal("150.00"));
    assertThat(c.volumeDollars()).isEqualTo(new BigDecimal("9000.50"));
  }

  @Test
  void aVolumeOnlyCellHasNoFindings() {
    PatternCell c = PatternCell.volumeOnly("87726", ORTHOPEDICS, PERIOD, 40, bd(40_000));
    assertThat(c.findings()).isZero();
    assertThat(c.family()).isEqualTo(DenialFamily.OTHER);
    assertThat(c.recordIds()).isEmpty();
    assertThat(c.volume()).isEqualTo(40);
  }

  @Test
  void aCellRefusesImpossibleFigures() {
    assertThatThrownBy(() -> cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, -1, 40))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PatternCell.volumeOnly("87726", ORTHOPEDICS, PERIOD, -1, bd(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 41, 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceed");
    assertThatThrownBy(() -> PatternCell.volumeOnly("87726", ORTHOPEDICS, PERIOD, 4, bd(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PatternCell(
                    "87726",
                    AUTHORIZATION,
                    ORTHOPEDICS,
                    DENIAL,
                    PERIOD,
                    1,
                    bd(-5),
                    4,
                    bd(1),
                    List.of("r-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PatternCell(
                    "87726",
                    AUTHORIZATION,
                    ORTHOPEDICS,
                    DENIAL,
                    PERIOD,
                    0,
                    bd(0),
                    4,
                    bd(1),
                    List.of("r-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without findings");
    assertThatThrownBy(
            () ->
                new PatternCell(
                    " ", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 0, bd(0), 4, bd(1), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PatternCell(
                    "87726", null, ORTHOPEDICS, DENIAL, PERIOD, 0, bd(0), 4, bd(1), List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void thePolicyHasItsDefaultsAndRefusesNonsense() {
    PatternPolicy d = PatternPolicy.defaults();
    assertThat(d.baselineMonths()).isEqualTo(6);
    assertThat(d.minVolume()).isEqualTo(30);
    assertThat(d.minFindings()).isEqualTo(5);
    assertThat(d.minLift()).isEqualByComparingTo("0.05");
    assertThat(d.alpha()).isEqualTo(0.01);
    assertThat(d.bonferroni()).isFalse();

    BigDecimal lift = new BigDecimal("0.05");
    assertThatThrownBy(() -> new PatternPolicy(0, 30, 5, lift, 0.01, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 0, 5, lift, 0.01, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 0, lift, 0.01, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 5, new BigDecimal("-0.01"), 0.01, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 5, BigDecimal.ONE, 0.01, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 5, lift, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 5, lift, 0.6, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 5, lift, Double.NaN, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatternPolicy(6, 30, 5, null, 0.01, false))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void twoCellsForTheSameKeyAreRefused() {
    List<PatternCell> cells =
        List.of(
            cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 9, 50),
            cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 3, 50));

    assertThatThrownBy(() -> PayerPatternDetector.detect(cells, PERIOD, PatternPolicy.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two cells");
  }

  @Test
  void aPayerServiceLineAndMonthHasOneVolume() {
    YearMonth month = PERIOD.minusMonths(2);
    PatternCell auth = cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, month, 9, 50);
    // 60 claims for the same $50,000, then 50 claims for $60,000
    PatternCell otherCount =
        new PatternCell(
            "87726", CODING, ORTHOPEDICS, DENIAL, month, 0, bd(0), 60, bd(50_000), List.of());
    PatternCell otherDollars =
        new PatternCell(
            "87726", CODING, ORTHOPEDICS, DENIAL, month, 0, bd(0), 50, bd(60_000), List.of());
    PatternCell same = PatternCell.volumeOnly("87726", ORTHOPEDICS, month, 50, bd(50_000));

    for (PatternCell other : List.of(otherCount, otherDollars)) {
      assertThatThrownBy(
              () ->
                  PayerPatternDetector.detect(
                      List.of(auth, other), PERIOD, PatternPolicy.defaults()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stated twice differently");
    }
    assertThat(PayerPatternDetector.detect(List.of(auth, same), PERIOD, PatternPolicy.defaults()))
        .isEmpty();
  }

  @Test
  void aPatternRefusesFiguresThatDoNotHold() {
    assertThatThrownBy(() -> pattern(PatternComparison.OWN_BASELINE, PERIOD, PERIOD, 9, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                pattern(
                    PatternComparison.OTHER_PAYERS,
                    PERIOD.minusMonths(6),
                    PERIOD.minusMonths(1),
                    9,
                    50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                pattern(
                    PatternComparison.OWN_BASELINE,
                    PERIOD.minusMonths(6),
                    PERIOD.minusMonths(1),
                    51,
                    50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PayerPattern(
                    "87726",
                    AUTHORIZATION,
                    ORTHOPEDICS,
                    DENIAL,
                    PatternComparison.OTHER_PAYERS,
                    PERIOD,
                    PERIOD,
                    PERIOD,
                    9,
                    50,
                    new BigDecimal("0.19"),
                    bd(900),
                    12,
                    300,
                    new BigDecimal("0.04"),
                    new BigDecimal("0.14"),
                    3.86,
                    0.000057,
                    0.01,
                    1,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the counts");
    assertThat(
            pattern(
                    PatternComparison.OWN_BASELINE,
                    PERIOD.minusMonths(6),
                    PERIOD.minusMonths(1),
                    9,
                    50)
                .level())
        .isEqualTo(0.01);
  }

  @Test
  void pValuesReadAsFourDecimalsThenTwoSignificantDigitsThenABound() {
    assertThat(PayerPattern.pText(0.014348)).isEqualTo("p = 0.0143");
    assertThat(PayerPattern.pText(0.0001)).isEqualTo("p = 0.0001");
    assertThat(PayerPattern.pText(0.00009996)).isEqualTo("p = 0.0001");
    assertThat(PayerPattern.pText(0.0000568736)).isEqualTo("p = 0.000057");
    assertThat(PayerPattern.pText(0.000001)).isEqualTo("p = 0.000001");
    assertThat(PayerPattern.pText(2.2e-10)).isEqualTo("p < 0.000001");
    assertThat(PayerPattern.pText(0)).isEqualTo("p < 0.000001");
  }

  @Test
  void ratesInTheSentenceAreTheExactRatiosToOneDecimal() {
    // 2 of 3 = 66.666…% and 1 of 3 = 33.333…%: 66.7% and 33.3%, lift 0.333333 → 33.3 points
    PayerPattern p =
        new PayerPattern(
            "87726",
            AUTHORIZATION,
            ORTHOPEDICS,
            DENIAL,
            PatternComparison.OTHER_PAYERS,
            PERIOD,
            PERIOD,
            PERIOD,
            2,
            3,
            PayerPattern.rate(2, 3),
            bd(200),
            1,
            3,
            PayerPattern.rate(1, 3),
            new BigDecimal("0.333333"),
            0.8,
            0.21,
            0.5,
            1,
            List.of("r-1", "r-2"));

    assertThat(p.rate()).isEqualByComparingTo("0.666667");
    assertThat(p.explanation())
        .isEqualTo(
            "Payer 87726: AUTHORIZATION denials on ORTHOPEDICS claims were 66.7% (2 of 3) in"
                + " 2026-11 against 33.3% (1 of 3) for the other payers in the same month, 33.3"
                + " points higher; one-sided two-proportion z-test: z = 0.80, p = 0.2100"
                + " (significance level 0.5).");
  }

  private static PayerPattern pattern(
      PatternComparison comparison, YearMonth from, YearMonth to, long findings, long volume) {
    return new PayerPattern(
        "87726",
        AUTHORIZATION,
        ORTHOPEDICS,
        DENIAL,
        comparison,
        PERIOD,
        from,
        to,
        findings,
        volume,
        new BigDecimal("0.18"),
        bd(900),
        12,
        300,
        new BigDecimal("0.04"),
        new BigDecimal("0.14"),
        3.86,
        0.000057,
        0.01,
        1,
        List.of("r-1"));
  }
}
