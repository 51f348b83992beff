package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.nsa.NsaPolicy;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings of denial intelligence: bad values name the key and its environment variable. */
class IntelligenceTest {
  @TempDir Path temp;

  /** The shipped settings (config/application.properties, no environment) with these changes. */
  private static Settings settings(String... keyValues) {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            TestFiles.projectDir().resolve("config/application.properties"),
            StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> values = new HashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return Settings.of(TestFiles.projectDir(), values);
  }

  private static Intelligence load(String... keyValues) {
    return Intelligence.load(settings(keyValues), null);
  }

  @Test
  void theShippedSettingsGiveTheDocumentedNsaPolicy() {
    NsaPolicy nsa = load().policy().nsa();
    assertThat(nsa.enabled()).isTrue();
    assertThat(nsa.targetBasis()).isEqualTo(NsaPolicy.TargetBasis.BILLED_CHARGES);
    assertThat(nsa.targetPercent()).isEqualByComparingTo("100");
    assertThat(nsa.referenceAmounts().isEmpty()).isTrue();
    assertThat(nsa.signalRemarks())
        .containsExactlyInAnyOrder("N859", "N864", "N865", "N866", "N876", "N877");
    assertThat(nsa.finalPaymentRemarks())
        .containsExactlyInAnyOrder("N863", "N872", "N873", "N874", "N875");
    assertThat(nsa.airAmbulanceCodes())
        .containsExactlyInAnyOrder("A0430", "A0431", "A0435", "A0436");
    assertThat(nsa.emergencyPlaces()).containsExactly("23");
    assertThat(nsa.emergencyRevenueCodes())
        .containsExactlyInAnyOrder(
            "0450", "0451", "0452", "0453", "0454", "0455", "0456", "0457", "0458", "0459", "0981");
    assertThat(nsa.excludedFilingIndicators())
        .containsExactlyInAnyOrder(
            "09", "16", "AM", "CH", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC");
    assertThat(nsa.networks().rows()).isEmpty();
  }

  @Test
  void theShippedLaborCostsReachTheEconomics() {
    Map<RecoveryPathway, BigDecimal> costs =
        load("classification.labor.cost.escalate-dispute", "150.50")
            .classifier()
            .rules()
            .economics()
            .laborCosts();
    assertThat(costs.get(RecoveryPathway.CORRECT_AND_RESUBMIT)).isEqualTo(new BigDecimal("25.00"));
    assertThat(costs.get(RecoveryPathway.APPEAL)).isEqualTo(new BigDecimal("60.00"));
    assertThat(costs.get(RecoveryPathway.ESCALATE_DISPUTE)).isEqualTo(new BigDecimal("150.50"));
    assertThat(costs.get(RecoveryPathway.CLOSE_OUT)).isEqualTo(new BigDecimal("0.00"));
  }

  // --- settings errors -------------------------------------------------------------------------

  @Test
  void anUnknownTargetBasisNamesTheKeyAndVariable() {
    assertThatThrownBy(() -> load("nsa.target.basis", "FOO"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "nsa.target.basis (NSA_TARGET_BASIS): \"FOO\" must be BILLED_CHARGES,"
                + " PERCENT_OF_BILLED or REFERENCE_TABLE");
  }

  @Test
  void aNegativeTargetPercentNamesTheKeyAndVariable() {
    assertThatThrownBy(() -> load("nsa.target.percent", "-5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "nsa.target.percent (NSA_TARGET_PERCENT): \"-5\" is not a non-negative decimal");
  }

  @Test
  void aLaborCostThatIsNotADecimalNamesTheKeyAndVariable() {
    assertThatThrownBy(() -> load("classification.labor.cost.appeal", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "classification.labor.cost.appeal (CLASSIFICATION_LABOR_COST_APPEAL): \"abc\" is not a"
                + " non-negative decimal");
  }

  @Test
  void aBackwardRevenueCodeRangeNamesTheKeyAndVariable() {
    assertThatThrownBy(() -> load("nsa.emergency.revenue.codes", "0459-0450"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No Surprises Act settings (nsa.*): nsa.emergency.revenue.codes"
                + " (NSA_EMERGENCY_REVENUE_CODES): \"0459-0450\" is not a range");
  }

  @ParameterizedTest
  @CsvSource({
    "0450-459, 0450-459",
    "0450-0459-0460, 0450-0459-0460",
    "04A0-0459, 04A0-0459",
    "'0981,0450-', 0450-"
  })
  // 0450- is split into one part and taken as the code "0450-", which no claim has
  void aMalformedRevenueCodeRangeIsRefused(String value, String named) {
    assertThatThrownBy(() -> load("nsa.emergency.revenue.codes", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No Surprises Act settings (nsa.*): nsa.emergency.revenue.codes"
                + " (NSA_EMERGENCY_REVENUE_CODES): \""
                + named
                + "\" is not a range");
  }

  /**
   * Every bad intelligence setting is named with its environment variable ({@link
   * Intelligence#load} promises it), not only the ones whose text does not parse.
   */
  @ParameterizedTest
  @CsvSource({
    "nsa.target.percent, 0, NSA_TARGET_PERCENT",
    "nsa.target.percent, 1500, NSA_TARGET_PERCENT",
    "nsa.target.basis, REFERENCE_TABLE, NSA_REFERENCE_TABLE",
    "classification.appeal.window.days, abc, CLASSIFICATION_APPEAL_WINDOW_DAYS",
    "classification.appeal.window.days, 0, CLASSIFICATION_APPEAL_WINDOW_DAYS"
  })
  void otherBadValuesNameTheirVariable(String key, String value, String variable) {
    assertThatThrownBy(() -> load(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }

  @Test
  void aMissingReferenceTableNamesThePath() {
    Path missing = temp.resolve("qpa-2026.csv");
    assertThatThrownBy(
            () ->
                load(
                    "nsa.target.basis",
                    "REFERENCE_TABLE",
                    "nsa.reference.table",
                    missing.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(missing + ": nsa.reference.table not found");
  }

  @Test
  void aMissingRelativeReferenceTableNamesItUnderTheHome() {
    assertThatThrownBy(
            () -> load("nsa.reference.table", "config/classification/examples/no-such-qpa.csv"))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            TestFiles.projectDir().resolve("config/classification/examples/no-such-qpa.csv")
                + ": nsa.reference.table not found");
  }

  @Test
  void aBadReferenceTableNamesItsFileAndLine() throws IOException {
    Path table = temp.resolve("qpa.csv");
    Files.writeString(
        table,
        "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n"
            + "54771,99285,,780.00,2026-01-01,2026-12-31\n"
            + "54771,A0431,,lots,2026-01-01,2026-12-31\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                load(
                    "nsa.target.basis", "REFERENCE_TABLE", "nsa.reference.table", table.toString()))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining("qpa.csv")
        .hasMessageContaining("line 3")
        .hasMessageContaining("\"lots\"");
  }

  // --- good settings ---------------------------------------------------------------------------

  @Test
  void theExampleReferenceTableLoadsItsThreeRates() {
    NsaPolicy nsa =
        load(
                "nsa.target.basis",
                "reference_table",
                "nsa.reference.table",
                "config/classification/examples/qpa.csv")
            .policy()
            .nsa();
    assertThat(nsa.targetBasis()).isEqualTo(NsaPolicy.TargetBasis.REFERENCE_TABLE);
    assertThat(nsa.referenceAmounts().size()).isEqualTo(3);
    assertThat(nsa.referenceAmounts().rates())
        .extracting(
            r -> r.payerKey() + " " + r.procedureCode() + " " + r.allowedAmount().toPlainString())
        .containsExactly("54771 99285 780.00", "54771 A0431 9850.00", "54771 A0436 95.00");
    assertThat(nsa.referenceAmounts().rates())
        .extracting(ContractRate::source)
        .containsExactly("qpa.csv:5", "qpa.csv:6", "qpa.csv:7");
  }

  @Test
  void theExampleNetworkTableLoadsBeforeTheExamplePayerTable() {
    NsaPolicy nsa =
        load(
                "classification.networks",
                "config/classification/examples/networks.csv",
                "classification.payers",
                "config/classification/examples/payers.csv")
            .policy()
            .nsa();
    // provider rows first (networks.csv), then the payer-wide statuses of payers.csv
    assertThat(nsa.networks().rows())
        .extracting(r -> r.source() + " " + r.network())
        .containsExactly(
            "networks.csv:6 OUT_OF_NETWORK",
            "networks.csv:7 IN_NETWORK",
            "networks.csv:8 OUT_OF_NETWORK",
            "payers.csv:4 IN_NETWORK",
            "payers.csv:5 IN_NETWORK",
            "payers.csv:6 OUT_OF_NETWORK");
    // CITYWIDE's own row beats ACME's payer-wide IN
    assertThat(
            nsa.network(
                    java.util.Set.of("87726"),
                    new dev.x12gw.domain.claim.Provider("1582036418", "CITYWIDE", ""),
                    java.time.LocalDate.of(2026, 10, 5),
                    dev.x12gw.domain.contract.ContractSchedule.empty())
                .source())
        .isEqualTo("networks.csv:8");
  }

  @Test
  void percentOfBilledTakesTheConfiguredPercent() {
    NsaPolicy nsa =
        load("nsa.target.basis", "PERCENT_OF_BILLED", "nsa.target.percent", "80").policy().nsa();
    assertThat(nsa.targetBasis()).isEqualTo(NsaPolicy.TargetBasis.PERCENT_OF_BILLED);
    assertThat(nsa.targetPercent()).isEqualTo(new BigDecimal("80"));
  }

  @Test
  void aRevenueCodeRangeExpandsToEveryCodeInIt() {
    assertThat(
            load("nsa.emergency.revenue.codes", "0450-0459").policy().nsa().emergencyRevenueCodes())
        .containsExactlyInAnyOrder(
            "0450", "0451", "0452", "0453", "0454", "0455", "0456", "0457", "0458", "0459");
    assertThat(
            load("nsa.emergency.revenue.codes", " 0981 , 0450-0450 ,0099-0101")
                .policy()
                .nsa()
                .emergencyRevenueCodes())
        .containsExactlyInAnyOrder("0981", "0450", "0099", "0100", "0101");
  }

  @Test
  void codeListsAreTrimmedAndUpperCased() {
    NsaPolicy nsa =
        load(
                "nsa.signal.remarks", " n864 ,N865,,",
                "nsa.excluded.filing.indicators", "mb, mc")
            .policy()
            .nsa();
    assertThat(nsa.signalRemarks()).containsExactlyInAnyOrder("N864", "N865");
    assertThat(nsa.excludedFilingIndicators()).containsExactlyInAnyOrder("MB", "MC");
  }

  @Test
  void nsaCanBeTurnedOff() {
    assertThat(load("nsa.enabled", "false").policy().nsa().enabled()).isFalse();
  }
}
