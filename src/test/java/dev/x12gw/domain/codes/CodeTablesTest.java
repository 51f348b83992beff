package dev.x12gw.domain.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.codes.CodeWarning.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeTablesTest {
  private static final LocalDate REMIT = LocalDate.of(2026, 10, 20);

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static final CodeTables TABLES =
      CodeTables.of(
          List.of(
              new CodeEntry(CodeKind.CARC, "197", d("2006-10-31"), null, "Precert absent.", "t"),
              new CodeEntry(CodeKind.CARC, "300", d("2026-11-01"), null, "New code.", "t"),
              new CodeEntry(CodeKind.CARC, "A1", null, null, "Claim denied charges.", "t"),
              new CodeEntry(CodeKind.CARC, "B5", null, d("2016-05-01"), "Guidelines.", "t"),
              new CodeEntry(CodeKind.RARC, "M78", d("1997-01-01"), d("2006-05-18"), "HCPCS.", "t"),
              new CodeEntry(CodeKind.RARC, "N877", d("2022-03-01"), null, "NSA.", "t"),
              new CodeEntry(CodeKind.GROUP, "CO", null, null, "Contractual Obligation", "t"),
              new CodeEntry(CodeKind.GROUP, "CR", null, d("2012-01-01"), "Corrections", "t")),
          Map.of(CodeKind.CARC, "carc__2025-11-01.csv", CodeKind.RARC, "rarc__2026-03-01.csv"));

  @Test
  void aCodeUsedBeforeItsStartIsNotYetValid() {
    CodeWarning w = TABLES.check(CodeKind.CARC, "300", d("2026-10-31")).orElseThrow();
    assertThat(w.problem()).isEqualTo(Problem.NOT_YET_VALID);
    assertThat(w.kind()).isEqualTo(CodeKind.CARC);
    assertThat(w.code()).isEqualTo("300");
    assertThat(w.usedOn()).isEqualTo(d("2026-10-31"));
    assertThat(w.start()).isEqualTo(d("2026-11-01"));
    assertThat(w.stop()).isNull();
    assertThat(w.message())
        .isEqualTo(
            "CARC 300 takes effect on 2026-11-01 but is used on a remittance dated 2026-10-31");
    assertThat(TABLES.check(CodeKind.CARC, "300", d("2026-11-01"))).isEmpty();
  }

  @Test
  void theDayBeforeStopIsFineTheStopDateAndLaterAreDeactivated() {
    assertThat(TABLES.check(CodeKind.RARC, "M78", d("2006-05-17"))).isEmpty();
    for (LocalDate day : List.of(d("2006-05-18"), d("2006-05-19"), REMIT)) {
      CodeWarning w = TABLES.check(CodeKind.RARC, "M78", day).orElseThrow();
      assertThat(w.problem()).isEqualTo(Problem.DEACTIVATED);
      assertThat(w.start()).isEqualTo(d("1997-01-01"));
      assertThat(w.stop()).isEqualTo(d("2006-05-18"));
    }
    assertThat(TABLES.check(CodeKind.RARC, "M78", REMIT).orElseThrow().message())
        .isEqualTo(
            "RARC M78 was deactivated on 2006-05-18 but is used on a remittance dated 2026-10-20");
  }

  @Test
  void blankStartAndStopAreUnbounded() {
    for (LocalDate day : List.of(d("1900-01-01"), REMIT, d("2999-12-31"))) {
      assertThat(TABLES.check(CodeKind.CARC, "A1", day)).as("A1 on %s", day).isEmpty();
    }
    assertThat(TABLES.check(CodeKind.CARC, "B5", d("1900-01-01"))).isEmpty();
    assertThat(TABLES.check(CodeKind.CARC, "B5", d("2016-05-01"))).isPresent();
    assertThat(TABLES.check(CodeKind.CARC, "197", d("2999-12-31"))).isEmpty();
    assertThat(TABLES.check(CodeKind.CARC, "197", d("2006-10-30")).orElseThrow().problem())
        .isEqualTo(Problem.NOT_YET_VALID);
    assertThat(TABLES.check(CodeKind.GROUP, "CR", d("2011-12-31"))).isEmpty();
    assertThat(TABLES.check(CodeKind.GROUP, "CR", d("2012-01-01")).orElseThrow().problem())
        .isEqualTo(Problem.DEACTIVATED);
  }

  @Test
  void anUnknownCodeIsFlaggedEvenWithoutADate() {
    CodeWarning w = TABLES.check(CodeKind.CARC, "999", REMIT).orElseThrow();
    assertThat(w.problem()).isEqualTo(Problem.UNKNOWN);
    assertThat(w.start()).isNull();
    assertThat(w.stop()).isNull();
    assertThat(w.message()).isEqualTo("CARC 999 is not in the code list carc__2025-11-01.csv");
    assertThat(TABLES.check(CodeKind.CARC, "999", null).orElseThrow().problem())
        .isEqualTo(Problem.UNKNOWN);
    assertThat(TABLES.check(CodeKind.GROUP, "XX", null).orElseThrow().message())
        .isEqualTo("Claim adjustment group code XX is not in the loaded code list");
  }

  @Test
  void withoutADateOnlyUnknownCodesAreFlagged() {
    assertThat(TABLES.check(CodeKind.RARC, "M78", null)).isEmpty();
    assertThat(TABLES.check(CodeKind.CARC, "300", null)).isEmpty();
  }

  @Test
  void codesCompareIgnoringCaseAndSurroundingBlanks() {
    assertThat(TABLES.find(CodeKind.RARC, " m78 ")).map(CodeEntry::code).contains("M78");
    assertThat(TABLES.find(CodeKind.CARC, "a1")).isPresent();
    assertThat(TABLES.find(CodeKind.GROUP, "co\t")).isPresent();
    assertThat(TABLES.find(CodeKind.RARC, "197")).isEmpty();
    CodeWarning w = TABLES.check(CodeKind.RARC, " m78", REMIT).orElseThrow();
    assertThat(w.code()).isEqualTo("M78");
    assertThat(TABLES.check(CodeKind.CARC, " 999 ", REMIT).orElseThrow().code()).isEqualTo("999");
    assertThat(TABLES.check(CodeKind.CARC, "  ", REMIT)).isEmpty();
    assertThat(TABLES.check(CodeKind.CARC, null, REMIT)).isEmpty();
  }

  @Test
  void checkAllKeepsInputOrderAndDropsRepeats() {
    List<CodeWarning> warnings =
        TABLES.checkAll(
            REMIT,
            List.of("CR", "CO", "cr"),
            List.of("999", "197", "B5", "999 "),
            List.of("M78", "N877", "m78"),
            List.of("WO"));
    assertThat(warnings)
        .extracting(w -> w.kind() + " " + w.code() + " " + w.problem())
        .containsExactly(
            "GROUP CR DEACTIVATED",
            "CARC 999 UNKNOWN",
            "CARC B5 DEACTIVATED",
            "RARC M78 DEACTIVATED");
    assertThat(TABLES.checkAll(REMIT, null, null, null, null)).isEmpty();
    assertThat(TABLES.checkAll(null, List.of("CR"), List.of("999"), List.of("M78"), List.of()))
        .extracting(CodeWarning::problem)
        .containsExactly(Problem.UNKNOWN);
  }

  @Test
  void aKindWithoutAListGivesNoWarnings() {
    assertThat(TABLES.entries(CodeKind.PLB_REASON)).isEmpty();
    assertThat(TABLES.listName(CodeKind.PLB_REASON)).isEmpty();
    assertThat(TABLES.check(CodeKind.PLB_REASON, "ZZ", REMIT)).isEmpty();
    assertThat(TABLES.checkAll(REMIT, List.of(), List.of(), List.of(), List.of("ZZ", "WO")))
        .isEmpty();
    CodeTables empty = CodeTables.empty();
    assertThat(empty.checkAll(REMIT, List.of("XX"), List.of("999"), List.of("M78"), List.of("ZZ")))
        .isEmpty();
    for (CodeKind kind : CodeKind.values()) {
      assertThat(empty.entries(kind)).isEmpty();
      assertThat(empty.listName(kind)).isEmpty();
    }
  }

  @Test
  void entriesKeepTheirOrderAndCannotBeChanged() {
    assertThat(TABLES.entries(CodeKind.CARC))
        .extracting(CodeEntry::code)
        .containsExactly("197", "300", "A1", "B5");
    assertThat(TABLES.listName(CodeKind.RARC)).isEqualTo("rarc__2026-03-01.csv");
    assertThatThrownBy(() -> TABLES.entries(CodeKind.CARC).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aDuplicateCodeOfOneKindIsRefused() {
    CodeEntry upper = new CodeEntry(CodeKind.RARC, "M78", null, null, "a", "t");
    CodeEntry lower = new CodeEntry(CodeKind.RARC, "m78", null, null, "b", "t");
    assertThatThrownBy(() -> CodeTables.of(List.of(upper, lower), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate RARC M78");
    CodeEntry carc = new CodeEntry(CodeKind.CARC, "M78", null, null, "c", "t");
    assertThat(CodeTables.of(List.of(upper, carc), Map.of()).find(CodeKind.CARC, "M78"))
        .isPresent();
  }

  @Test
  void entriesAreValidated() {
    assertThatThrownBy(() -> new CodeEntry(CodeKind.CARC, " ", null, null, "x", "t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CodeEntry(CodeKind.CARC, "1", d("2020-01-01"), d("2020-01-01"), "x", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stop date 2020-01-01 is not after start date 2020-01-01");
    CodeEntry e =
        new CodeEntry(CodeKind.CARC, " b5 ", d("2020-01-01"), d("2020-01-02"), null, null);
    assertThat(e.code()).isEqualTo("B5");
    assertThat(e.description()).isEmpty();
    assertThat(e.validOn(d("2019-12-31"))).isFalse();
    assertThat(e.validOn(d("2020-01-01"))).isTrue();
    assertThat(e.validOn(d("2020-01-02"))).isFalse();
  }

  @Test
  void warningsAreValidated() {
    assertThatThrownBy(
            () -> new CodeWarning(CodeKind.CARC, "1", Problem.DEACTIVATED, REMIT, null, null, "m"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CodeWarning(CodeKind.CARC, "1", Problem.UNKNOWN, REMIT, null, null, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
