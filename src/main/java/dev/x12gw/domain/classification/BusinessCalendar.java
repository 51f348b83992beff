package dev.x12gw.domain.classification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A business-day clock: Monday to Friday except observed US federal holidays, for deadlines counted
 * in business days such as the No Surprises Act's 30-business-day open negotiation and the 4
 * business days to initiate federal IDR after it.
 *
 * <p>Immutable and thread-safe; the observed holidays of each year are computed once and cached.
 * Dates must lie in the years {@link UsFederalHolidays} computes.
 */
public final class BusinessCalendar {
  private static final BusinessCalendar US_FEDERAL = new BusinessCalendar();

  private final ConcurrentMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  private BusinessCalendar() {}

  /** Business days of the US federal government: weekdays that are not observed holidays. */
  public static BusinessCalendar usFederal() {
    return US_FEDERAL;
  }

  /** Whether {@code date} is a Monday to Friday that is not an observed federal holiday. */
  public boolean isBusinessDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    DayOfWeek day = date.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return false;
    }
    return !holidaysByYear
        .computeIfAbsent(date.getYear(), UsFederalHolidays::observed)
        .contains(date);
  }

  /**
   * The {@code n}-th business day after {@code start}. {@code start} itself never counts, even when
   * it is a business day, so a start on a weekend or holiday gives the same answer as the business
   * day before it; {@code n == 0} returns {@code start} unchanged.
   *
   * @throws NullPointerException if {@code start} is null
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public LocalDate plusBusinessDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("business days to add must not be negative: " + n);
    }
    LocalDate day = start;
    for (int left = n; left > 0; ) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        left--;
      }
    }
    return day;
  }

  /**
   * The number of business days {@code d} with {@code fromExclusive < d <= toInclusive}; the
   * inverse of {@link #plusBusinessDays}: {@code businessDaysBetween(s, plusBusinessDays(s, n)) ==
   * n}.
   *
   * @throws NullPointerException if either date is null
   * @throws IllegalArgumentException if {@code toInclusive} is before {@code fromExclusive}
   */
  public int businessDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      throw new IllegalArgumentException(
          "business-day interval ends before it starts: " + fromExclusive + " > " + toInclusive);
    }
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1);
        !day.isAfter(toInclusive);
        day = day.plusDays(1)) {
      if (isBusinessDay(day)) {
        count++;
      }
    }
    return count;
  }
}
