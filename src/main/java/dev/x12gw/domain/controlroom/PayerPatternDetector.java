package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Payer pattern detection: finds the payers whose denial (or underpayment) rate for a denial family
 * × service line in a month rose clearly above their own baseline or above the other payers' rate,
 * with a one-sided two-proportion z-test and minimum volumes.
 *
 * <p><b>What is tested.</b> For the period month, every payer × family × service line × category
 * with at least one finding in the period ({@link PatternCell}) is compared twice:
 *
 * <ul>
 *   <li>{@link PatternComparison#OWN_BASELINE}: with the same payer's pooled rate over the {@link
 *       PatternPolicy#baselineMonths()} months before the period — its findings of that family and
 *       category summed over those months, over its claims of that service line adjudicated in
 *       those months (each month's volume counted once, including months without a finding of that
 *       family). The window is the calendar months period − baselineMonths .. period − 1 whether or
 *       not every month has data; months before the first data simply add nothing;
 *   <li>{@link PatternComparison#OTHER_PAYERS}: with the pooled rate of every other payer in the
 *       period — their findings of that family and category summed, over all their claims of that
 *       service line adjudicated in the period (a payer with volume but no finding of that family
 *       counts with 0 findings).
 * </ul>
 *
 * <p><b>The test.</b> With x₁ findings of n₁ claims in the period and x₂ of n₂ in the reference, p₁
 * = x₁/n₁, p₂ = x₂/n₂: null hypothesis H₀: π₁ = π₂ (the payer's probability of such a finding in
 * the period is the reference's), alternative H₁: π₁ > π₂ (one-sided: only a rise is looked for).
 * Statistic z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with the pooled proportion p̂ = (x₁ +
 * x₂)/(n₁ + n₂), approximately standard normal under H₀; p-value = P(Z ≥ z) ({@link
 * NormalDistribution#upperTail}). A pattern is reported when all of these hold:
 *
 * <ol>
 *   <li>n₁ ≥ {@link PatternPolicy#minVolume()} and n₂ ≥ minVolume;
 *   <li>x₁ ≥ {@link PatternPolicy#minFindings()};
 *   <li>p₁ − p₂ ≥ {@link PatternPolicy#minLift()}, compared exactly on the counts (x₁n₂ − x₂n₁ ≥
 *       minLift · n₁n₂), so that a significant but small rise on a large volume is not reported;
 *   <li>0 &lt; p̂ &lt; 1: with no finding or only findings on both sides the variance is 0 and
 *       nothing is reported (and nothing is divided by 0);
 *   <li>p-value &lt; {@link PatternPolicy#alpha()}, or &lt; alpha / m under Bonferroni.
 * </ol>
 *
 * <p><b>Known limits.</b> The test assumes the claims are independent Bernoulli trials with one
 * probability per side. Claims are not: a payer's denials come in batches (one policy change, one
 * provider's enrolment, one resubmitted batch), so the real variance is larger than p̂(1 − p̂) and
 * the p-values are optimistic — which is why the minimum lift and minimum findings stand beside the
 * test. The normal approximation is rough for small counts (hence minVolume and minFindings; the
 * reference may still have few findings). A claim adjudicated again in another month counts in both
 * months. The baseline does not model seasonality or trend, and the other payers' rate mixes payers
 * with different contracts and case mixes.
 *
 * <p><b>Multiple comparisons.</b> One run tests up to two comparisons for every payer × family ×
 * service line × category with a finding in the period — hundreds with many payers — so at alpha
 * 0.01 about one in a hundred of the comparisons where nothing changed can fire by chance. By
 * default the detector does not adjust: the control room is a screen that points a revenue-cycle
 * team at a payer to look at, every pattern states its p-value, the lift and minimum-volume gates
 * already remove most chance findings, and a fixed alpha keeps a pattern's verdict independent of
 * how many other payers and families the store happened to send. {@link PatternPolicy#bonferroni()}
 * turns on a Bonferroni adjustment (family-wise error at most alpha): alpha is divided by m, the
 * number of comparisons in the run eligible by volume — the comparisons of a cell with at least one
 * finding in the period whose period and reference volumes both reach minVolume, counting both
 * comparison kinds — whether or not their lift or findings then pass.
 *
 * <p>Pure and thread-safe.
 */
public final class PayerPatternDetector {
  private PayerPatternDetector() {}

  /**
   * The patterns of the period month, by p-value (smallest first), then payer id, family, service
   * line, category and comparison.
   *
   * @param cells monthly cells of the period and of the baseline months (others are ignored after
   *     their consistency is checked); see {@link PatternCell} for volume
   * @param period the month tested
   * @param policy thresholds
   * @throws IllegalArgumentException if two cells have the same payer, family, service line,
   *     category and month, or two cells of the same payer, service line and month state different
   *     volumes
   */
  public static List<PayerPattern> detect(
      List<PatternCell> cells, YearMonth period, PatternPolicy policy) {
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(policy, "policy");
    Index index = new Index(cells, period);
    YearMonth baselineFrom = period.minusMonths(policy.baselineMonths());
    YearMonth baselineTo = period.minusMonths(1);

    List<Candidate> candidates = new ArrayList<>();
    for (PatternCell cell : cells) {
      if (!cell.month().equals(period) || cell.findings() == 0) {
        continue;
      }
      long baseFindings = 0;
      long baseVolume = 0;
      for (YearMonth m = baselineFrom; m.isBefore(period); m = m.plusMonths(1)) {
        baseFindings += index.findings(cell, m);
        baseVolume += index.volume(cell.payerId(), cell.serviceLine(), m);
      }
      candidates.add(
          new Candidate(
              cell,
              PatternComparison.OWN_BASELINE,
              baselineFrom,
              baselineTo,
              baseFindings,
              baseVolume));
      candidates.add(
          new Candidate(
              cell,
              PatternComparison.OTHER_PAYERS,
              period,
              period,
              index.periodFindings(cell) - cell.findings(),
              index.periodVolume(cell.serviceLine()) - cell.volume()));
    }

    List<Candidate> eligible = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.cell.volume() >= policy.minVolume() && c.referenceVolume >= policy.minVolume()) {
        eligible.add(c);
      }
    }
    int comparisons = policy.bonferroni() ? Math.max(1, eligible.size()) : 1;
    double level = policy.alpha() / comparisons;

    List<PayerPattern> patterns = new ArrayList<>();
    for (Candidate c : eligible) {
      PatternCell cell = c.cell;
      if (cell.findings() < policy.minFindings()
          || !liftReaches(
              cell.findings(),
              cell.volume(),
              c.referenceFindings,
              c.referenceVolume,
              policy.minLift())) {
        continue;
      }
      Optional<ZTest> test =
          twoProportion(cell.findings(), cell.volume(), c.referenceFindings, c.referenceVolume);
      if (test.isEmpty() || !(test.get().pValue() < level)) {
        continue;
      }
      patterns.add(
          new PayerPattern(
              cell.payerId(),
              cell.family(),
              cell.serviceLine(),
              cell.category(),
              c.comparison,
              period,
              c.referenceFrom,
              c.referenceTo,
              cell.findings(),
              cell.volume(),
              PayerPattern.rate(cell.findings(), cell.volume()),
              cell.findingDollars(),
              c.referenceFindings,
              c.referenceVolume,
              PayerPattern.rate(c.referenceFindings, c.referenceVolume),
              PayerPattern.lift(
                  cell.findings(), cell.volume(), c.referenceFindings, c.referenceVolume),
              test.get().z(),
              test.get().pValue(),
              policy.alpha(),
              comparisons,
              cell.recordIds()));
    }
    patterns.sort(ORDER);
    return List.copyOf(patterns);
  }

  /** By p-value, then payer, family, service line, category, comparison. */
  static final Comparator<PayerPattern> ORDER =
      Comparator.comparingDouble(PayerPattern::pValue)
          .thenComparing(PayerPattern::payerId)
          .thenComparing(PayerPattern::family)
          .thenComparing(PayerPattern::serviceLine)
          .thenComparing(PayerPattern::category)
          .thenComparing(PayerPattern::comparison);

  /** A z statistic and its one-sided p-value P(Z ≥ z). */
  record ZTest(double z, double pValue) {}

  /**
   * The one-sided pooled two-proportion z-test of x1 of n1 against x2 of n2; empty when a side has
   * no claims or the pooled proportion is 0 or 1 (no variance: the test says nothing).
   */
  static Optional<ZTest> twoProportion(long x1, long n1, long x2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return Optional.empty();
    }
    long x = x1 + x2;
    long n = n1 + n2;
    if (x <= 0 || x >= n) {
      return Optional.empty();
    }
    double pooled = (double) x / n;
    double se = Math.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = ((double) x1 / n1 - (double) x2 / n2) / se;
    return Optional.of(new ZTest(z, NormalDistribution.upperTail(z)));
  }

  /** x1/n1 − x2/n2 ≥ minLift, exactly: x1·n2 − x2·n1 ≥ minLift·n1·n2. */
  private static boolean liftReaches(long x1, long n1, long x2, long n2, BigDecimal minLift) {
    BigDecimal n1n2 = BigDecimal.valueOf(n1).multiply(BigDecimal.valueOf(n2));
    return PayerPattern.crossDifference(x1, n1, x2, n2).compareTo(minLift.multiply(n1n2)) >= 0;
  }

  private record Candidate(
      PatternCell cell,
      PatternComparison comparison,
      YearMonth referenceFrom,
      YearMonth referenceTo,
      long referenceFindings,
      long referenceVolume) {}

  private record VolumeKey(String payerId, ServiceLine serviceLine, YearMonth month) {}

  private record CellKey(
      String payerId,
      DenialFamily family,
      ServiceLine serviceLine,
      PatternCategory category,
      YearMonth month) {}

  private record RateKey(DenialFamily family, ServiceLine serviceLine, PatternCategory category) {}

  /** The cells by key, each payer × service line × month's volume, and the period's totals. */
  private static final class Index {
    private final Map<CellKey, PatternCell> cells = new HashMap<>();
    private final Map<VolumeKey, PatternCell> volumes = new HashMap<>();
    private final Map<ServiceLine, Long> periodVolume = new HashMap<>();
    private final Map<RateKey, Long> periodFindings = new HashMap<>();

    Index(List<PatternCell> all, YearMonth period) {
      for (PatternCell cell : all) {
        Objects.requireNonNull(cell, "cell");
        CellKey key =
            new CellKey(
                cell.payerId(), cell.family(), cell.serviceLine(), cell.category(), cell.month());
        if (cells.putIfAbsent(key, cell) != null) {
          throw new IllegalArgumentException("two cells for " + key);
        }
        VolumeKey volumeKey = new VolumeKey(cell.payerId(), cell.serviceLine(), cell.month());
        PatternCell first = volumes.putIfAbsent(volumeKey, cell);
        if (first == null) {
          if (cell.month().equals(period)) {
            periodVolume.merge(cell.serviceLine(), cell.volume(), Long::sum);
          }
        } else if (first.volume() != cell.volume()
            || first.volumeDollars().compareTo(cell.volumeDollars()) != 0) {
          throw new IllegalArgumentException(
              "volume of "
                  + volumeKey
                  + " stated twice differently: "
                  + first.volume()
                  + " claims ("
                  + first.volumeDollars()
                  + ") and "
                  + cell.volume()
                  + " ("
                  + cell.volumeDollars()
                  + ")");
        }
        if (cell.month().equals(period)) {
          periodFindings.merge(
              new RateKey(cell.family(), cell.serviceLine(), cell.category()),
              cell.findings(),
              Long::sum);
        }
      }
    }

    /** Findings of the cell's payer, family, service line and category in a month; 0 if none. */
    long findings(PatternCell like, YearMonth month) {
      PatternCell cell =
          cells.get(
              new CellKey(
                  like.payerId(), like.family(), like.serviceLine(), like.category(), month));
      return cell == null ? 0 : cell.findings();
    }

    /** Claims of a payer and service line adjudicated in a month; 0 if no cell says. */
    long volume(String payerId, ServiceLine serviceLine, YearMonth month) {
      PatternCell cell = volumes.get(new VolumeKey(payerId, serviceLine, month));
      return cell == null ? 0 : cell.volume();
    }

    /** Claims of a service line adjudicated in the period, all payers. */
    long periodVolume(ServiceLine serviceLine) {
      return periodVolume.getOrDefault(serviceLine, 0L);
    }

    /** Findings of the cell's family, service line and category in the period, all payers. */
    long periodFindings(PatternCell like) {
      return periodFindings.getOrDefault(
          new RateKey(like.family(), like.serviceLine(), like.category()), 0L);
    }
  }
}
