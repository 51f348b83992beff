package dev.x12gw.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import dev.x12gw.config.Intelligence;
import dev.x12gw.domain.codes.CodeEntry;
import dev.x12gw.domain.codes.CodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classification knowledge as shipped ({@code config/classification/}, with the example payer
 * overrides): every rule can fire, every CARC of the current code list has a family, and the golden
 * records cover every family, pathway, root cause, CORE scenario and service line.
 */
class ShippedClassificationTest {
  private static Intelligence intelligence;

  @BeforeAll
  static void load() {
    intelligence = TestFiles.intelligence(null);
  }

  static Stream<String> ruleIds() {
    return TestFiles.intelligence(null).classifier().rules().allRules().stream()
        .map(ClassificationRule::id);
  }

  /** A witness finding built from a rule's own conditions is classified by that rule. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  void everyRuleIsReachable(String ruleId) {
    ClassificationRules rules = intelligence.classifier().rules();
    ClassificationRule rule =
        rules.allRules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
    Classification c =
        intelligence
            .classifier()
            .classify(Witness.of(rule, rules.serviceLines()).build(), PayerHistory.none())
            .orElseThrow();
    assertThat(c.ruleId()).as(rule.source() + ": " + rule.describeConditions()).isEqualTo(ruleId);
  }

  @Test
  void theShippedRulesIncludeGeneralRulesAndTheExamplePayerOverride() {
    ClassificationRules rules = intelligence.classifier().rules();
    assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(rules.payerRules())
        .extracting(ClassificationRule::id)
        .containsExactly("BLUE-RIVER-EOB-RECONSIDERATION");
  }

  @Test
  void everyCarcOfTheCodeListMapsToAFamily() {
    List<CodeEntry> carcs = intelligence.codes().entries(CodeKind.CARC);
    assertThat(carcs).hasSizeGreaterThan(350);
    List<String> missing = new ArrayList<>();
    for (CodeEntry e : carcs) {
      if (intelligence.classifier().rules().carc(e.code()).isEmpty()) {
        missing.add(e.code());
      }
    }
    assertThat(missing).as("CARCs without a row in carc-families.csv").isEmpty();
    assertThat(intelligence.warnings()).isEmpty();
  }

  @Test
  void aCarcWithoutAnyRuleIsClassifiedByItsDefault() {
    Witness w = new Witness();
    w.carc = "27";
    Classification c =
        intelligence.classifier().classify(w.build(), PayerHistory.none()).orElseThrow();
    assertThat(c.ruleId()).isEqualTo("CARC-27");
    assertThat(c.denialFamily()).isEqualTo(DenialFamily.ELIGIBILITY);
    assertThat(c.rootCause()).isEqualTo(RootCause.FRONT_DESK);
  }

  @Test
  void goldenRecordsCoverEveryFamilyPathwayRootCauseScenarioAndServiceLine() throws Exception {
    Set<String> families = new TreeSet<>();
    Set<String> pathways = new TreeSet<>();
    Set<String> roots = new TreeSet<>();
    Set<String> scenarios = new TreeSet<>();
    Set<String> lines = new TreeSet<>();
    Set<String> rules = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(TestFiles.testdata("expected"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode c = json.readTree(line).path("classification");
          if (c.isMissingNode() || c.isNull()) {
            continue;
          }
          families.add(c.get("denialFamily").asText());
          pathways.add(c.get("recoveryPathway").asText());
          roots.add(c.get("rootCause").asText());
          if (!c.get("coreScenario").isNull()) {
            scenarios.add(c.get("coreScenario").asText());
          }
          lines.add(c.get("serviceLine").asText());
          rules.add(c.get("ruleId").asText());
        }
      }
    }
    assertThat(families).containsAll(names(DenialFamily.values()));
    assertThat(pathways).containsAll(names(RecoveryPathway.values()));
    assertThat(roots).containsAll(names(RootCause.values()));
    assertThat(scenarios).containsExactly("1", "2", "3", "4");
    assertThat(lines).containsAll(names(ServiceLine.values()));
    assertThat(rules).contains("BLUE-RIVER-EOB-RECONSIDERATION", "NSA-INITIAL-PAYMENT");
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
