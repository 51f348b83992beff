package dev.x12gw.domain.claim;

import java.time.LocalDate;
import java.util.Objects;

/**
 * DTP/DTM: a date (D8) or a range (RD8).
 *
 * @param from the date, or the first day of the range
 * @param to the last day of the range; equal to {@code from} for a single date
 */
public record DateRange(LocalDate from, LocalDate to) {
  public DateRange {
    Objects.requireNonNull(from, "from");
    to = to == null ? from : to;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("date range ends before it starts: " + from + "-" + to);
    }
  }

  public static DateRange of(LocalDate day) {
    return new DateRange(day, day);
  }
}
