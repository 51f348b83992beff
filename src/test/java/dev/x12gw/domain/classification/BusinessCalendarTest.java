package dev.x12gw.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every expected date is counted by hand on a calendar in the comments; weekdays follow from
 * 2026-01-01 Thu, 2027-01-01 Fri, 2028-01-01 Sat (all checked against a printed calendar).
 */
class BusinessCalendarTest {
  private final BusinessCalendar cal = BusinessCalendar.usFederal();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void businessDaysAreWeekdaysThatAreNotObservedHolidays() {
    assertThat(cal.isBusinessDay(d("2026-11-25"))).isTrue(); // Wednesday
    assertThat(cal.isBusinessDay(d("2026-11-26"))).isFalse(); // Thanksgiving
    assertThat(cal.isBusinessDay(d("2026-11-28"))).isFalse(); // Saturday
    assertThat(cal.isBusinessDay(d("2026-11-29"))).isFalse(); // Sunday
    assertThat(cal.isBusinessDay(d("2026-07-03"))).isFalse(); // Independence Day observed
    assertThat(cal.isBusinessDay(d("2021-12-31"))).isFalse(); // New Year's Day 2022 observed
    assertThat(cal.isBusinessDay(d("2022-01-03"))).isTrue(); // no Monday make-up for Jan 1 Sat
    assertThat(cal.isBusinessDay(d("2024-12-24"))).isTrue(); // ad hoc EO closure: not by rule
    assertThat(BusinessCalendar.usFederal()).isSameAs(cal);
  }

  @Test
  void thirtyBusinessDaysAcrossThanksgivingChristmasAndNewYear() {
    // Payment Fri 2026-11-20; the start day never counts.
    //   Nov 23 Mon 1, 24 Tue 2, 25 Wed 3, 26 Thu Thanksgiving, 27 Fri 4
    //   Nov 30 5, Dec 1 6, 2 7, 3 8, 4 9
    //   Dec 7-11: 10..14;  Dec 14-18: 15..19
    //   Dec 21 20, 22 21, 23 22, 24 Thu 23, 25 Fri Christmas
    //   Dec 28 24, 29 25, 30 26, 31 Thu 27, 2027-01-01 Fri New Year's Day
    //   Jan 4 Mon 28, Jan 5 Tue 29, Jan 6 Wed 30
    assertThat(cal.plusBusinessDays(d("2026-11-20"), 30)).isEqualTo(d("2027-01-06"));
    assertThat(cal.businessDaysBetween(d("2026-11-20"), d("2027-01-06"))).isEqualTo(30);
    // Then 4 business days to initiate federal IDR: Jan 7 Thu 1, 8 Fri 2, 11 Mon 3, 12 Tue 4
    // (MLK Day 2027 is Jan 18, later).
    assertThat(cal.plusBusinessDays(d("2027-01-06"), 4)).isEqualTo(d("2027-01-12"));
  }

  @Test
  void fourBusinessDaysAcrossAYearEndWhoseNewYearIsObservedOnDecember31() {
    // From Wed 2027-12-29: Dec 30 Thu 1; Dec 31 Fri is New Year's Day 2028 observed; Jan 1-2 2028
    // Sat-Sun; Jan 3 Mon 2 (not a make-up holiday), Jan 4 Tue 3, Jan 5 Wed 4.
    assertThat(cal.plusBusinessDays(d("2027-12-29"), 4)).isEqualTo(d("2028-01-05"));
    assertThat(cal.businessDaysBetween(d("2027-12-29"), d("2028-01-05"))).isEqualTo(4);
    // From Thu 2027-12-23: Dec 24 Fri is Christmas observed, Dec 27 Mon 1, 28 2, 29 3, 30 4.
    assertThat(cal.plusBusinessDays(d("2027-12-23"), 4)).isEqualTo(d("2027-12-30"));
  }

  @Test
  void aWeekendStartCountsFromTheNextBusinessDay() {
    // Sat 2026-11-21 +1 -> Mon Nov 23, the same as from Fri Nov 20.
    assertThat(cal.plusBusinessDays(d("2026-11-21"), 1)).isEqualTo(d("2026-11-23"));
    assertThat(cal.plusBusinessDays(d("2026-11-20"), 1)).isEqualTo(d("2026-11-23"));
    // Sun 2026-11-22 +4: Mon 23 1, Tue 24 2, Wed 25 3, Thu 26 Thanksgiving, Fri 27 4.
    assertThat(cal.plusBusinessDays(d("2026-11-22"), 4)).isEqualTo(d("2026-11-27"));
  }

  @Test
  void aHolidayStartCountsFromTheNextBusinessDay() {
    // Thanksgiving Thu 2026-11-26 +1 -> Fri Nov 27.
    assertThat(cal.plusBusinessDays(d("2026-11-26"), 1)).isEqualTo(d("2026-11-27"));
    // Observed Independence Day Fri 2026-07-03 +1: Sat 4, Sun 5 -> Mon Jul 6.
    assertThat(cal.plusBusinessDays(d("2026-07-03"), 1)).isEqualTo(d("2026-07-06"));
    // Observed New Year's Day Fri 2021-12-31 +1: Sat Jan 1, Sun Jan 2 -> Mon 2022-01-03.
    assertThat(cal.plusBusinessDays(d("2021-12-31"), 1)).isEqualTo(d("2022-01-03"));
  }

  @Test
  void aBusinessDayStartDoesNotCountItself() {
    assertThat(cal.plusBusinessDays(d("2026-11-23"), 1)).isEqualTo(d("2026-11-24"));
    // Mon 2026-11-23 +5: 24 1, 25 2, 26 holiday, 27 3, Mon 30 4, Tue Dec 1 5.
    assertThat(cal.plusBusinessDays(d("2026-11-23"), 5)).isEqualTo(d("2026-12-01"));
  }

  @Test
  void zeroBusinessDaysIsTheStartItself() {
    for (String start : List.of("2026-11-20", "2026-11-21", "2026-11-26")) {
      assertThat(cal.plusBusinessDays(d(start), 0)).isEqualTo(d(start));
      assertThat(cal.businessDaysBetween(d(start), d(start))).isZero();
    }
  }

  @Test
  void rejectsNegativeCountsReversedIntervalsAndNulls() {
    assertThatThrownBy(() -> cal.plusBusinessDays(d("2026-11-20"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> cal.plusBusinessDays(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("start");
    assertThatThrownBy(() -> cal.isBusinessDay(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("date");
    assertThatThrownBy(() -> cal.businessDaysBetween(null, d("2026-11-20")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fromExclusive");
    assertThatThrownBy(() -> cal.businessDaysBetween(d("2026-11-20"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("toInclusive");
    assertThatThrownBy(() -> cal.businessDaysBetween(d("2026-11-21"), d("2026-11-20")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cal.isBusinessDay(d("1970-06-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void businessDaysInWholeYears() {
    // weekdays = 52 * 5 plus the weekdays among the 1 (or 2, leap year) days after 52 weeks,
    // which are the weekdays of January 1 (and 2); minus the days off, all of which are weekdays.
    // 2021: Jan 1 Fri -> 261 weekdays - 12 = 249.   2022: Sat -> 260 - 10 = 250.
    // 2023: Sun -> 260 - 11 = 249.   2026: Thu -> 261 - 11 = 250.
    // 2027: Fri -> 261 - 12 = 249.   2028 (leap): Sat, Sun -> 260 - 10 = 250.
    assertThat(cal.businessDaysBetween(d("2020-12-31"), d("2021-12-31"))).isEqualTo(249);
    assertThat(cal.businessDaysBetween(d("2021-12-31"), d("2022-12-31"))).isEqualTo(250);
    assertThat(cal.businessDaysBetween(d("2022-12-31"), d("2023-12-31"))).isEqualTo(249);
    assertThat(cal.businessDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(250);
    assertThat(cal.businessDaysBetween(d("2026-12-31"), d("2027-12-31"))).isEqualTo(249);
    assertThat(cal.businessDaysBetween(d("2027-12-31"), d("2028-12-31"))).isEqualTo(250);
  }

  @Test
  void plusBusinessDaysAndBusinessDaysBetweenAgreeOverTenYears() {
    Random random = new Random(20261120L);
    LocalDate first = d("2020-01-01");
    int span = (int) (d("2029-12-31").toEpochDay() - first.toEpochDay());
    for (int i = 0; i < 2_000; i++) {
      LocalDate start = first.plusDays(random.nextInt(span + 1));
      int n = random.nextInt(300);
      LocalDate end = cal.plusBusinessDays(start, n);
      assertThat(cal.businessDaysBetween(start, end))
          .as("%s + %d = %s", start, n, end)
          .isEqualTo(n);
      if (n > 0) {
        // the n-th business day is a business day, and the day before it holds only n - 1
        assertThat(cal.isBusinessDay(end)).isTrue();
        assertThat(cal.businessDaysBetween(start, end.minusDays(1))).isEqualTo(n - 1);
      }
      // independent count: weekdays that are not in the observed-holiday sets
      LocalDate to = start.plusDays(random.nextInt(400));
      int expected = 0;
      for (LocalDate day = start.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
        boolean weekend =
            day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!weekend && !UsFederalHolidays.observed(day.getYear()).contains(day)) {
          expected++;
        }
      }
      assertThat(cal.businessDaysBetween(start, to)).isEqualTo(expected);
    }
  }

  @Test
  void concurrentUseAgreesWithSequentialUse() {
    List<LocalDate> days =
        IntStream.range(0, 40 * 366).mapToObj(i -> d("1990-01-01").plusDays(i)).toList();
    List<Boolean> parallel = days.parallelStream().map(cal::isBusinessDay).toList();
    List<Boolean> sequential = days.stream().map(cal::isBusinessDay).toList();
    assertThat(parallel).isEqualTo(sequential);
  }
}
