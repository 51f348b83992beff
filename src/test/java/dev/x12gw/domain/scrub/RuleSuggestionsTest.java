package dev.x12gw.domain.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules learned from denials and the active rules that missed: thresholds, coverage, misses. */
class RuleSuggestionsTest {
  private static final ScrubRule DUPLICATE =
      new ScrubRule(
          "DUP", RuleKind.DUPLICATE, "*", "", "", "", "18", "", Severity.HARD_STOP, "dup");
  private static final ScrubRule UNITS =
      new ScrubRule(
          "MUE", RuleKind.UNITS_LIMIT, "*", "", "", "", "151", "", Severity.HARD_STOP, "mue");
  private static final ScrubRule AUTH_99213 =
      new ScrubRule(
          "AUTH-99213",
          RuleKind.AUTHORIZATION_REQUIRED,
          "60054",
          "99213",
          "99215",
          "",
          "197",
          "N54",
          Severity.HARD_STOP,
          "office visits need an authorization");

  private static ScrubRules rules(ScrubRule... rules) {
    return new ScrubRules(
        List.of(rules), List.of(), List.of(new UnitLimit("J1100", 10, "")), Set.of());
  }

  private static void deny(
      RuleSuggestions s, String payer, String ref, String procedure, String carc) {
    s.denied(payer, ref, List.of(procedure), Set.of(carc), new BigDecimal("100.00"), -1);
  }

  @Test
  void aClusterNeedsEnoughDenialsAndAHighEnoughRate() {
    RuleSuggestions s = new RuleSuggestions(rules(), 3, 0.5);
    s.lines("87726", "73721", 6);
    s.lines("87726", "70551", 100);
    for (int i = 1; i <= 3; i++) {
      deny(s, "87726", "MRI-" + i, "73721", "197"); // 3 of 6: rate 0.5, suggested
      deny(s, "87726", "HEAD-" + i, "70551", "197"); // 3 of 100: rate too low
    }
    deny(s, "87726", "KNEE-1", "29881", "15"); // one denial: too few
    deny(s, "87726", "KNEE-2", "29881", "15");

    assertThat(s.suggestions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule().id()).isEqualTo("SUGGESTED-AUTH-87726-73721");
              assertThat(r.rate()).isEqualTo(0.5);
              assertThat(r.deniedDollars()).isEqualByComparingTo("300.00");
              assertThat(r.exampleClaims()).containsExactly("MRI-1", "MRI-2", "MRI-3");
            });
  }

  @Test
  void aClaimLevelDenialCountsEveryProcedureOfTheClaimAndUnknownVolumeIsRateOne() {
    RuleSuggestions s = new RuleSuggestions(rules(), 2, 0.9);
    for (String ref : List.of("A", "B")) {
      s.denied("bcbs", ref, List.of("97110", "97140"), Set.of("62"), BigDecimal.TEN, -1);
    }
    assertThat(s.suggestions())
        .extracting(r -> r.rule().id() + " " + r.volume() + " " + r.rate())
        .containsExactly("SUGGESTED-AUTH-BCBS-97110 0 1.0", "SUGGESTED-AUTH-BCBS-97140 0 1.0");
  }

  @Test
  void aTimelyFilingWindowIsOneDayShortOfTheEarliestLateFilingAndNeedsAKnownDelay() {
    RuleSuggestions s = new RuleSuggestions(rules(), 2, 0.1);
    s.claims("60054", 10);
    s.denied("60054", "L1", List.of("99213"), Set.of("29"), BigDecimal.ONE, 120);
    s.denied("60054", "L2", List.of("99213"), Set.of("29"), BigDecimal.ONE, 95);
    s.claims("87726", 10);
    s.denied("87726", "U1", List.of("99213"), Set.of("29"), BigDecimal.ONE, -1);
    s.denied("87726", "U2", List.of("99213"), Set.of("29"), BigDecimal.ONE, -1);

    assertThat(s.suggestions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule().kind()).isEqualTo(RuleKind.TIMELY_FILING);
              assertThat(r.rule().value()).isEqualTo("94");
              assertThat(r.csvRow())
                  .startsWith("SUGGESTED-TIMELY-60054,TIMELY_FILING,60054,,,94,29,,HARD_STOP,\"");
            });
  }

  @Test
  void aClusterAnActiveRuleCoversIsAMissNotASuggestion() {
    RuleSuggestions s = new RuleSuggestions(rules(AUTH_99213, DUPLICATE, UNITS), 1, 0);
    deny(s, "60054", "V1", "99214", "15"); // covered by AUTH-99213 (any authorization CARC)
    deny(s, "60054", "V2", "99214", "197");
    deny(s, "87726", "V3", "99214", "197"); // another payer: not covered, suggested
    deny(s, "60054", "D1", "99214", "18"); // the duplicate check covers every claim
    deny(s, "60054", "J1", "J1100", "151"); // a unit limit exists for J1100
    deny(s, "60054", "J2", "J3301", "151"); // none for J3301: not a miss

    assertThat(s.suggestions())
        .extracting(r -> r.rule().id())
        .containsExactly("SUGGESTED-AUTH-87726-99214");
    assertThat(s.misses())
        .extracting(m -> m.rule().id() + " " + m.denials() + " " + m.exampleClaims())
        .containsExactly("AUTH-99213 2 [V1, V2]", "DUP 1 [D1]", "MUE 1 [J1]");
  }

  @Test
  void thresholdsAreChecked() {
    assertThatThrownBy(() -> new RuleSuggestions(rules(), 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RuleSuggestions(rules(), 3, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
