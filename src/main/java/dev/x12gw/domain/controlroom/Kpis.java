package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.controlroom.SegmentFigures.ClaimFigures;
import dev.x12gw.domain.controlroom.SegmentFigures.CountAmount;
import dev.x12gw.domain.controlroom.SegmentFigures.DenialFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Computes the control room's KPIs ({@link Metric}) from each segment's counts and dollars. */
public final class Kpis {
  private Kpis() {}

  /** The report of {@code query}: a row per segment of {@code segments} and {@code total}. */
  public static KpiReport report(
      KpiQuery query, List<SegmentFigures> segments, SegmentFigures total) {
    List<KpiRow> rows = new ArrayList<>();
    for (SegmentFigures s : segments) {
      rows.add(row(s));
    }
    return new KpiReport(query, rows, row(total));
  }

  /** The KPIs of one segment. */
  public static KpiRow row(SegmentFigures s) {
    Map<Metric, KpiValue> v = new EnumMap<>(Metric.class);
    ClaimFigures c = s.claims();
    DenialFigures d = s.denials();
    if (c != null) {
      v.put(
          Metric.INITIAL_DENIAL_RATE,
          rate(c.firstPassDenied().count(), c.adjudicated().count(), c.firstPassDenied().amount()));
      v.put(
          Metric.INITIAL_DENIAL_RATE_DOLLARS,
          rate(c.firstPassDenied().amount(), c.adjudicated().amount()));
      v.put(Metric.LINE_DENIAL_RATE, rate(c.deniedLines(), c.lines(), null));
      v.put(Metric.CLEAN_CLAIM_RATE, rate(c.clean(), c.adjudicated().count(), null));
      v.put(Metric.FINAL_DENIAL_RATE, rate(d.closedOut().amount(), c.adjudicated().amount()));
    }
    v.put(Metric.DENIALS, count(d.all()));
    v.put(
        Metric.WRITE_OFF_SHARE,
        rate(d.closedOut().count(), d.all().count(), d.closedOut().amount()));
    v.put(
        Metric.OVERTURN_RATE,
        rate(d.overturned().count(), d.worked().count(), d.overturned().amount()));
    v.put(Metric.RECOVERED, dollars(d.overturned().amount()));
    v.put(
        Metric.RECOVERY_YIELD,
        new KpiValue(
            d.overturned().amount().subtract(d.laborCost()), d.overturned().amount(), null, null));
    v.put(Metric.DAYS_TO_RESOLUTION_MEDIAN, percentile(s.resolutionDays(), 50));
    v.put(Metric.DAYS_TO_RESOLUTION_P90, percentile(s.resolutionDays(), 90));
    v.put(Metric.OPEN_0_30, count(s.aging().days0to30()));
    v.put(Metric.OPEN_31_60, count(s.aging().days31to60()));
    v.put(Metric.OPEN_61_90, count(s.aging().days61to90()));
    v.put(Metric.OPEN_OVER_90, count(s.aging().over90()));
    v.put(Metric.DEADLINE_WITHIN_14_DAYS, count(s.aging().deadlineWithin14Days()));
    v.put(
        Metric.UNDERPAYMENT_VARIANCE,
        new KpiValue(
            s.underpayments().amount(),
            BigDecimal.valueOf(s.underpayments().count()),
            null,
            s.underpayments().amount()));
    v.put(
        Metric.RECOUPED,
        new KpiValue(
            s.recoupments().amount(),
            BigDecimal.valueOf(s.recoupments().count()),
            null,
            s.recoupments().amount()));
    v.put(
        Metric.PREVENTABLE_SHARE,
        rate(d.preventable().count(), d.all().count(), d.preventable().amount()));
    return new KpiRow(s.segment(), v);
  }

  /**
   * The {@code p}th percentile of {@code days} by nearest rank: the smallest value with at least p%
   * of the values at or below it; null for no values.
   */
  public static KpiValue percentile(List<Integer> days, int p) {
    if (days.isEmpty()) {
      return KpiValue.NONE;
    }
    List<Integer> sorted = new ArrayList<>(days);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    int value = sorted.get(Math.max(1, rank) - 1);
    return new KpiValue(BigDecimal.valueOf(value), null, BigDecimal.valueOf(sorted.size()), null);
  }

  private static KpiValue rate(long numerator, long denominator, BigDecimal amount) {
    return rate(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), amount);
  }

  private static KpiValue rate(BigDecimal numerator, BigDecimal denominator) {
    return rate(numerator, denominator, null);
  }

  private static KpiValue rate(BigDecimal numerator, BigDecimal denominator, BigDecimal amount) {
    BigDecimal value =
        denominator.signum() == 0 ? null : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    return new KpiValue(value, numerator, denominator, amount);
  }

  private static KpiValue count(CountAmount c) {
    return new KpiValue(
        BigDecimal.valueOf(c.count()), BigDecimal.valueOf(c.count()), null, c.amount());
  }

  private static KpiValue dollars(BigDecimal amount) {
    return new KpiValue(amount, amount, null, null);
  }
}
