package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.NetworkTable;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnderpaymentKind;
import dev.x12gw.domain.nsa.NsaAssessment;
import dev.x12gw.domain.nsa.NsaPolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NSA target of billed charges (100 %), no contracts: a line is owed its charge. */
class NsaPaymentRuleTest {
  private static final ReconciliationPolicy POLICY =
      new ReconciliationPolicy(
          ContractSchedule.empty(),
          Tolerance.none(),
          new NsaPolicy(
              true,
              Set.of("N859", "N864", "N865", "N866", "N876", "N877"),
              Set.of("N863", "N872", "N873", "N874", "N875"),
              Set.of("A0430", "A0431", "A0435", "A0436"),
              Set.of("23"),
              Set.of("0450"),
              Set.of("MB", "MC"),
              NetworkTable.empty(),
              NsaPolicy.TargetBasis.BILLED_CHARGES,
              new BigDecimal(100),
              ContractSchedule.empty()));

  private final NsaPaymentRule rule = new NsaPaymentRule();

  private static MatchedCase paidWith(String paid, List<String> remarks) {
    BigDecimal writeOff = new BigDecimal("250.00").subtract(new BigDecimal(paid));
    return matched(
        POLICY,
        List.of(claim("PCN1", "87726")),
        paid(
            1,
            remit("87726", "T1"),
            paymentWithLines(
                "PCN1",
                "1",
                "CCN1",
                "250.00",
                paid,
                remarks,
                svc(
                    "99213",
                    "250.00",
                    paid,
                    "L1",
                    lineAdj("CO", "45", writeOff.toPlainString())))));
  }

  @Test
  void anOutOfNetworkInitialPaymentBelowTheTargetIsAnUnderpayment() {
    MatchedCase c = paidWith("90.00", List.of("N864"));
    MatchedPayment p = c.payments().get(0);
    NsaAssessment nsa = rule.outOfNetwork(c, p);
    assertThat(nsa).isNotNull();
    Optional<Underpayment> found = rule.belowTarget(c, p, p.lines().get(0), nsa);
    assertThat(found).isPresent();
    assertThat(found.get().kind()).isEqualTo(UnderpaymentKind.NSA_INITIAL_PAYMENT);
    assertThat(found.get().expectedAmount()).isEqualByComparingTo("250.00");
    assertThat(found.get().actualAmount()).isEqualByComparingTo("90.00");
    assertThat(found.get().detection().ruleId()).isEqualTo(NsaPaymentRule.RULE_NSA_INITIAL_PAYMENT);
    assertThat(found.get().detection().rationale())
        .startsWith("Out of network under the No Surprises Act (RARC N864): line 99213");
  }

  @Test
  void anInitialPaymentAtItsTargetIsNoUnderpayment() {
    MatchedCase c = paidWith("250.00", List.of("N864"));
    MatchedPayment p = c.payments().get(0);
    assertThat(rule.belowTarget(c, p, p.lines().get(0), rule.outOfNetwork(c, p))).isEmpty();
  }

  @Test
  void aFinalPaymentOrAClaimOutsideTheActIsNotAssessed() {
    MatchedCase fin = paidWith("90.00", List.of("N864", "N873"));
    assertThat(rule.outOfNetwork(fin, fin.payments().get(0))).isNull();
    MatchedCase plain = paidWith("90.00", List.of());
    assertThat(rule.outOfNetwork(plain, plain.payments().get(0))).isNull();
  }

  @Test
  void theUnderpaymentRuleMeasuresALineWithoutContractAgainstTheTarget() {
    MatchedCase c = paidWith("90.00", List.of("N864"));
    assertThat(new UnderpaymentRule().findings(c, c.payments().get(0)))
        .extracting(Underpayment::kind)
        .containsExactly(UnderpaymentKind.NSA_INITIAL_PAYMENT);
  }
}
