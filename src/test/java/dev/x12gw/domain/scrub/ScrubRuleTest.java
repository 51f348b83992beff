package dev.x12gw.domain.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scrubber's rule values: NPI check digits, rule rows refused at load, the rule set's rules.
 */
class ScrubRuleTest {
  @Test
  void npiCheckDigitIsLuhnWithThe80840Prefix() {
    // CMS's example in the NPI check digit standard: 123456789 -> 3
    assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
    assertThat(Npi.valid("1234567893")).isTrue();
    assertThat(Npi.valid("1245319599")).isTrue();
    assertThat(Npi.valid("1234567890")).isFalse();
    assertThat(Npi.valid("123456789")).isFalse();
    assertThat(Npi.valid("12345678A3")).isFalse();
    assertThat(Npi.valid(null)).isFalse();
  }

  private static ScrubRule rule(RuleKind kind, String payer, String from, String to, String value) {
    return new ScrubRule(
        "R1", kind, payer, from, to, value, "16", "", Severity.HARD_STOP, "because");
  }

  @Test
  void rowsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> rule(RuleKind.TIMELY_FILING, "60054", "", "", "ninety"))
        .hasMessageContaining("window in days");
    assertThatThrownBy(() -> rule(RuleKind.MEMBER_ID_PATTERN, "60054", "", "", "[A-Z"))
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> rule(RuleKind.AUTHORIZATION_REQUIRED, "60054", "", "", ""))
        .hasMessageContaining("procedure range");
    assertThatThrownBy(() -> rule(RuleKind.AUTHORIZATION_REQUIRED, "60054", "70559", "70540", ""))
        .hasMessageContaining("procedure range");
    assertThatThrownBy(() -> rule(RuleKind.AUTHORIZATION_REQUIRED, "60054", "7054", "70559", ""))
        .hasMessageContaining("procedure range");
    assertThatThrownBy(() -> rule(RuleKind.CLAIM_BALANCE, "60054", "", "", ""))
        .hasMessageContaining("built-in check");
    assertThatThrownBy(() -> rule(RuleKind.REFERENCE_REQUIRED, "*", "", "", " "))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(
            () ->
                new ScrubRules(
                    List.of(
                        rule(RuleKind.CLAIM_BALANCE, "*", "", "", ""),
                        new ScrubRule(
                            "R2",
                            RuleKind.CLAIM_BALANCE,
                            "*",
                            "",
                            "",
                            "",
                            "16",
                            "",
                            Severity.WARNING,
                            "twice")),
                    List.of(),
                    List.of(),
                    Set.of()))
        .hasMessageContaining("both configure CLAIM_BALANCE");
    assertThatThrownBy(
            () ->
                new PtpEdit(
                    "93000", "93010", LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1), 0, ""))
        .hasMessageContaining("before effective");
    assertThatThrownBy(() -> new PtpEdit("93000", "93010", LocalDate.of(2020, 1, 1), null, 2, ""))
        .hasMessageContaining("0, 1 or 9");
  }

  @Test
  void aRuleAppliesToItsPayerAndProcedureRange() {
    ScrubRule r = rule(RuleKind.AUTHORIZATION_REQUIRED, "60054", "70540", "70559", "");
    assertThat(r.appliesToPayer("60054")).isTrue();
    assertThat(r.appliesToPayer("87726")).isFalse();
    assertThat(r.appliesToProcedure("70551")).isTrue();
    assertThat(r.appliesToProcedure("70540")).isTrue();
    assertThat(r.appliesToProcedure("70559")).isTrue();
    assertThat(r.appliesToProcedure("70560")).isFalse();
    assertThat(r.appliesToProcedure("7055")).isFalse();
    assertThat(rule(RuleKind.TIMELY_FILING, "*", "", "", "90").appliesToPayer("anyone")).isTrue();
  }

  @Test
  void aPtpEditIsInForceBetweenItsDatesUnlessNotApplicable() {
    PtpEdit e =
        new PtpEdit("93000", "93010", LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31), 0, "");
    assertThat(e.inForce(LocalDate.of(2019, 12, 31))).isFalse();
    assertThat(e.inForce(LocalDate.of(2020, 1, 1))).isTrue();
    assertThat(e.inForce(LocalDate.of(2025, 12, 31))).isTrue();
    assertThat(e.inForce(LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(
            new PtpEdit("A", "B", LocalDate.of(2020, 1, 1), null, 9, "")
                .inForce(LocalDate.of(2021, 1, 1)))
        .isFalse();
  }
}
