package dev.x12gw.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.claim.Provider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractScheduleTest {
  private static final Set<String> ACME = Set.of("87726");
  private static final LocalDate JUNE = LocalDate.of(2026, 6, 15);

  private static ContractRate rate(
      String payer, String code, String modifier, String amount, String from, String to, int line) {
    return new ContractRate(
        payer,
        code,
        modifier,
        new BigDecimal(amount),
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        "acme.csv:" + line,
        ProviderScope.ANY);
  }

  private static ContractRate year2026(String code, String modifier, String amount, int line) {
    return rate("87726", code, modifier, amount, "2026-01-01", "2026-12-31", line);
  }

  private static Optional<String> source(
      ContractSchedule s, String code, List<String> modifiers, LocalDate day) {
    return s.find(ACME, code, modifiers, day).map(ContractRate::source);
  }

  @Test
  void ratesNormaliseAndValidate() {
    ContractRate r = rate(" acme ", " g0283 ", " gp ", "40", null, null, 1);
    assertThat(r.payerId()).isEqualTo("acme");
    assertThat(r.payerKey()).isEqualTo("ACME");
    assertThat(r.procedureCode()).isEqualTo("G0283");
    assertThat(r.modifier()).isEqualTo("GP");
    assertThat(r.allowedAmount().toPlainString()).isEqualTo("40.00");
    assertThat(rate("87726", "99213", null, "0.125", null, null, 1).allowedAmount())
        .isEqualByComparingTo("0.125");
    assertThat(rate("87726", "99213", null, "1", null, null, 1).modifier()).isEmpty();
    assertThatThrownBy(() -> rate(" ", "99213", "", "1", null, null, 1))
        .hasMessageContaining("payer id");
    assertThatThrownBy(() -> rate("87726", "", "", "1", null, null, 1))
        .hasMessageContaining("procedure code");
    assertThatThrownBy(() -> rate("87726", "99213", "", "-0.01", null, null, 1))
        .hasMessageContaining("negative");
    assertThatThrownBy(
            () -> new ContractRate("87726", "99213", "", null, null, null, "acme.csv:1", null))
        .hasMessageContaining("allowed amount");
    assertThatThrownBy(() -> rate("87726", "99213", "", "1", "2026-02-01", "2026-01-31", 1))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(
            () -> new ContractRate("87726", "99213", "", BigDecimal.ONE, null, null, " ", null))
        .hasMessageContaining("source");
  }

  @Test
  void coversItsDaysInclusiveAndEveryUnknownDate() {
    ContractRate r = year2026("99213", "", "110", 1);
    assertThat(r.covers(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(r.covers(JUNE)).isTrue();
    assertThat(r.covers(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(r.covers(LocalDate.of(2025, 12, 31))).isFalse();
    assertThat(r.covers(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(r.covers(null)).isTrue();
    ContractRate fromOnly = rate("87726", "99213", "", "1", "2026-01-01", null, 1);
    assertThat(fromOnly.covers(LocalDate.of(2099, 1, 1))).isTrue();
    assertThat(fromOnly.covers(LocalDate.of(2025, 12, 31))).isFalse();
    ContractRate toOnly = rate("87726", "99213", "", "1", null, "2026-12-31", 1);
    assertThat(toOnly.covers(LocalDate.of(1990, 1, 1))).isTrue();
    assertThat(toOnly.covers(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(rate("87726", "99213", "", "1", null, null, 1).covers(JUNE)).isTrue();
  }

  @Test
  void appliesToAnyModifierOrItsOwnIgnoringCase() {
    ContractRate any = year2026("97110", "", "35", 1);
    ContractRate gp = year2026("97110", "GP", "40", 2);
    assertThat(any.appliesTo(List.of())).isTrue();
    assertThat(any.appliesTo(null)).isTrue();
    assertThat(any.appliesTo(List.of("59"))).isTrue();
    assertThat(gp.appliesTo(List.of("59", "gp"))).isTrue();
    assertThat(gp.appliesTo(List.of("GO"))).isFalse();
    assertThat(gp.appliesTo(List.of())).isFalse();
    assertThat(gp.appliesTo(null)).isFalse();
  }

  @Test
  void specificModifierBeatsAnyWhateverTheLoadOrder() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(year2026("97110", "GP", "40", 1), year2026("97110", "", "35", 2)));
    assertThat(source(s, "97110", List.of("GP"), JUNE)).contains("acme.csv:1");
    ContractSchedule reversed =
        ContractSchedule.of(
            List.of(year2026("97110", "", "35", 1), year2026("97110", "GP", "40", 2)));
    assertThat(source(reversed, "97110", List.of("59", "gp"), JUNE)).contains("acme.csv:2");
  }

  @Test
  void modifierNotOnTheLineFallsBackToTheAnyRate() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(year2026("97110", "GP", "40", 1), year2026("97110", "", "35", 2)));
    assertThat(source(s, "97110", List.of("GO"), JUNE)).contains("acme.csv:2");
    assertThat(source(s, "97110", List.of(), JUNE)).contains("acme.csv:2");
    assertThat(source(s, "97110", null, JUNE)).contains("acme.csv:2");
    ContractSchedule onlyGp = ContractSchedule.of(List.of(year2026("97110", "GP", "40", 1)));
    assertThat(source(onlyGp, "97110", List.of("GO"), JUNE)).isEmpty();
  }

  @Test
  void amongSpecificModifiersTheFirstOnTheLineWins() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(year2026("97110", "GP", "40", 1), year2026("97110", "59", "45", 2)));
    assertThat(source(s, "97110", List.of("59", "GP"), JUNE)).contains("acme.csv:2");
    assertThat(source(s, "97110", List.of("GP", "59"), JUNE)).contains("acme.csv:1");
  }

  @Test
  void dateRangesSelectTheRateInForce() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(
                rate("87726", "99213", "", "100", "2025-01-01", "2025-12-31", 1),
                rate("87726", "99213", "", "110", "2026-01-01", "2026-12-31", 2)));
    assertThat(source(s, "99213", List.of(), LocalDate.of(2025, 12, 31))).contains("acme.csv:1");
    assertThat(source(s, "99213", List.of(), LocalDate.of(2026, 1, 1))).contains("acme.csv:2");
    assertThat(source(s, "99213", List.of(), JUNE)).contains("acme.csv:2");
    assertThat(source(s, "99213", List.of(), LocalDate.of(2024, 12, 31))).isEmpty();
    assertThat(source(s, "99213", List.of(), LocalDate.of(2027, 1, 1))).isEmpty();
    // an unknown date is covered by both: the latest start wins
    assertThat(source(s, "99213", List.of(), null)).contains("acme.csv:2");
  }

  @Test
  void openEndedRatesApplyForeverAndLoseToADatedOneOnlyByStart() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(
                rate("87726", "99213", "", "100", null, "2025-12-31", 1),
                rate("87726", "99213", "", "110", "2026-01-01", null, 2)));
    assertThat(source(s, "99213", List.of(), LocalDate.of(1999, 1, 1))).contains("acme.csv:1");
    assertThat(source(s, "99213", List.of(), LocalDate.of(2099, 1, 1))).contains("acme.csv:2");
    assertThat(source(s, "99213", List.of(), null)).contains("acme.csv:2");
  }

  @Test
  void latestStartWinsThenLoadOrderAmongOverlappingAnyAndSpecificRates() {
    // different modifiers may overlap; the specific one wins, then the latest start
    ContractSchedule s =
        ContractSchedule.of(
            List.of(
                rate("87726", "97110", "", "35", null, null, 1),
                rate("87726", "97110", "GP", "38", "2025-01-01", null, 2),
                rate("87726", "97110", "GP", "0", null, "2024-12-31", 3)));
    assertThat(source(s, "97110", List.of("GP"), null)).contains("acme.csv:2");
    assertThat(source(s, "97110", List.of("GP"), LocalDate.of(2024, 6, 1))).contains("acme.csv:3");
    // same modifier rank and start: the first loaded (only possible across payer keys)
    ContractSchedule twoIds =
        ContractSchedule.of(
            List.of(
                rate("ACME", "99213", "", "110", "2026-01-01", null, 1),
                rate("87726", "99213", "", "111", "2026-01-01", null, 2)));
    assertThat(twoIds.find(Set.of("87726", "ACME"), "99213", List.of(), JUNE))
        .map(ContractRate::source)
        .contains("acme.csv:1");
  }

  @Test
  void payerMatchesThroughAnyOfItsKeys() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(
                rate(" acme-hp ", "99213", "", "110", null, null, 1),
                year2026("99214", "", "150", 2)));
    List<String> keys = List.of("1234567890", "87726", "ACME-HP");
    assertThat(s.find(keys, "99213", List.of(), JUNE))
        .map(ContractRate::source)
        .contains("acme.csv:1");
    assertThat(s.find(keys, "99214", List.of(), JUNE))
        .map(ContractRate::source)
        .contains("acme.csv:2");
    assertThat(s.find(List.of("acme-hp"), " 99213 ", List.of(), JUNE)).isPresent();
    assertThat(s.find(List.of("OTHER"), "99213", List.of(), JUNE)).isEmpty();
    assertThat(s.find(List.of(), "99213", List.of(), JUNE)).isEmpty();
    assertThat(s.find(keys, "99215", List.of(), JUNE)).isEmpty();
  }

  @Test
  void procedureCodesMatchIgnoringCase() {
    ContractSchedule s = ContractSchedule.of(List.of(year2026("g0283", "", "20", 1)));
    assertThat(source(s, "G0283", List.of(), JUNE)).contains("acme.csv:1");
    assertThat(source(s, "g0283", List.of(), JUNE)).contains("acme.csv:1");
  }

  @Test
  void overlappingRatesForTheSameModifierAreRefusedNamingBothSources() {
    assertThatThrownBy(
            () ->
                ContractSchedule.of(
                    List.of(
                        rate("87726", "99213", "", "100", "2025-01-01", "2026-01-01", 4),
                        rate("87726", "99213", "", "110", "2026-01-01", "2026-12-31", 9))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acme.csv:4")
        .hasMessageContaining("acme.csv:9")
        .hasMessageContaining("99213");
    // open-ended ranges overlap everything on their open side
    assertThatThrownBy(
            () ->
                ContractSchedule.of(
                    List.of(
                        rate("87726", "99213", "GP", "1", null, null, 1),
                        rate("87726", "99213", "gp", "2", "2030-01-01", "2030-01-01", 2))))
        .hasMessageContaining("acme.csv:1")
        .hasMessageContaining("acme.csv:2");
    // the same payer spelled differently is still the same payer
    assertThatThrownBy(
            () ->
                ContractSchedule.of(
                    List.of(
                        rate("acme", "99213", "", "1", null, null, 1),
                        rate(" ACME ", "99213", "", "2", null, null, 2))))
        .hasMessageContaining("acme.csv:1")
        .hasMessageContaining("acme.csv:2");
  }

  @Test
  void adjacentRangesDifferentModifiersAndDifferentPayersDoNotOverlap() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(
                rate("87726", "99213", "", "100", null, "2025-12-31", 1),
                rate("87726", "99213", "", "110", "2026-01-01", null, 2),
                rate("87726", "99213", "25", "120", null, null, 3),
                rate("60054", "99213", "", "90", null, null, 4)));
    assertThat(s.size()).isEqualTo(4);
    assertThat(s.find(Set.of("60054"), "99213", List.of("25"), JUNE))
        .map(ContractRate::source)
        .contains("acme.csv:4");
  }

  @Test
  void schedulesAreImmutable() {
    List<ContractRate> rates = new ArrayList<>(List.of(year2026("99213", "", "110", 1)));
    ContractSchedule s = ContractSchedule.of(rates);
    rates.clear();
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.isEmpty()).isFalse();
    assertThatThrownBy(() -> s.rates().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ContractSchedule.empty().isEmpty()).isTrue();
    assertThat(ContractSchedule.empty().size()).isZero();
    assertThat(ContractSchedule.empty().find(ACME, "99213", List.of(), JUNE)).isEmpty();
    assertThat(ContractSchedule.of(List.of())).isEqualTo(ContractSchedule.empty());
  }

  // --- providers ---------------------------------------------------------------------------------

  private static final Provider ORTHO = new Provider("1758392041", "RIVERBEND", "371122334");
  private static final Provider SAME_TIN =
      new Provider("1234567893", "RIVERBEND WEST", "371122334");
  private static final Provider AIR = new Provider("1647309529", "SKYLIFT", "364455789");

  private static ContractRate forProvider(
      String code, String amount, String npi, String tin, String from, String to, int line) {
    return new ContractRate(
        "39026",
        code,
        "",
        new BigDecimal(amount),
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        "lake.csv:" + line,
        new ProviderScope(npi, tin));
  }

  @Test
  void theProvidersOwnRateBeatsThePayerWideRate() {
    ContractSchedule s =
        ContractSchedule.of(
            List.of(
                forProvider("29881", "2100", "", "", null, null, 2),
                forProvider("29881", "2200", "", "371122334", null, null, 3),
                forProvider("29881", "2400", "1758392041", "", null, null, 4),
                forProvider("29881", "2300", "1758392041", "371122334", null, null, 5),
                forProvider("27447", "5000", "", "", null, null, 6)));
    Set<String> lake = Set.of("39026");
    assertThat(s.find(lake, ORTHO, "29881", List.of(), JUNE).map(ContractRate::source))
        .contains("lake.csv:5");
    assertThat(s.find(lake, SAME_TIN, "29881", List.of(), JUNE).map(ContractRate::source))
        .contains("lake.csv:3");
    assertThat(s.find(lake, AIR, "29881", List.of(), JUNE).map(ContractRate::source))
        .contains("lake.csv:2");
    // a code the provider has no own rate for falls back to the payer-wide rate
    assertThat(s.find(lake, ORTHO, "27447", List.of(), JUNE).map(ContractRate::source))
        .contains("lake.csv:6");
    // no provider known: payer-wide rates only
    assertThat(s.find(lake, "29881", List.of(), JUNE).map(ContractRate::source))
        .contains("lake.csv:2");
    // a provider whose TIN is unknown matches no row that names a TIN
    Provider npiOnly = new Provider("1758392041", "RIVERBEND", "");
    assertThat(s.find(lake, npiOnly, "29881", List.of(), JUNE).map(ContractRate::source))
        .contains("lake.csv:4");
  }

  @Test
  void theContractRowOfAProviderIsItsOwnElseAPayerWideOneInEffectOnTheDate() {
    ContractSchedule orthoOnly =
        ContractSchedule.of(
            List.of(
                forProvider("29881", "2400", "1758392041", "", "2026-01-01", "2026-12-31", 2),
                forProvider("27447", "5000", "1758392041", "", "2026-01-01", "2026-12-31", 3)));
    Set<String> lake = Set.of("39026");
    assertThat(orthoOnly.rowFor(lake, ORTHO, JUNE).map(ContractRate::source))
        .contains("lake.csv:2");
    // another provider of the same payer is not under the ortho group's contract
    assertThat(orthoOnly.rowFor(lake, AIR, JUNE)).isEmpty();
    assertThat(orthoOnly.rowFor(lake, null, JUNE)).isEmpty();
    // another payer
    assertThat(orthoOnly.rowFor(Set.of("87726"), ORTHO, JUNE)).isEmpty();
    // outside the contract's dates; an unknown date is covered
    assertThat(orthoOnly.rowFor(lake, ORTHO, LocalDate.of(2027, 1, 1))).isEmpty();
    assertThat(orthoOnly.rowFor(lake, ORTHO, null)).isPresent();
    ContractSchedule withWide =
        ContractSchedule.of(
            List.of(
                forProvider("99213", "110", "", "", "2026-01-01", "2026-03-31", 2),
                forProvider("29881", "2400", "1758392041", "", "2026-01-01", "2026-12-31", 3),
                forProvider("99214", "150", "", "", "2026-01-01", "2026-12-31", 4)));
    assertThat(withWide.rowFor(lake, AIR, JUNE).map(ContractRate::source)).contains("lake.csv:4");
    assertThat(withWide.rowFor(lake, ORTHO, JUNE).map(ContractRate::source)).contains("lake.csv:3");
    assertThat(ContractSchedule.empty().rowFor(lake, ORTHO, JUNE)).isEmpty();
  }

  @Test
  void overlappingRatesAreRefusedPerProviderScope() {
    assertThatThrownBy(
            () ->
                ContractSchedule.of(
                    List.of(
                        forProvider("29881", "2400", "1758392041", "", null, null, 2),
                        forProvider("29881", "2500", "1758392041", "", null, null, 3))))
        .hasMessageContaining("billing NPI 1758392041")
        .hasMessageContaining("lake.csv:2")
        .hasMessageContaining("lake.csv:3");
    assertThat(
            ContractSchedule.of(
                    List.of(
                        forProvider("29881", "2400", "1758392041", "", null, null, 2),
                        forProvider("29881", "2400", "", "371122334", null, null, 3),
                        forProvider("29881", "2100", "", "", null, null, 4)))
                .size())
        .isEqualTo(3);
  }

  @Test
  void aProviderScopeIsValidated() {
    assertThat(new ProviderScope(" 1758392041 ", "37-1122334"))
        .isEqualTo(new ProviderScope("1758392041", "371122334"));
    assertThat(ProviderScope.ANY.any()).isTrue();
    assertThatThrownBy(() -> new ProviderScope("1758392042", ""))
        .hasMessageContaining("check digit");
    assertThatThrownBy(() -> new ProviderScope("", "12345")).hasMessageContaining("9 digits");
    assertThat(ProviderScope.isNpi("1234567893")).isTrue();
    assertThat(ProviderScope.isNpi("1234567890")).isFalse();
    assertThat(new ProviderScope("1758392041", "371122334").describe())
        .isEqualTo("billing NPI 1758392041, TIN 371122334");
    assertThat(new ProviderScope("", "371122334").describe()).isEqualTo("billing TIN 371122334");
  }
}
