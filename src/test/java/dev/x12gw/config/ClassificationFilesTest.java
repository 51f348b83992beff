package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.classification.ClaimFact;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.FindingKind;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.codes.CodeTables;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in {@code config/classification/} name the file, the line and the column; copies of the
 * shipped files are broken one way per test and loaded through {@link Intelligence#load}.
 */
class ClassificationFilesTest {
  private static final List<String> FILES =
      List.of(
          "rules.csv",
          "payer-rules.csv",
          "carc-families.csv",
          "service-lines.csv",
          "payers.csv",
          "networks.csv",
          "families.csv");
  private static final Path SHIPPED_CODES =
      TestFiles.projectDir().resolve("config/code-tables").toAbsolutePath();

  @TempDir Path home;
  private Path dir;

  @BeforeEach
  void copyTheShippedFiles() throws IOException {
    dir = home.resolve("classification");
    Files.createDirectories(dir);
    for (String name : FILES) {
      Files.copy(
          TestFiles.projectDir().resolve("config/classification").resolve(name),
          dir.resolve(name),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Intelligence load() {
    Map<String, String> values = new HashMap<>();
    values.put("classification.dir", "classification");
    values.put("classification.payers", "classification/payers.csv");
    values.put("classification.payer-rules", "classification/payer-rules.csv");
    values.put("classification.networks", "classification/networks.csv");
    values.put("code-tables.dir", SHIPPED_CODES.toString());
    values.put("contracts.dir", "contracts");
    return Intelligence.load(Settings.of(home, values), null);
  }

  /** Appends a row to a copied file; returns its line number. */
  private int append(String file, String row) throws IOException {
    Path p = dir.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      text += "\n";
    }
    int line = text.split("\n", -1).length;
    Files.writeString(p, text + row + "\n", StandardCharsets.UTF_8);
    return line;
  }

  /** The line number of the first line of a copied file starting with {@code prefix}. */
  private int lineOf(String file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError(file + " has no line starting with " + prefix);
  }

  private void replaceLine(String file, String prefix, String replacement) throws IOException {
    Path p = dir.resolve(file);
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    int i = lineOf(file, prefix) - 1;
    lines.set(i, replacement);
    Files.write(p, lines, StandardCharsets.UTF_8);
  }

  /** A rules.csv row: these columns set, every other one empty. */
  private static String rule(String... columnValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < columnValues.length; i += 2) {
      assertThat(ClassificationFiles.RULE_COLUMNS).contains(columnValues[i]);
      values.put(columnValues[i], columnValues[i + 1]);
    }
    return String.join(
        ",",
        ClassificationFiles.RULE_COLUMNS.stream().map(c -> values.getOrDefault(c, "")).toList());
  }

  /** A denial rule that loads (no earlier rule covers it), with one column changed. */
  private static String ruleWith(String column, String value) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("rule_id", "TEST-RULE");
    v.put("finding", "CLAIM_DENIAL");
    v.put("carc", "B7");
    v.put("family", "PROVIDER_ENROLLMENT");
    v.put("rationale", "a test rule");
    v.put(column, value);
    return rule(
        v.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new));
  }

  // --- the shipped configuration ---------------------------------------------------------------

  @Test
  void theShippedConfigurationLoadsWithoutWarnings() throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            TestFiles.projectDir().resolve("config/application.properties"),
            StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> values = new HashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    Intelligence i = Intelligence.load(Settings.of(TestFiles.projectDir(), values), null);
    // every current CARC of the shipped code table has a family in carc-families.csv
    assertThat(i.warnings()).isEmpty();
    assertThat(i.classifier()).isNotNull();
    assertThat(i.codes().entries(CodeKind.CARC)).isNotEmpty();
  }

  @Test
  void theCopiedConfigurationLoads() throws IOException {
    // the baseline every other test breaks in one place, with the row they alter
    append("rules.csv", ruleWith("rule_id", "TEST-RULE"));
    Intelligence i = load();
    assertThat(i.warnings()).isEmpty();
    assertThat(i.classifier().rules().rules())
        .last()
        .extracting(r -> r.id())
        .isEqualTo("TEST-RULE");
  }

  // --- headers ---------------------------------------------------------------------------------

  @Test
  void aWrongHeaderNamesTheFileAndLineOne() throws IOException {
    replaceLine(
        "carc-families.csv",
        "carc,family",
        "carc,family,core_scenario,root_cause,preventable,pathway,reason");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            dir.resolve("carc-families.csv")
                + " line 1: the header must be"
                + " carc,family,core_scenario,root_cause,preventable,pathway,rationale, not [carc,"
                + " family, core_scenario, root_cause, preventable, pathway, reason]");
  }

  @Test
  void aWrongHeaderAfterCommentLinesNamesTheLineItIsOn() throws IOException {
    // rules.csv opens with four comment lines: its header is line 5
    int header = lineOf("rules.csv", "rule_id,");
    assertThat(header).isEqualTo(5);
    replaceLine(
        "rules.csv",
        "rule_id,",
        "rule_id,payer_id,finding,group,carc,rarc,plb,claim_fact,service_line,place_of_service,"
            + "family,core_scenario,root_cause,preventable,pathway,rationale");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith(dir.resolve("rules.csv") + " line 5: the header must be");
  }

  // --- values ----------------------------------------------------------------------------------

  @Test
  void anUnknownFamilyNamesFileLineColumnAndTheChoices() throws IOException {
    int line = append("rules.csv", ruleWith("family", "BILLING_ERROR"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line "
                + line
                + ", family: \"BILLING_ERROR\" must be one of "
                + Arrays.toString(DenialFamily.values()));
    assertThat(Arrays.toString(DenialFamily.values()))
        .startsWith("[ELIGIBILITY, AUTHORIZATION, MEDICAL_NECESSITY,")
        .endsWith("PATIENT_RESPONSIBILITY, OTHER]");
  }

  @Test
  void anUnknownPathwayNamesFileLineColumnAndTheChoices() throws IOException {
    int line = append("rules.csv", ruleWith("pathway", "WAIT_AND_SEE"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line "
                + line
                + ", pathway: \"WAIT_AND_SEE\" must be one of [CORRECT_AND_RESUBMIT, APPEAL,"
                + " ESCALATE_DISPUTE, CLOSE_OUT]");
    assertThat(RecoveryPathway.values()).hasSize(4);
  }

  @Test
  void anUnknownClaimFactNamesFileLineColumnAndTheChoices() throws IOException {
    int line = append("rules.csv", ruleWith("claim_fact", "SOMETIMES"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line "
                + line
                + ", claim_fact: \"SOMETIMES\" must be one of "
                + Arrays.toString(ClaimFact.values()));
  }

  @Test
  void anUnknownFindingKindNamesFileLineColumnAndTheChoices() throws IOException {
    int line = append("rules.csv", ruleWith("finding", "CLAIM_DENIAL|DENIED_LINE"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line "
                + line
                + ", finding: \"CLAIM_DENIAL|DENIED_LINE\" must be one of [CLAIM_DENIAL,"
                + " LINE_DENIAL, UNDERPAYMENT_BELOW_CONTRACT, UNDERPAYMENT_DOWNCODED,"
                + " UNDERPAYMENT_NSA_INITIAL_PAYMENT, RECOUPMENT_REVERSAL,"
                + " RECOUPMENT_PROVIDER_ADJUSTMENT]");
    assertThat(FindingKind.values()).hasSize(7);
  }

  @Test
  void anUnknownFamilyInAPayerOverrideNamesThatFile() throws IOException {
    int line =
        append(
            "payer-rules.csv",
            rule(
                "rule_id", "ACME-X",
                "payer_id", "87726",
                "carc", "16",
                "family", "UNKNOWN_FAMILY",
                "rationale", "x"));
    assertThat(line).isEqualTo(5);
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageContaining(
            "/payer-rules.csv line 5, family: \"UNKNOWN_FAMILY\" must be one of [ELIGIBILITY,");
  }

  @Test
  void coreScenarioFiveIsRefused() throws IOException {
    int line = append("rules.csv", ruleWith("core_scenario", "5"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line " + line + ", core_scenario: \"5\" must be 1, 2, 3, 4 or empty");
  }

  @Test
  void coreScenarioFiveIsRefusedInCarcDefaults() throws IOException {
    int line = lineOf("carc-families.csv", "4,CODING,2,");
    replaceLine(
        "carc-families.csv",
        "4,CODING,2,",
        "4,CODING,5,CODING,true,CORRECT_AND_RESUBMIT,Modifier problem: fix and resubmit.");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/carc-families.csv line "
                + line
                + ", core_scenario: \"5\" must be 1, 2, 3, 4 or empty");
  }

  // --- codes -----------------------------------------------------------------------------------

  @Test
  void aCarcTheCodeTableDoesNotHaveIsNamed() throws IOException {
    CodeTables codes = CodeTableFiles.load(SHIPPED_CODES);
    assertThat(codes.find(CodeKind.CARC, "B7")).isPresent();
    assertThat(codes.find(CodeKind.CARC, "ZZ9")).isEmpty();
    int line = append("rules.csv", ruleWith("carc", "B7|ZZ9"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line "
                + line
                + ", carc: \"B7|ZZ9\" names CARC ZZ9, which "
                + codes.listName(CodeKind.CARC)
                + " does not have");
    assertThat(codes.listName(CodeKind.CARC)).isEqualTo("carc__2025-11-01.csv");
  }

  @Test
  void aRarcTheCodeTableDoesNotHaveIsNamed() throws IOException {
    CodeTables codes = CodeTableFiles.load(SHIPPED_CODES);
    assertThat(codes.find(CodeKind.RARC, "N95")).isPresent();
    assertThat(codes.find(CodeKind.RARC, "N9Z9")).isEmpty();
    int line = append("rules.csv", ruleWith("rarc", "N9Z9"));
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/rules.csv line "
                + line
                + ", rarc: \"N9Z9\" names RARC N9Z9, which "
                + codes.listName(CodeKind.RARC)
                + " does not have");
  }

  @Test
  void aCarcDefaultForACodeTheTableDoesNotHaveIsNamed() throws IOException {
    CodeTables codes = CodeTableFiles.load(SHIPPED_CODES);
    assertThat(codes.find(CodeKind.CARC, "ZZ9")).isEmpty();
    int line =
        append("carc-families.csv", "ZZ9,CODING,,CODING,true,CORRECT_AND_RESUBMIT,not a code");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/carc-families.csv line "
                + line
                + ", carc: \"ZZ9\" names CARC ZZ9, which carc__2025-11-01.csv does not have");
  }

  // --- rule sets -------------------------------------------------------------------------------

  @Test
  void aDuplicateRuleIdNamesBothRows() throws IOException {
    int first = lineOf("rules.csv", "AUTH-NEVER-SENT,");
    // same id, conditions no other rule covers
    int second =
        append(
            "rules.csv",
            rule(
                "rule_id", "AUTH-NEVER-SENT",
                "finding", "CLAIM_DENIAL",
                "carc", "B7",
                "family", "PROVIDER_ENROLLMENT",
                "rationale", "duplicate id"));
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule id AUTH-NEVER-SENT is already used at rules.csv:15")
        .hasMessageContaining("rules.csv:" + second)
        .hasMessageContaining("rules.csv:" + first);
  }

  @Test
  void aDuplicateRuleIdAcrossPayerOverridesAndRulesIsRefused() throws IOException {
    append(
        "payer-rules.csv",
        rule(
            "rule_id", "AUTH-ON-CLAIM",
            "payer_id", "87726",
            "carc", "197",
            "family", "AUTHORIZATION",
            "rationale", "ACME override"));
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "rules.csv:"
                + lineOf("rules.csv", "AUTH-ON-CLAIM,")
                + ": rule id AUTH-ON-CLAIM is already used at payer-rules.csv:5");
  }

  @Test
  void aPayerOverrideWithoutPayerIdIsRefused() throws IOException {
    int line =
        append(
            "payer-rules.csv",
            rule(
                "rule_id", "COB-RECONSIDERATION",
                "finding", "CLAIM_DENIAL|LINE_DENIAL",
                "carc", "16",
                "rarc", "N479",
                "family", "COORDINATION_OF_BENEFITS",
                "pathway", "APPEAL",
                "rationale", "reconsideration with the EOB"));
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "payer-rules.csv:" + line + ": payer override COB-RECONSIDERATION names no payer");
  }

  @Test
  void aRuleShadowedByAnEarlierWiderRuleIsRefused() throws IOException {
    int wider = lineOf("rules.csv", "AUTH-NEVER-SENT,");
    // AUTH-NEVER-SENT: CLAIM_DENIAL|LINE_DENIAL, CARC 197|198, NO_PRIOR_AUTH
    int narrow =
        append(
            "rules.csv",
            rule(
                "rule_id", "AUTH-NEVER-SENT-LINE",
                "finding", "LINE_DENIAL",
                "carc", "197",
                "claim_fact", "NO_PRIOR_AUTH",
                "family", "AUTHORIZATION",
                "rationale", "never fires"));
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rules.csv:"
                + narrow
                + ": rule AUTH-NEVER-SENT-LINE can never fire: rule AUTH-NEVER-SENT (rules.csv:"
                + wider
                + ") comes first and matches everything it matches");
  }

  @Test
  void aNarrowerRuleBeforeAWiderOneIsAccepted() throws IOException {
    // the same two rules the other way round: both can fire
    String narrow =
        rule(
            "rule_id", "AUTH-NEVER-SENT-LINE",
            "finding", "LINE_DENIAL",
            "carc", "197",
            "claim_fact", "NO_PRIOR_AUTH",
            "family", "AUTHORIZATION",
            "rationale", "fires first");
    String wider =
        Files.readAllLines(dir.resolve("rules.csv"))
            .get(lineOf("rules.csv", "AUTH-NEVER-SENT,") - 1);
    replaceLine("rules.csv", "AUTH-NEVER-SENT,", narrow + "\n" + wider);
    assertThat(load().classifier()).isNotNull();
  }

  // --- families and payers ---------------------------------------------------------------------

  @Test
  void familiesMissingAFamilyIsRefused() throws IOException {
    replaceLine("families.csv", "TIMELY_FILING,", "# TIMELY_FILING removed");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(dir.resolve("families.csv") + ": no default overturn rate for TIMELY_FILING");
  }

  @Test
  void aFamilyListedTwiceIsRefused() throws IOException {
    int line = append("families.csv", "CODING,0.5,again");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/families.csv line " + line + ", family: \"CODING\" is listed twice");
  }

  @Test
  void aPayerWithAnUnknownNetworkIsRefused() throws IOException {
    int line = append("payers.csv", "87726,ACME HEALTH PLAN,PARTNER,180,");
    assertThat(line).isEqualTo(5);
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith("/payers.csv line 5, network: \"PARTNER\" must be IN, OUT or empty");
  }

  @Test
  void aPayerWithANonNumericAppealWindowIsRefused() throws IOException {
    int line = append("payers.csv", "87726,ACME HEALTH PLAN,IN,90 days,");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageEndingWith(
            "/payers.csv line "
                + line
                + ", appeal_window_days: \"90 days\" is not a whole number"
                + " of days");
  }

  @Test
  void aPayerListedTwiceNamesBothRows() throws IOException {
    append("payers.csv", "87726,ACME HEALTH PLAN,IN,180,");
    append("payers.csv", "87726,ACME AGAIN,OUT,90,");
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payers.csv:6: payer 87726 already defined at payers.csv:5");
  }

  @Test
  void payerTermsLoadWithTheirNetworkIntoTheNsaPolicy() throws IOException {
    append("payers.csv", "54771,SUMMIT MUTUAL HEALTH,out,120,");
    append("payers.csv", "87726,ACME HEALTH PLAN,IN_NETWORK,,");
    Intelligence i = load();
    assertThat(i.policy().nsa().networks().rows())
        .extracting(r -> r.payerKey() + " " + r.network() + " " + r.source() + " " + r.provider())
        .containsExactly(
            "54771 OUT_OF_NETWORK payers.csv:5 " + dev.x12gw.domain.contract.ProviderScope.ANY,
            "87726 IN_NETWORK payers.csv:6 " + dev.x12gw.domain.contract.ProviderScope.ANY);
  }

  @Test
  void networksLoadPerProviderBeforeThePayerTable() throws IOException {
    append("payers.csv", "39026,LAKESHORE COMMUNITY HEALTH,OUT,,");
    int line = append("networks.csv", "39026,1758392041,,IN,2026-01-01,,ortho group");
    append("networks.csv", "39026,,36-4455789,in_network,,2026-12-31,");
    Intelligence i = load();
    assertThat(i.policy().nsa().networks().rows())
        .extracting(r -> r.provider().npi() + "/" + r.provider().tin() + " " + r.network())
        .containsExactly("1758392041/ IN_NETWORK", "/364455789 IN_NETWORK", "/ OUT_OF_NETWORK");
    dev.x12gw.domain.contract.NetworkDecision ortho =
        i.policy()
            .nsa()
            .network(
                java.util.Set.of("39026"),
                new dev.x12gw.domain.claim.Provider("1758392041", "RIVERBEND", ""),
                java.time.LocalDate.of(2026, 10, 1),
                i.policy().contracts());
    assertThat(ortho.source()).isEqualTo("networks.csv:" + line);
    assertThat(
            i.policy()
                .nsa()
                .network(
                    java.util.Set.of("39026"),
                    new dev.x12gw.domain.claim.Provider("1234567893", "OTHER", ""),
                    java.time.LocalDate.of(2026, 10, 1),
                    i.policy().contracts())
                .source())
        .startsWith("payers.csv:");
  }

  @Test
  void badNetworkRowsNameFileLineAndColumn() throws IOException {
    int line = append("networks.csv", "39026,,,IN,,,");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageContaining("networks.csv line " + line + ", billing_npi")
        .hasMessageContaining("network column of payers.csv");
    copyTheShippedFiles();
    line = append("networks.csv", "39026,1758392042,,IN,,,");
    assertThatThrownBy(this::load)
        .hasMessageContaining("networks.csv line " + line + ", billing_npi: \"1758392042\"")
        .hasMessageContaining("check digit");
    copyTheShippedFiles();
    line = append("networks.csv", "39026,1758392041,,MAYBE,,,");
    assertThatThrownBy(this::load)
        .hasMessageContaining("networks.csv line " + line + ", network: \"MAYBE\"");
    copyTheShippedFiles();
    line = append("networks.csv", "39026,1758392041,,,,,");
    assertThatThrownBy(this::load)
        .hasMessageContaining("networks.csv line " + line + ", network: \"\" is required");
    copyTheShippedFiles();
    line = append("networks.csv", "39026,1758392041,,IN,2026-02-01,2026-01-31,");
    assertThatThrownBy(this::load)
        .hasMessageContaining("networks.csv line " + line + ", effective_to");
    copyTheShippedFiles();
    append("networks.csv", "39026,1758392041,,IN,2026-01-01,,");
    append("networks.csv", "39026,1758392041,,OUT,2026-06-01,,");
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigFileException.class)
        .hasMessageContaining("two network statuses for payer 39026 and billing NPI 1758392041");
  }
}
