package dev.x12gw.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.classification.UsFederalHolidays.Holiday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/**
 * Oracles are the holiday tables OPM publishes (opm.gov, "Federal Holidays"), with the weekday of
 * each date worked out by hand from the weekday of January 1 and cross-checked against a printed
 * calendar, never from the code under test.
 */
class UsFederalHolidaysTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<LocalDate> dates(String... iso) {
    return Arrays.stream(iso).map(LocalDate::parse).toList();
  }

  @Test
  void opm2021HasTwelveDaysOffIncludingNewYear2022OnDecember31() {
    // 2021 begins on a Friday. Juneteenth (first year) Sat 06-19 -> Fri 06-18; Independence Day
    // Sun 07-04 -> Mon 07-05; Christmas Sat 12-25 -> Fri 12-24; New Year's Day 2022 is a Saturday
    // -> Fri 2021-12-31. Veterans Day 11-11 is a Thursday, observed on the day.
    assertThat(UsFederalHolidays.observed(2021))
        .containsExactlyElementsOf(
            dates(
                "2021-01-01",
                "2021-01-18",
                "2021-02-15",
                "2021-05-31",
                "2021-06-18",
                "2021-07-05",
                "2021-09-06",
                "2021-10-11",
                "2021-11-11",
                "2021-11-25",
                "2021-12-24",
                "2021-12-31"));
  }

  @Test
  void opm2022HasTenDaysOffAndNoJanuaryNewYear() {
    // 2022-01-01 is a Saturday, observed Fri 2021-12-31, so nothing in January but MLK Day.
    // Juneteenth Sun 06-19 -> Mon 06-20; Veterans Day Fri 11-11; Christmas Sun 12-25 -> Mon 12-26.
    assertThat(UsFederalHolidays.observed(2022))
        .containsExactlyElementsOf(
            dates(
                "2022-01-17",
                "2022-02-21",
                "2022-05-30",
                "2022-06-20",
                "2022-07-04",
                "2022-09-05",
                "2022-10-10",
                "2022-11-11",
                "2022-11-24",
                "2022-12-26"));
    Holiday newYear = UsFederalHolidays.of(2022).get(0);
    assertThat(newYear).isEqualTo(new Holiday("New Year's Day", d("2022-01-01"), d("2021-12-31")));
    assertThat(UsFederalHolidays.of(2022)).hasSize(11);
  }

  @Test
  void opm2023() {
    // 2023 begins on a Sunday: New Year's Day -> Mon 01-02; Veterans Day Sat 11-11 -> Fri 11-10.
    assertThat(UsFederalHolidays.observed(2023))
        .containsExactlyElementsOf(
            dates(
                "2023-01-02",
                "2023-01-16",
                "2023-02-20",
                "2023-05-29",
                "2023-06-19",
                "2023-07-04",
                "2023-09-04",
                "2023-10-09",
                "2023-11-10",
                "2023-11-23",
                "2023-12-25"));
  }

  @Test
  void opm2026() {
    // 2026 begins on a Thursday. July 4 is a Saturday -> Fri 07-03. 2027-01-01 is a Friday, so
    // there is no December 31 observance.
    assertThat(UsFederalHolidays.observed(2026))
        .containsExactlyElementsOf(
            dates(
                "2026-01-01",
                "2026-01-19",
                "2026-02-16",
                "2026-05-25",
                "2026-06-19",
                "2026-07-03",
                "2026-09-07",
                "2026-10-12",
                "2026-11-11",
                "2026-11-26",
                "2026-12-25"));
  }

  @Test
  void opm2027HasTwelveDaysOffLike2021() {
    // 2027 begins on a Friday and is not a leap year: the same calendar as 2021. Juneteenth Sat ->
    // Fri 06-18, July 4 Sun -> Mon 07-05, Christmas Sat -> Fri 12-24, 2028-01-01 Sat -> Fri 12-31.
    assertThat(UsFederalHolidays.observed(2027))
        .containsExactlyElementsOf(
            dates(
                "2027-01-01",
                "2027-01-18",
                "2027-02-15",
                "2027-05-31",
                "2027-06-18",
                "2027-07-05",
                "2027-09-06",
                "2027-10-11",
                "2027-11-11",
                "2027-11-25",
                "2027-12-24",
                "2027-12-31"));
  }

  @Test
  void the2028NewYearIsObservedIn2027() {
    // 2028 begins on a Saturday (leap year). Its New Year's Day is off on Fri 2027-12-31, so 2028
    // has ten days off; Veterans Day Sat 11-11 -> Fri 11-10.
    assertThat(UsFederalHolidays.observed(2028))
        .containsExactlyElementsOf(
            dates(
                "2028-01-17",
                "2028-02-21",
                "2028-05-29",
                "2028-06-19",
                "2028-07-04",
                "2028-09-04",
                "2028-10-09",
                "2028-11-10",
                "2028-11-23",
                "2028-12-25"));
  }

  @Test
  void holidaysCarryTheirStatutoryNamesDatesAndObservedDates() {
    assertThat(UsFederalHolidays.of(2026))
        .containsExactly(
            new Holiday("New Year's Day", d("2026-01-01"), d("2026-01-01")),
            new Holiday("Birthday of Martin Luther King, Jr.", d("2026-01-19"), d("2026-01-19")),
            new Holiday("Washington's Birthday", d("2026-02-16"), d("2026-02-16")),
            new Holiday("Memorial Day", d("2026-05-25"), d("2026-05-25")),
            new Holiday("Juneteenth National Independence Day", d("2026-06-19"), d("2026-06-19")),
            new Holiday("Independence Day", d("2026-07-04"), d("2026-07-03")),
            new Holiday("Labor Day", d("2026-09-07"), d("2026-09-07")),
            new Holiday("Columbus Day", d("2026-10-12"), d("2026-10-12")),
            new Holiday("Veterans Day", d("2026-11-11"), d("2026-11-11")),
            new Holiday("Thanksgiving Day", d("2026-11-26"), d("2026-11-26")),
            new Holiday("Christmas Day", d("2026-12-25"), d("2026-12-25")));
  }

  @Test
  void juneteenthStartsIn2021() {
    // 2020: ten holidays; July 4 is a Saturday -> Fri 07-03.
    assertThat(UsFederalHolidays.of(2020)).hasSize(10);
    assertThat(UsFederalHolidays.of(2020))
        .extracting(Holiday::name)
        .doesNotContain("Juneteenth National Independence Day");
    assertThat(UsFederalHolidays.observed(2020))
        .containsExactlyElementsOf(
            dates(
                "2020-01-01",
                "2020-01-20",
                "2020-02-17",
                "2020-05-25",
                "2020-07-03",
                "2020-09-07",
                "2020-10-12",
                "2020-11-11",
                "2020-11-26",
                "2020-12-25"));
    assertThat(UsFederalHolidays.isObservedHoliday(d("2020-06-19"))).isFalse(); // a Friday
    assertThat(UsFederalHolidays.isObservedHoliday(d("2021-06-18"))).isTrue();
  }

  @Test
  void martinLutherKingDayStartsIn1986() {
    // 1986-01-01 was a Wednesday: Mondays 6, 13, 20 -> first observance 1986-01-20.
    assertThat(UsFederalHolidays.of(1985))
        .extracting(Holiday::name)
        .doesNotContain("Birthday of Martin Luther King, Jr.");
    assertThat(UsFederalHolidays.of(1985)).hasSize(9);
    assertThat(UsFederalHolidays.of(1986))
        .contains(
            new Holiday("Birthday of Martin Luther King, Jr.", d("1986-01-20"), d("1986-01-20")));
  }

  @Test
  void veteransDayWasTheFourthMondayOfOctoberFrom1971Through1977() {
    // 1975-10-01 was a Wednesday: Mondays 6, 13, 20, 27. 1977-10-01 a Saturday: 3, 10, 17, 24.
    // From 1978 back to November 11; 1978-11-11 was a Saturday -> Fri 11-10.
    assertThat(UsFederalHolidays.of(1975))
        .contains(new Holiday("Veterans Day", d("1975-10-27"), d("1975-10-27")));
    assertThat(UsFederalHolidays.of(1977))
        .contains(new Holiday("Veterans Day", d("1977-10-24"), d("1977-10-24")));
    assertThat(UsFederalHolidays.of(1978))
        .contains(new Holiday("Veterans Day", d("1978-11-11"), d("1978-11-10")));
    // still in date order: Columbus Day (Oct 13, 1975) before Veterans Day (Oct 27)
    assertThat(UsFederalHolidays.of(1975)).isSortedAccordingTo(Comparator.comparing(Holiday::date));
  }

  @Test
  void isObservedHolidayMeansTheDayOff() {
    assertThat(UsFederalHolidays.isObservedHoliday(d("2021-12-31"))).isTrue(); // New Year 2022
    assertThat(UsFederalHolidays.isObservedHoliday(d("2022-01-01"))).isFalse(); // Saturday
    assertThat(UsFederalHolidays.isObservedHoliday(d("2022-01-03"))).isFalse(); // Monday, working
    assertThat(UsFederalHolidays.isObservedHoliday(d("2026-07-03"))).isTrue();
    assertThat(UsFederalHolidays.isObservedHoliday(d("2026-07-04"))).isFalse(); // Saturday
    assertThat(UsFederalHolidays.isObservedHoliday(d("2022-12-26"))).isTrue();
    assertThat(UsFederalHolidays.isObservedHoliday(d("2023-11-10"))).isTrue();
    // Inauguration Day (Wed 2021-01-20) is a DC-area holiday only; Tue 2024-12-24 was closed by
    // an ad hoc executive order, which no rule predicts.
    assertThat(UsFederalHolidays.isObservedHoliday(d("2021-01-20"))).isFalse();
    assertThat(UsFederalHolidays.isObservedHoliday(d("2024-12-24"))).isFalse();
  }

  @Test
  void everyObservedDayIsAWeekdayMovedByAtMostOneDay() {
    for (int year = UsFederalHolidays.FIRST_YEAR; year <= 2200; year++) {
      for (Holiday h : UsFederalHolidays.of(year)) {
        DayOfWeek day = h.date().getDayOfWeek();
        LocalDate expected =
            day == DayOfWeek.SATURDAY
                ? h.date().minusDays(1)
                : day == DayOfWeek.SUNDAY ? h.date().plusDays(1) : h.date();
        assertThat(h.observed()).as(h.toString()).isEqualTo(expected);
      }
      SortedSet<LocalDate> observed = UsFederalHolidays.observed(year);
      for (LocalDate day : observed) {
        assertThat(day.getYear()).isEqualTo(year);
        assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      }
      // no two holidays share a day off, so the count follows from New Year's Day alone
      int expected = UsFederalHolidays.of(year).size();
      if (LocalDate.of(year, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY) {
        expected--;
      }
      if (LocalDate.of(year + 1, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY) {
        expected++;
      }
      assertThat(observed).as("days off in %d", year).hasSize(expected);
    }
  }

  @Test
  void resultsAreImmutable() {
    SortedSet<LocalDate> observed = UsFederalHolidays.observed(2026);
    List<Holiday> holidays = UsFederalHolidays.of(2026);
    assertThatThrownBy(() -> observed.add(d("2026-12-24")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(holidays::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsYearsOutsideTheRulesAndNullDates() {
    assertThatThrownBy(() -> UsFederalHolidays.of(1970))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1970");
    assertThatThrownBy(() -> UsFederalHolidays.observed(10000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UsFederalHolidays.isObservedHoliday(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("date");
    assertThat(UsFederalHolidays.observed(UsFederalHolidays.LAST_YEAR)).isNotEmpty();
    assertThatThrownBy(() -> new Holiday(" ", d("2026-01-01"), d("2026-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
