package dev.x12gw.domain.controlroom;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a KPI report covers: decisions (835 payment dates, BPR16 else DTM*405) from {@code from} to
 * {@code to} inclusive (either open), segmented by {@code by}, aged and timed as of {@code asOf}.
 *
 * @param from first decision day, or null (from the first)
 * @param to last decision day, or null (to the last)
 * @param asOf the day open denials are aged from and deadlines counted to
 * @param by the segmentation
 */
public record KpiQuery(LocalDate from, LocalDate to, LocalDate asOf, Dimension by) {
  public KpiQuery {
    Objects.requireNonNull(asOf, "as-of date");
    Objects.requireNonNull(by, "dimension");
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "period ends (" + to + ") before it starts (" + from + ")");
    }
  }
}
