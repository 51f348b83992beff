package dev.x12gw.domain.controlroom;

import static dev.x12gw.domain.classification.DenialFamily.AUTHORIZATION;
import static dev.x12gw.domain.classification.DenialFamily.CODING;
import static dev.x12gw.domain.classification.ServiceLine.EMERGENCY;
import static dev.x12gw.domain.classification.ServiceLine.ORTHOPEDICS;
import static dev.x12gw.domain.controlroom.PatternCategory.DENIAL;
import static dev.x12gw.domain.controlroom.PatternCategory.UNDERPAYMENT;
import static dev.x12gw.domain.controlroom.PatternComparison.OTHER_PAYERS;
import static dev.x12gw.domain.controlroom.PatternComparison.OWN_BASELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Payer patterns with hand-computed figures: z = (p1 − p2) / √(p(1 − p)(1/n1 + 1/n2)) with the
 * pooled p, and the one-sided p-value P(Z ≥ z) from a normal table.
 */
class PayerPatternDetectorTest {
  private static final YearMonth PERIOD = YearMonth.of(2026, 11);
  private static final PatternPolicy DEFAULTS = PatternPolicy.defaults();

  // ---- firing ------------------------------------------------------------------------------

  @Test
  void firesAgainstTheOwnBaselineWithTheFiguresAndTheSentence() {
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 9, 50));
    // baseline 2026-05..2026-10: 3+3+3+3 AUTHORIZATION denials in four months of 50 claims, and
    // two months of 50 claims without one (one with a CODING denial, one with no finding at all)
    for (int back = 6; back >= 3; back--) {
      cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD.minusMonths(back), 3, 50));
    }
    cells.add(cell("87726", CODING, ORTHOPEDICS, DENIAL, PERIOD.minusMonths(2), 1, 50));
    cells.add(PatternCell.volumeOnly("87726", ORTHOPEDICS, PERIOD.minusMonths(1), 50, bd(50_000)));
    // 2026-04 is outside the six months: its 40 of 50 must not count
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD.minusMonths(7), 40, 50));

    List<PayerPattern> patterns = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS);

    // p1 = 9/50 = 0.18; p2 = 12/300 = 0.04 (not 12/200: the months without one count);
    // pooled p = 21/350 = 0.06; p(1 − p)(1/n1 + 1/n2) = 0.06 × 0.94 × (1/50 + 1/300)
    //   = 0.0564 × 0.0233333 = 0.001316; se = √0.001316 = 0.0362767;
    // z = (0.18 − 0.04) / 0.0362767 = 3.8592; p = P(Z ≥ 3.8592) = 0.0000569 < 0.01; lift 0.14.
    // No OTHER_PAYERS comparison: no other payer has ORTHOPEDICS volume.
    assertThat(patterns).hasSize(1);
    PayerPattern p = patterns.get(0);
    assertThat(p.payerId()).isEqualTo("87726");
    assertThat(p.family()).isEqualTo(AUTHORIZATION);
    assertThat(p.serviceLine()).isEqualTo(ORTHOPEDICS);
    assertThat(p.category()).isEqualTo(DENIAL);
    assertThat(p.comparison()).isEqualTo(OWN_BASELINE);
    assertThat(p.period()).isEqualTo(PERIOD);
    assertThat(p.referenceFrom()).isEqualTo(YearMonth.of(2026, 5));
    assertThat(p.referenceTo()).isEqualTo(YearMonth.of(2026, 10));
    assertThat(p.findings()).isEqualTo(9);
    assertThat(p.volume()).isEqualTo(50);
    assertThat(p.rate()).isEqualByComparingTo("0.18");
    assertThat(p.findingDollars()).isEqualByComparingTo("900.00");
    assertThat(p.referenceFindings()).isEqualTo(12);
    assertThat(p.referenceVolume()).isEqualTo(300);
    assertThat(p.referenceRate()).isEqualByComparingTo("0.04");
    assertThat(p.lift()).isEqualByComparingTo("0.14");
    assertThat(p.z()).isCloseTo(3.8592, within(0.0001));
    assertThat(p.pValue()).isCloseTo(0.0000569, within(0.0000001));
    assertThat(p.alpha()).isEqualTo(0.01);
    assertThat(p.comparisons()).isEqualTo(1);
    assertThat(p.explanation())
        .isEqualTo(
            "Payer 87726: AUTHORIZATION denials on ORTHOPEDICS claims were 18.0% (9 of 50) in"
                + " 2026-11 against its own 4.0% (12 of 300) in 2026-05..2026-10, 14.0 points"
                + " higher; one-sided two-proportion z-test: z = 3.86, p = 0.000057"
                + " (significance level 0.01).");
  }

  @Test
  void firesAgainstTheOtherPayersButNotItsOwnSteadyBaseline() {
    List<PatternCell> cells = new ArrayList<>();
    // 60054 has denied 20% of its ORTHOPEDICS claims for AUTHORIZATION for months: 10 of 50 now,
    // 60 of 300 before — no rise against itself
    cells.add(cell("60054", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 10, 50));
    cells.addAll(baseline("60054", AUTHORIZATION, ORTHOPEDICS, DENIAL, 10, 50));
    // the other payers' ORTHOPEDICS claims in the period: 87726 denied 4 of 100 for AUTHORIZATION,
    // 62308 denied 3 of 100 for CODING only, 00590 adjudicated 100 without a finding
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 4, 100));
    cells.add(cell("62308", CODING, ORTHOPEDICS, DENIAL, PERIOD, 3, 100));
    cells.add(PatternCell.volumeOnly("00590", ORTHOPEDICS, PERIOD, 100, bd(100_000)));
    // another service line does not count among the ORTHOPEDICS others
    cells.add(cell("99999", AUTHORIZATION, EMERGENCY, DENIAL, PERIOD, 20, 100));

    List<PayerPattern> patterns = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS);

    // own: 10/50 against 60/300: lift 0 < 0.05, no pattern.
    // others: p1 = 10/50 = 0.20; p2 = (4 + 0 + 0)/(100 + 100 + 100) = 4/300 = 0.013333;
    // pooled p = 14/350 = 0.04; 0.04 × 0.96 × (1/50 + 1/300) = 0.0384 × 0.0233333 = 0.000896;
    // se = 0.0299333; z = 0.186667 / 0.0299333 = 6.2361; p = 2.24e-10 < 0.01.
    // 87726: 4/100 against (10 + 0 + 0)/250 = 4%: no rise. 62308: 3 findings < 5. 99999: no
    // other EMERGENCY payer, no baseline.
    assertThat(patterns).hasSize(1);
    PayerPattern p = patterns.get(0);
    assertThat(p.payerId()).isEqualTo("60054");
    assertThat(p.comparison()).isEqualTo(OTHER_PAYERS);
    assertThat(p.referenceFrom()).isEqualTo(PERIOD);
    assertThat(p.referenceTo()).isEqualTo(PERIOD);
    assertThat(p.referenceFindings()).isEqualTo(4);
    assertThat(p.referenceVolume()).isEqualTo(300);
    assertThat(p.referenceRate()).isEqualByComparingTo("0.013333");
    assertThat(p.lift()).isEqualByComparingTo("0.186667");
    assertThat(p.z()).isCloseTo(6.2361, within(0.0001));
    assertThat(p.pValue()).isCloseTo(2.243e-10, within(0.001e-10));
    assertThat(p.explanation())
        .isEqualTo(
            "Payer 60054: AUTHORIZATION denials on ORTHOPEDICS claims were 20.0% (10 of 50) in"
                + " 2026-11 against 1.3% (4 of 300) for the other payers in the same month, 18.7"
                + " points higher; one-sided two-proportion z-test: z = 6.24, p < 0.000001"
                + " (significance level 0.01).");
  }

  @Test
  void underpaymentsAreTheirOwnCategory() {
    // 9 of 50 UNDERPAYMENTs against 12 of 300 before; the DENIALs of the same family are 0 of 50
    // against 60 of 300 and must neither add to nor subtract from them
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, UNDERPAYMENT, PERIOD, 9, 50));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, UNDERPAYMENT, 2, 50));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 10, 50));

    List<PayerPattern> patterns = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS);

    // same figures as the first case: z = 3.8592, p = 0.0000569
    assertThat(patterns)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.category()).isEqualTo(UNDERPAYMENT);
              assertThat(p.referenceFindings()).isEqualTo(12);
              assertThat(p.z()).isCloseTo(3.8592, within(0.0001));
              assertThat(p.explanation())
                  .contains("AUTHORIZATION underpayments on ORTHOPEDICS claims");
            });
  }

  // ---- gates -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"29, 0", "30, 1"})
  void periodVolumeBelowTheMinimumDoesNotFire(long volume, int expected) {
    // 9 of 30 against 12 of 300: p1 = 0.30, p2 = 0.04, pooled = 21/330 = 0.063636;
    // 0.063636 × 0.936364 × (1/30 + 1/300) = 0.0021848; se = 0.0467424; z = 0.26 / 0.0467424
    // = 5.5624 — significant, but at 29 claims the period is below the minimum of 30
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 9, volume));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 2, 50));

    List<PayerPattern> patterns = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS);

    assertThat(patterns).hasSize(expected);
    if (expected == 1) {
      assertThat(patterns.get(0).z()).isCloseTo(5.5624, within(0.0001));
    }
  }

  @ParameterizedTest
  @CsvSource({"29, 0", "30, 1"})
  void referenceVolumeBelowTheMinimumDoesNotFire(long baselineVolume, int expected) {
    // 9 of 50 against 0 of 30 (one baseline month): pooled = 9/80 = 0.1125;
    // 0.1125 × 0.8875 × (1/50 + 1/30) = 0.09984375 × 0.0533333 = 0.005325; se = 0.0729726;
    // z = 0.18 / 0.0729726 = 2.4667; p = 0.00682 < 0.01. With 0 of 29 the test would still say
    // p = 0.0076, but 29 baseline claims are below the minimum.
    List<PatternCell> cells =
        List.of(
            cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 9, 50),
            PatternCell.volumeOnly(
                "87726", ORTHOPEDICS, PERIOD.minusMonths(3), baselineVolume, bd(1000)));

    List<PayerPattern> patterns = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS);

    assertThat(patterns).hasSize(expected);
    if (expected == 1) {
      assertThat(patterns.get(0).z()).isCloseTo(2.4667, within(0.0001));
      assertThat(patterns.get(0).pValue()).isCloseTo(0.00682, within(0.00001));
    }
  }

  @Test
  void fewerFindingsThanTheMinimumDoNotFire() {
    // 4 of 30 against 0 of 300: pooled = 4/330 = 0.012121; 0.012121 × 0.987879 × (1/30 + 1/300)
    // = 0.00043906; se = 0.0209537; z = 0.133333 / 0.0209537 = 6.3632 — but 4 findings < 5
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 4, 30));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 0, 50));

    assertThat(PayerPatternDetector.detect(cells, PERIOD, DEFAULTS)).isEmpty();
    assertThat(PayerPatternDetector.detect(cells, PERIOD, policy(30, 4, "0.05", 0.01, false)))
        .singleElement()
        .satisfies(p -> assertThat(p.z()).isCloseTo(6.3632, within(0.0001)));
  }

  @Test
  void aSignificantRiseSmallerThanTheMinimumLiftDoesNotFire() {
    // 600 of 10,000 against 6 × 400 = 2,400 of 60,000: p1 = 0.06, p2 = 0.04, lift 0.02;
    // pooled = 3,000/70,000 = 0.042857; 0.042857 × 0.957143 × (1/10,000 + 1/60,000)
    // = 0.0000047857; se = 0.0021876; z = 0.02 / 0.0021876 = 9.1423, p ≈ 3e-20 — very significant,
    // but 2 points < the 5 required. At a minimum of exactly 0.02 it fires (compared exactly).
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 600, 10_000));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 400, 10_000));

    assertThat(PayerPatternDetector.detect(cells, PERIOD, DEFAULTS)).isEmpty();
    assertThat(PayerPatternDetector.detect(cells, PERIOD, policy(30, 5, "0.020001", 0.01, false)))
        .isEmpty();
    assertThat(PayerPatternDetector.detect(cells, PERIOD, policy(30, 5, "0.02", 0.01, false)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.lift()).isEqualByComparingTo("0.02");
              assertThat(p.z()).isCloseTo(9.1423, within(0.0001));
            });
  }

  @Test
  void aRiseThatIsNotSignificantDoesNotFire() {
    // 5 of 30 against 6 × 3 = 18 of 300: p1 = 0.166667, p2 = 0.06, lift 0.106667 ≥ 0.05;
    // pooled = 23/330 = 0.069697; 0.069697 × 0.930303 × (1/30 + 1/300) = 0.0023774;
    // se = 0.0487590; z = 0.106667 / 0.0487590 = 2.1876; p = P(Z ≥ 2.1876) = 0.01435 ≥ 0.01
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 5, 30));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 3, 50));

    assertThat(PayerPatternDetector.detect(cells, PERIOD, DEFAULTS)).isEmpty();
    assertThat(PayerPatternDetector.detect(cells, PERIOD, policy(30, 5, "0.05", 0.05, false)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.z()).isCloseTo(2.1876, within(0.0001));
              assertThat(p.pValue()).isCloseTo(0.01435, within(0.00001));
              assertThat(p.explanation()).endsWith("p = 0.0143 (significance level 0.05).");
            });
  }

  @Test
  void aRateBelowTheBaselineNeverFires() {
    // 5 of 100 against 60 of 300: p1 = 0.05 < p2 = 0.20; z = −0.15 / se < 0, p > 0.5
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 5, 100));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 10, 50));

    assertThat(PayerPatternDetector.detect(cells, PERIOD, DEFAULTS)).isEmpty();
    assertThat(PayerPatternDetector.detect(cells, PERIOD, policy(1, 1, "0", 0.5, false))).isEmpty();
  }

  @Test
  void aDegenerateHundredPercentNeverFiresNorDividesByZero() {
    // 30 of 30 against 300 of 300: pooled p = 1, p(1 − p) = 0 — no variance, no test; even with
    // no minimum lift and the loosest alpha
    List<PatternCell> cells = new ArrayList<>();
    cells.add(cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 30, 30));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 50, 50));

    assertThat(PayerPatternDetector.detect(cells, PERIOD, policy(1, 1, "0", 0.5, false))).isEmpty();
  }

  @Test
  void theTestIsEmptyWhenThePooledProportionIsZeroOrOne() {
    assertThat(PayerPatternDetector.twoProportion(0, 50, 0, 300)).isEmpty();
    assertThat(PayerPatternDetector.twoProportion(50, 50, 300, 300)).isEmpty();
    assertThat(PayerPatternDetector.twoProportion(5, 50, 0, 0)).isEmpty();
    // 9 of 50 against 12 of 300, as in the first case
    assertThat(PayerPatternDetector.twoProportion(9, 50, 12, 300))
        .hasValueSatisfying(t -> assertThat(t.z()).isCloseTo(3.8592, within(0.0001)));
    // 5 of 100 against 60 of 300: pooled 65/400 = 0.1625; 0.1625 × 0.8375 × (1/100 + 1/300)
    // = 0.0018146; se = 0.0425979; z = (0.05 − 0.20) / 0.0425979 = −3.5213; p = 0.99979: a fall
    assertThat(PayerPatternDetector.twoProportion(5, 100, 60, 300))
        .hasValueSatisfying(
            t -> {
              assertThat(t.z()).isCloseTo(-3.5213, within(0.0001));
              assertThat(t.pValue()).isCloseTo(0.99979, within(0.00001));
            });
    // 1 of 50 against 0 of 50: pooled 1/100; 0.01 × 0.99 × 0.04 = 0.000396; z = 0.02 / 0.0199
    // = 1.0050 — a single finding still gives a finite test
    assertThat(PayerPatternDetector.twoProportion(1, 50, 0, 50))
        .hasValueSatisfying(t -> assertThat(t.z()).isCloseTo(1.0050, within(0.0001)));
  }

  // ---- multiple comparisons ----------------------------------------------------------------

  @Test
  void bonferroniDividesAlphaByTheComparisonsEligibleByVolume() {
    List<PatternCell> cells =
        List.of(
            cell("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, PERIOD, 9, 50),
            PatternCell.volumeOnly("87726", ORTHOPEDICS, PERIOD.minusMonths(1), 30, bd(30_000)),
            PatternCell.volumeOnly("00590", ORTHOPEDICS, PERIOD, 40, bd(40_000)),
            // 20 claims: neither of its comparisons is eligible, so neither is counted
            cell("62308", CODING, EMERGENCY, DENIAL, PERIOD, 5, 20));
    // own: 9/50 against 0/30: z = 2.4667, p = 0.00682 (as above).
    // others: 9/50 against 0/40 (00590): pooled = 9/90 = 0.1; 0.1 × 0.9 × (1/50 + 1/40) = 0.00405;
    // se = 0.0636396; z = 0.18 / 0.0636396 = 2.8284 (= 2√2); p = 0.00234.
    // Unadjusted both are < 0.01. Bonferroni: m = 2 eligible comparisons (87726 own and others),
    // level 0.01 / 2 = 0.005: only the others (0.00234) stays.
    assertThat(PayerPatternDetector.detect(cells, PERIOD, DEFAULTS))
        .extracting(PayerPattern::comparison)
        .containsExactly(OTHER_PAYERS, OWN_BASELINE);

    List<PayerPattern> adjusted =
        PayerPatternDetector.detect(cells, PERIOD, policy(30, 5, "0.05", 0.01, true));

    assertThat(adjusted)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.comparison()).isEqualTo(OTHER_PAYERS);
              assertThat(p.z()).isCloseTo(2.8284, within(0.0001));
              assertThat(p.pValue()).isCloseTo(0.00234, within(0.00001));
              assertThat(p.comparisons()).isEqualTo(2);
              assertThat(p.level()).isEqualTo(0.005);
              assertThat(p.explanation())
                  .endsWith("p = 0.0023 (significance level 0.01 / 2 comparisons = 0.005).");
            });
  }

  // ---- order and claims --------------------------------------------------------------------

  @Test
  void theOrderIsByPValueThenPayerAndDoesNotDependOnTheInputOrder() {
    List<PatternCell> cells = new ArrayList<>();
    // two payers with the same figures (9 of 50 against 12 of 300: p = 0.0000569) on different
    // service lines, so they are not each other's "other payers", and a stronger one
    // (9 of 30 against 12 of 300: p = 1.3e-8)
    for (String payer : List.of("87726", "60054")) {
      ServiceLine line = payer.equals("87726") ? ORTHOPEDICS : EMERGENCY;
      cells.add(cell(payer, CODING, line, DENIAL, PERIOD, 9, 50));
      cells.addAll(baseline(payer, CODING, line, DENIAL, 2, 50));
    }
    cells.add(cell("99999", AUTHORIZATION, ServiceLine.ANESTHESIA, DENIAL, PERIOD, 9, 30));
    cells.addAll(baseline("99999", AUTHORIZATION, ServiceLine.ANESTHESIA, DENIAL, 2, 50));

    List<PayerPattern> first = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS);

    assertThat(first).extracting(PayerPattern::payerId).containsExactly("99999", "60054", "87726");
    assertThat(first.get(1).pValue()).isEqualTo(first.get(2).pValue());
    for (long seed = 1; seed <= 20; seed++) {
      List<PatternCell> shuffled = new ArrayList<>(cells);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(PayerPatternDetector.detect(shuffled, PERIOD, DEFAULTS)).isEqualTo(first);
    }
  }

  @Test
  void thePatternCarriesThePeriodsRecordIdsOnly() {
    List<PatternCell> cells = new ArrayList<>();
    cells.add(
        new PatternCell(
            "87726",
            AUTHORIZATION,
            ORTHOPEDICS,
            DENIAL,
            PERIOD,
            9,
            bd(12_345),
            50,
            bd(250_000),
            List.of(
                "r-09", "r-01", "r-02", "r-03", "r-04", "r-05", "r-06", "r-07", "r-08", "r-10")));
    cells.addAll(baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 2, 50));

    PayerPattern p = PayerPatternDetector.detect(cells, PERIOD, DEFAULTS).get(0);

    // as given (a claim may have two records), none of the baseline's
    assertThat(p.recordIds())
        .containsExactly(
            "r-09", "r-01", "r-02", "r-03", "r-04", "r-05", "r-06", "r-07", "r-08", "r-10");
    assertThat(p.findingDollars()).isEqualByComparingTo("12345");
  }

  @Test
  void nothingInThePeriodGivesNothing() {
    List<PatternCell> cells = baseline("87726", AUTHORIZATION, ORTHOPEDICS, DENIAL, 9, 50);
    assertThat(PayerPatternDetector.detect(cells, PERIOD, DEFAULTS)).isEmpty();
    assertThat(PayerPatternDetector.detect(List.of(), PERIOD, DEFAULTS)).isEmpty();
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A cell with $100 per finding, $1,000 per claim and record ids payer-month-family-n. */
  static PatternCell cell(
      String payer,
      DenialFamily family,
      ServiceLine line,
      PatternCategory category,
      YearMonth month,
      long findings,
      long volume) {
    List<String> ids =
        IntStream.rangeClosed(1, (int) findings)
            .mapToObj(i -> payer + "-" + month + "-" + family + "-" + category + "-" + i)
            .toList();
    return new PatternCell(
        payer,
        family,
        line,
        category,
        month,
        findings,
        bd(100 * findings),
        volume,
        bd(1000 * volume),
        ids);
  }

  /** The six months before the period, each with these findings of this volume. */
  static List<PatternCell> baseline(
      String payer,
      DenialFamily family,
      ServiceLine line,
      PatternCategory category,
      long findingsPerMonth,
      long volumePerMonth) {
    List<PatternCell> cells = new ArrayList<>();
    for (int back = 6; back >= 1; back--) {
      cells.add(
          cell(
              payer,
              family,
              line,
              category,
              PERIOD.minusMonths(back),
              findingsPerMonth,
              volumePerMonth));
    }
    return cells;
  }

  static PatternPolicy policy(
      long minVolume, long minFindings, String minLift, double alpha, boolean bonferroni) {
    return new PatternPolicy(6, minVolume, minFindings, new BigDecimal(minLift), alpha, bonferroni);
  }

  static BigDecimal bd(long dollars) {
    return BigDecimal.valueOf(dollars);
  }
}
