package dev.x12gw.domain.classification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The legal public holidays of 5 U.S.C. 6103(a), computed by rule for any year from {@value
 * #FIRST_YEAR} through {@value #LAST_YEAR}, with the day federal employees on a Monday-to-Friday
 * workweek take off in their place.
 *
 * <p>The eleven holidays are New Year's Day (January 1), Birthday of Martin Luther King, Jr. (third
 * Monday of January, from 1986), Washington's Birthday (third Monday of February), Memorial Day
 * (last Monday of May), Juneteenth National Independence Day (June 19, from 2021), Independence Day
 * (July 4), Labor Day (first Monday of September), Columbus Day (second Monday of October),
 * Veterans Day (November 11; the fourth Monday of October from 1971 through 1977), Thanksgiving Day
 * (fourth Thursday of November) and Christmas Day (December 25).
 *
 * <p>Observed dates follow 5 U.S.C. 6103(b) and Executive Order 11582 as OPM applies them: a
 * holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after. So a New
 * Year's Day on a Saturday is observed on December 31 of the <em>previous</em> year (2021-12-31 was
 * the observed New Year's Day 2022), and {@link #observed(int)} returns the days off that fall
 * within the calendar year asked for, which then includes that December 31 and lacks a January one.
 *
 * <p>Not included: Inauguration Day (January 20 every fourth year, a holiday only for employees in
 * the Washington, DC, area under 5 U.S.C. 6103(c)), and days off granted ad hoc by executive order
 * (for example December 24, 2024), which no rule predicts. Years before {@value #FIRST_YEAR} are
 * rejected: the Monday holidays of the Uniform Monday Holiday Act and the Saturday-to-Friday rule
 * of Executive Order 11582 both start in 1971, and earlier years followed other rules.
 */
public final class UsFederalHolidays {
  /** The first year computed: the Monday holidays and Executive Order 11582 start in 1971. */
  public static final int FIRST_YEAR = 1971;

  /** The last year computed. */
  public static final int LAST_YEAR = 9999;

  static final String NEW_YEARS_DAY = "New Year's Day";
  static final String MLK_BIRTHDAY = "Birthday of Martin Luther King, Jr.";
  static final String WASHINGTONS_BIRTHDAY = "Washington's Birthday";
  static final String MEMORIAL_DAY = "Memorial Day";
  static final String JUNETEENTH = "Juneteenth National Independence Day";
  static final String INDEPENDENCE_DAY = "Independence Day";
  static final String LABOR_DAY = "Labor Day";
  static final String COLUMBUS_DAY = "Columbus Day";
  static final String VETERANS_DAY = "Veterans Day";
  static final String THANKSGIVING_DAY = "Thanksgiving Day";
  static final String CHRISTMAS_DAY = "Christmas Day";

  /**
   * A legal public holiday in one year.
   *
   * @param name the name 5 U.S.C. 6103(a) gives it
   * @param date the day the statute names, which may fall on a weekend
   * @param observed the day off in its place: {@code date}, the Friday before a Saturday or the
   *     Monday after a Sunday; possibly in the previous year
   */
  public record Holiday(String name, LocalDate date, LocalDate observed) {
    public Holiday {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(observed, "observed");
      if (name.isBlank()) {
        throw new IllegalArgumentException("holiday name is blank");
      }
    }
  }

  private UsFederalHolidays() {}

  /**
   * The legal public holidays whose statutory date falls in {@code year}, in date order.
   *
   * @throws IllegalArgumentException if {@code year} is outside {@value #FIRST_YEAR}..{@value
   *     #LAST_YEAR}
   */
  public static List<Holiday> of(int year) {
    checkYear(year);
    List<Holiday> holidays = new ArrayList<>(11);
    holidays.add(holiday(NEW_YEARS_DAY, LocalDate.of(year, Month.JANUARY, 1)));
    if (year >= 1986) {
      holidays.add(holiday(MLK_BIRTHDAY, nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY)));
    }
    holidays.add(holiday(WASHINGTONS_BIRTHDAY, nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY)));
    holidays.add(
        holiday(
            MEMORIAL_DAY,
            LocalDate.of(year, Month.MAY, 1)
                .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
    if (year >= 2021) {
      holidays.add(holiday(JUNETEENTH, LocalDate.of(year, Month.JUNE, 19)));
    }
    holidays.add(holiday(INDEPENDENCE_DAY, LocalDate.of(year, Month.JULY, 4)));
    holidays.add(holiday(LABOR_DAY, nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY)));
    holidays.add(holiday(COLUMBUS_DAY, nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY)));
    // Pub. L. 90-363 moved Veterans Day to the fourth Monday of October from 1971; Pub. L. 94-97
    // moved it back to November 11 from 1978.
    holidays.add(
        holiday(
            VETERANS_DAY,
            year <= 1977
                ? nth(year, Month.OCTOBER, 4, DayOfWeek.MONDAY)
                : LocalDate.of(year, Month.NOVEMBER, 11)));
    holidays.add(holiday(THANKSGIVING_DAY, nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY)));
    holidays.add(holiday(CHRISTMAS_DAY, LocalDate.of(year, Month.DECEMBER, 25)));
    holidays.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(holidays);
  }

  /**
   * The observed holidays (days off) falling in {@code year}: the observed dates of this year's
   * holidays that stay in this year, plus December 31 when next year's New Year's Day is a
   * Saturday.
   *
   * @throws IllegalArgumentException if {@code year} is outside {@value #FIRST_YEAR}..{@value
   *     #LAST_YEAR}
   */
  public static SortedSet<LocalDate> observed(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Holiday h : of(year)) {
      if (h.observed().getYear() == year) {
        days.add(h.observed());
      }
    }
    // Only New Year's Day can move across a year end (December 25 moves at most to the 26th).
    LocalDate nextNewYear = observedDate(LocalDate.of(year + 1, Month.JANUARY, 1));
    if (nextNewYear.getYear() == year) {
      days.add(nextNewYear);
    }
    return Collections.unmodifiableSortedSet(days);
  }

  /**
   * Whether {@code date} is an observed federal holiday (a day off), as opposed to the statutory
   * date of a holiday that falls on a weekend.
   *
   * @throws IllegalArgumentException if its year is outside {@value #FIRST_YEAR}..{@value
   *     #LAST_YEAR}
   */
  public static boolean isObservedHoliday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return observed(date.getYear()).contains(date);
  }

  private static Holiday holiday(String name, LocalDate date) {
    return new Holiday(name, date, observedDate(date));
  }

  private static LocalDate observedDate(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> date.minusDays(1);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
  }

  private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "US federal holidays are computed for "
              + FIRST_YEAR
              + ".."
              + LAST_YEAR
              + " only, not "
              + year);
    }
  }
}
