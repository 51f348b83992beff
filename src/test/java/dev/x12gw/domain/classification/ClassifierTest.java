package dev.x12gw.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final RuleOutcome CO45 =
      new RuleOutcome(
          DenialFamily.CONTRACTUAL,
          null,
          RootCause.PAYER_BEHAVIOR,
          false,
          RecoveryPathway.CLOSE_OUT,
          "contractual write-off");
  private static final RuleOutcome CO50 =
      new RuleOutcome(
          DenialFamily.MEDICAL_NECESSITY,
          3,
          RootCause.PRE_SERVICE,
          true,
          RecoveryPathway.APPEAL,
          "not medically necessary");
  private static final RuleOutcome CO16 =
      new RuleOutcome(
          DenialFamily.MISSING_INFORMATION,
          2,
          RootCause.BILLING,
          true,
          RecoveryPathway.CORRECT_AND_RESUBMIT,
          "missing data");

  private static ClassificationRule rule(
      String id, Set<String> payers, Set<String> carcs, ClaimFact fact, RuleOutcome outcome) {
    return new ClassificationRule(
        id,
        payers,
        Set.of(),
        Set.of(),
        carcs,
        Set.of(),
        Set.of(),
        fact,
        Set.of(),
        Set.of(),
        outcome,
        "rules.csv:" + id.length());
  }

  private static ClassificationRules rules(
      List<ClassificationRule> payerRules, List<ClassificationRule> general) {
    Map<DenialFamily, BigDecimal> rates = new EnumMap<>(DenialFamily.class);
    for (DenialFamily f : DenialFamily.values()) {
      rates.put(f, new BigDecimal("0.50"));
    }
    Map<RecoveryPathway, BigDecimal> labor = new EnumMap<>(RecoveryPathway.class);
    labor.put(RecoveryPathway.CORRECT_AND_RESUBMIT, new BigDecimal("25"));
    labor.put(RecoveryPathway.APPEAL, new BigDecimal("60"));
    labor.put(RecoveryPathway.ESCALATE_DISPUTE, new BigDecimal("200"));
    labor.put(RecoveryPathway.CLOSE_OUT, BigDecimal.ZERO);
    return ClassificationRules.of(
        payerRules,
        general,
        List.of(
            new CarcDefault("45", CO45, "carc-families.csv:2"),
            new CarcDefault("50", CO50, "carc-families.csv:3"),
            new CarcDefault("16", CO16, "carc-families.csv:4")),
        List.of(
            new ServiceLineRule(
                ServiceLine.EMERGENCY,
                ServiceLineRule.Match.PROCEDURE,
                "99281",
                "99285",
                "service-lines.csv:2")),
        List.of(new PayerTerms("60054", "BLUE", 90, null, "payers.csv:2")),
        180,
        new RecoveryEconomics(rates, 20, 120, labor),
        30,
        4);
  }

  private static Classifier classifier(ClassificationRules rules) {
    NsaPolicy nsa =
        new NsaPolicy(
            true,
            Set.of("N864", "N877"),
            Set.of("N874"),
            Set.of("A0431"),
            Set.of("23"),
            Set.of("0450"),
            Set.of("MB"),
            dev.x12gw.domain.contract.NetworkTable.of(
                List.of(
                    new dev.x12gw.domain.contract.NetworkRow(
                        "87726",
                        dev.x12gw.domain.contract.ProviderScope.ANY,
                        Network.IN_NETWORK,
                        null,
                        null,
                        "payers.csv:2"))),
            NsaPolicy.TargetBasis.BILLED_CHARGES,
            new BigDecimal(100),
            ContractSchedule.empty());
    return new Classifier(
        rules, new ReconciliationPolicy(ContractSchedule.empty(), Tolerance.none(), nsa));
  }

  private static Classification classify(Classifier c, Witness w) {
    return c.classify(w.build(), PayerHistory.none()).orElseThrow();
  }

  @Test
  void payerOverrideBeatsRuleBeatsCarcDefault() {
    ClassificationRule general =
        rule(
            "GENERAL-50",
            Set.of(),
            Set.of("50"),
            ClaimFact.ANY,
            new RuleOutcome(
                null, null, null, null, RecoveryPathway.CORRECT_AND_RESUBMIT, "fix it"));
    ClassificationRule override =
        rule(
            "BLUE-50",
            Set.of("60054"),
            Set.of("50"),
            ClaimFact.ANY,
            new RuleOutcome(
                DenialFamily.CODING, null, RootCause.CODING, true, null, "blue says coding"));
    Classifier c = classifier(rules(List.of(override), List.of(general)));
    Witness w = new Witness();
    w.carc = "50";
    Classification g = classify(c, w);
    assertThat(g.ruleId()).isEqualTo("GENERAL-50");
    // unset parts come from the CARC default
    assertThat(g.denialFamily()).isEqualTo(DenialFamily.MEDICAL_NECESSITY);
    assertThat(g.coreScenario()).isEqualTo(3);
    assertThat(g.recoveryPathway()).isEqualTo(RecoveryPathway.CORRECT_AND_RESUBMIT);
    assertThat(g.rationale()).isEqualTo("fix it");
    w.payer = "60054";
    Classification b = classify(c, w);
    assertThat(b.ruleId()).isEqualTo("BLUE-50");
    assertThat(b.denialFamily()).isEqualTo(DenialFamily.CODING);
    assertThat(b.coreScenario()).isNull();
    assertThat(b.recoveryPathway()).isEqualTo(RecoveryPathway.APPEAL);
    w.carc = "16";
    assertThat(classify(c, w).ruleId()).isEqualTo("CARC-16");
    w.carc = "ZZ9";
    Classification u = classify(c, w);
    assertThat(u.ruleId()).isEqualTo(Classifier.UNCLASSIFIED);
    assertThat(u.denialFamily()).isEqualTo(DenialFamily.OTHER);
  }

  @Test
  void claimFactsDecideBetweenRules() {
    ClassificationRule noAuth =
        rule(
            "NO-AUTH",
            Set.of(),
            Set.of("50"),
            ClaimFact.NO_PRIOR_AUTH,
            new RuleOutcome(
                DenialFamily.AUTHORIZATION,
                null,
                RootCause.PRE_SERVICE,
                true,
                RecoveryPathway.CORRECT_AND_RESUBMIT,
                "no auth sent"));
    Classifier c = classifier(rules(List.of(), List.of(noAuth)));
    Witness w = new Witness();
    w.carc = "50";
    assertThat(classify(c, w).ruleId()).isEqualTo("NO-AUTH");
    assertThat(classify(c, w).evidence())
        .contains("claim: the 837 claim carries no REF*G1 prior authorization");
    w.fact = ClaimFact.PRIOR_AUTH_SENT;
    assertThat(classify(c, w).ruleId()).isEqualTo("CARC-50");
    w.fact = ClaimFact.NO_CLAIM;
    assertThat(classify(c, w).ruleId()).isEqualTo("CARC-50");
  }

  @Test
  void aRuleHiddenByAnEarlierWiderRuleIsRefused() {
    ClassificationRule wide = rule("WIDE", Set.of(), Set.of("50", "16"), ClaimFact.ANY, CO50);
    ClassificationRule narrow = rule("NARROW", Set.of(), Set.of("50"), ClaimFact.NO_CLAIM, CO50);
    assertThatThrownBy(() -> rules(List.of(), List.of(wide, narrow)))
        .hasMessageContaining("rule NARROW can never fire: rule WIDE");
    // the other way round both can fire
    assertThat(rules(List.of(), List.of(narrow, wide)).rules()).hasSize(2);
  }

  @Test
  void theDrivingAdjustmentIsTheLargestNotOwedByThePatient() {
    FindingFacts facts =
        new FindingFacts(
            FindingKind.CLAIM_DENIAL,
            "1",
            Set.of("1"),
            List.of(
                dev.x12gw.domain.Fixtures.claimAdj("PR", "1", "500.00"),
                dev.x12gw.domain.Fixtures.claimAdj("CO", "45", "20.00"),
                dev.x12gw.domain.Fixtures.claimAdj("CO", "50", "80.00"),
                dev.x12gw.domain.Fixtures.claimAdj("OA", "23", "80.00")),
            Set.of(),
            null,
            Set.of(),
            ServiceLine.OTHER,
            null,
            Set.of(),
            "",
            BigDecimal.ZERO,
            null,
            null,
            "",
            dev.x12gw.domain.nsa.NsaAssessment.notEligible(
                new dev.x12gw.domain.contract.NetworkDecision(
                    Network.IN_NETWORK,
                    dev.x12gw.domain.contract.NetworkBasis.CONFIGURED,
                    "payers.csv:2",
                    null),
                List.of()));
    assertThat(facts.driving().code()).isEqualTo("CO-50");
  }

  @Test
  void appealDeadlineUsesThePayerWindowAndCloseOutHasNone() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness w = new Witness();
    w.carc = "50";
    w.paid = LocalDate.of(2026, 11, 20);
    Classification d = classify(c, w);
    assertThat(d.appealWindowDays()).isEqualTo(180);
    assertThat(d.appealDeadline()).isEqualTo(LocalDate.of(2027, 5, 19));
    w.payer = "60054";
    assertThat(classify(c, w).appealDeadline()).isEqualTo(LocalDate.of(2027, 2, 18));
    w.carc = "45";
    Classification closed = classify(c, w);
    assertThat(closed.recoveryPathway()).isEqualTo(RecoveryPathway.CLOSE_OUT);
    assertThat(closed.appealDeadline()).isNull();
  }

  @Test
  void expectedRecoveryBlendsTheDefaultWithThePayersHistory() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness w = new Witness();
    w.carc = "50";
    w.amount = "300.00";
    Classification fresh = classify(c, w);
    assertThat(fresh.amountAtStake()).isEqualByComparingTo("300.00");
    assertThat(fresh.overturnRate()).isEqualByComparingTo("0.50");
    assertThat(fresh.overturnRateBasis()).isEqualTo("DEFAULT");
    assertThat(fresh.expectedRecovery()).isEqualByComparingTo("150.00");
    assertThat(fresh.laborCost()).isEqualByComparingTo("60.00");
    assertThat(fresh.priority()).isEqualByComparingTo("90.00");
    // 10 denials, 8 overturned, prior weight 20 at 0.50: (8 + 10) / 30 = 0.60
    PayerHistory history =
        (payer, family, excluded, decidedBy) ->
            payer.equals("99999")
                    && family == DenialFamily.MEDICAL_NECESSITY
                    // 120 days before the payment date 2026-11-20
                    && decidedBy.equals(LocalDate.of(2026, 7, 23))
                ? new PayerHistory.Observed(10, 8)
                : new PayerHistory.Observed(0, 0);
    Classification seen = c.classify(w.build(), history).orElseThrow();
    assertThat(seen.overturnRate()).isEqualByComparingTo("0.6");
    assertThat(seen.overturnRateBasis()).isEqualTo("OBSERVED");
    assertThat(seen.observedDenials()).isEqualTo(10);
    assertThat(seen.observedOverturned()).isEqualTo(8);
    assertThat(seen.expectedRecovery()).isEqualByComparingTo("180.00");
    assertThat(seen.priority()).isEqualByComparingTo("120.00");
  }

  @Test
  void anOutOfNetworkEmergencyDenialIsEscalatedWithTheIdrClock() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness w = new Witness();
    w.carc = "50";
    w.place = "23";
    w.procedure = "99285";
    // Friday 2026-11-20 is day 1; Thanksgiving 11-26, Christmas 12-25 and New Year 2027-01-01
    // are not counted: the 30th business day is Tuesday 2027-01-05
    w.paid = LocalDate.of(2026, 11, 20);
    Classification e = classify(c, w);
    assertThat(e.recoveryPathway()).isEqualTo(RecoveryPathway.ESCALATE_DISPUTE);
    assertThat(e.rationale()).endsWith("open negotiation by 2027-01-05, then federal IDR.");
    NoSurprisesAct nsa = e.noSurprisesAct();
    assertThat(nsa.eligible()).isTrue();
    assertThat(nsa.basis())
        .containsExactly(
            "EMERGENCY_PLACE_OF_SERVICE 23",
            "OUT_OF_NETWORK (no contract row for the billing provider with this payer)");
    assertThat(nsa.openNegotiationDeadline()).isEqualTo(LocalDate.of(2027, 1, 5));
    // opened on 01-05 it runs to 02-17 (MLK 01-18 and Washington's Birthday 02-15 skipped);
    // IDR within 4 business days after: 02-18, 02-19, 02-22, 02-23
    assertThat(nsa.idrInitiationOuterDeadline()).isEqualTo(LocalDate.of(2027, 2, 23));
    assertThat(nsa.idrInitiationWindowDays()).isEqualTo(4);
    assertThat(nsa.qpa()).isNull();
    assertThat(e.disputeBatchKey()).isNotNull();
    assertThat(e.serviceLine()).isEqualTo(ServiceLine.EMERGENCY);
    assertThat(e.laborCost()).isEqualByComparingTo("200");
  }

  @Test
  void aPaymentDateOnAWeekendStartsTheClockOnTheNextBusinessDay() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness w = new Witness();
    w.carc = "50";
    w.remarks.add("N864");
    w.paid = LocalDate.of(2026, 12, 26); // Saturday; day 1 is Monday 12-28
    // 12-28..12-31 (4), 01-01 holiday, 01-04..08 (9), 11..15 (14), 18 MLK, 19..22 (18),
    // 25..29 (23), 02-01..05 (28), 02-08 (29), 02-09 (30)
    assertThat(classify(c, w).noSurprisesAct().openNegotiationDeadline())
        .isEqualTo(LocalDate.of(2027, 2, 9));
  }

  @Test
  void aDenialToFixFirstKeepsItsPathwayButShowsTheClock() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness w = new Witness();
    w.carc = "16";
    w.remarks.add("N864");
    Classification m = classify(c, w);
    assertThat(m.recoveryPathway()).isEqualTo(RecoveryPathway.CORRECT_AND_RESUBMIT);
    assertThat(m.noSurprisesAct()).isNotNull();
    assertThat(m.disputeBatchKey()).isNull();
  }

  @Test
  void inNetworkOrExcludedPlansAreNotUnderTheAct() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness w = new Witness();
    w.carc = "50";
    w.place = "23";
    w.payer = "87726"; // configured in network
    assertThat(classify(c, w).noSurprisesAct()).isNull();
    w.payer = "99999";
    w.filing = "MB"; // Medicare Part B
    w.remarks.add("N864");
    assertThat(classify(c, w).noSurprisesAct()).isNull();
    assertThat(classify(c, w).recoveryPathway()).isEqualTo(RecoveryPathway.APPEAL);
  }

  @Test
  void disputesOfOneProviderPayerAndServiceInOneWindowShareABatchKey() {
    Classifier c = classifier(rules(List.of(), List.of()));
    Witness a = new Witness();
    a.carc = "50";
    a.remarks.add("N864");
    a.procedure = "99285";
    a.service = LocalDate.of(2026, 10, 5);
    Witness b = new Witness();
    b.carc = "50";
    b.remarks.add("N864");
    b.procedure = "99285";
    b.pcn = "PCN2";
    b.service = LocalDate.of(2026, 10, 8);
    String key = classify(c, a).disputeBatchKey();
    assertThat(classify(c, b).disputeBatchKey()).isEqualTo(key);
    b.procedure = "99284";
    assertThat(classify(c, b).disputeBatchKey()).isNotEqualTo(key);
    b.procedure = "99285";
    b.npi = "1982736450";
    assertThat(classify(c, b).disputeBatchKey()).isNotEqualTo(key);
    b.npi = a.npi;
    // business day 30 of 2026 is 2026-02-13 (New Year and MLK skipped), so 02-13 and 02-17
    // (02-16 is Washington's Birthday) fall in different windows
    a.service = LocalDate.of(2026, 2, 13);
    b.service = LocalDate.of(2026, 2, 17);
    assertThat(classify(c, b).disputeBatchKey()).isNotEqualTo(classify(c, a).disputeBatchKey());
  }

  @Test
  void aReversalIsClassifiedByWhatTheCorrectionAdded() {
    ClassificationRule toPatient =
        new ClassificationRule(
            "TO-PATIENT",
            Set.of(),
            Set.of(FindingKind.RECOUPMENT_REVERSAL),
            Set.of("PR"),
            Set.of(),
            Set.of(),
            Set.of(),
            ClaimFact.ANY,
            Set.of(),
            Set.of(),
            new RuleOutcome(
                DenialFamily.PATIENT_RESPONSIBILITY,
                null,
                RootCause.PAYER_BEHAVIOR,
                false,
                RecoveryPathway.CLOSE_OUT,
                "bill the patient"),
            "rules.csv:2");
    Classifier c = classifier(rules(List.of(), List.of(toPatient)));
    Witness w = new Witness();
    w.kind = FindingKind.RECOUPMENT_REVERSAL;
    w.group = "PR";
    w.carc = "1";
    Classification r = classify(c, w);
    assertThat(r.ruleId()).isEqualTo("TO-PATIENT");
    assertThat(r.drivingCode()).isEqualTo("PR-1");
    assertThat(r.amountAtStake()).isEqualByComparingTo("100.00");
    w.group = "CO";
    w.carc = "45";
    assertThat(classify(c, w).ruleId()).isEqualTo("CARC-45");
  }
}
