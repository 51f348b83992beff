package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.UnmatchedRemit;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ServicePayment;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnmatchedRemitRuleTest {
  private final UnmatchedRemitRule rule = new UnmatchedRemitRule();

  private static ClaimPayment payment(ServicePayment line) {
    return paymentWithLines("PCN1", "1", "CCN1", "250.00", "200.00", List.of(), line);
  }

  private static final ServicePayment OFFICE_VISIT =
      svc("99213", "250.00", "200.00", "L1", lineAdj("CO", "45", "50.00"));

  @Test
  void aPaymentWhoseClaimWasNeverReceivedIsUnmatched() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(),
            paid(1, remit("87726", "T1"), payment(OFFICE_VISIT)));
    List<UnmatchedRemit> found = rule.findings(c, c.payments().get(0));
    assertThat(found).hasSize(1);
    UnmatchedRemit u = found.get(0);
    assertThat(u.claim()).isNull();
    assertThat(u.line()).isNull();
    assertThat(u.detection().ruleId()).isEqualTo(UnmatchedRemitRule.RULE_CLAIM_UNMATCHED);
    assertThat(u.detection().rationale())
        .isEqualTo(
            "No 837 claim with this patient control number (CLP01) for payer 87726 (PAYER 87726)"
                + " has been received.");
  }

  @Test
  void aPaymentAnsweringItsClaimLineByLineIsMatched() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), payment(OFFICE_VISIT)));
    assertThat(rule.findings(c, c.payments().get(0))).isEmpty();
  }

  @Test
  void theClaimOfAnotherPayerDoesNotAnswerThePayment() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "60054")),
            paid(1, remit("87726", "T1"), payment(OFFICE_VISIT)));
    assertThat(rule.findings(c, c.payments().get(0)))
        .extracting(f -> f.detection().ruleId())
        .containsExactly(UnmatchedRemitRule.RULE_CLAIM_UNMATCHED);
  }

  @Test
  void aPaidLineThatAnswersNoSubmittedLineIsUnmatched() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(
                1,
                remit("87726", "T1"),
                payment(svc("36415", "250.00", "200.00", "L9", lineAdj("CO", "45", "50.00")))));
    List<UnmatchedRemit> found = rule.findings(c, c.payments().get(0));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).line().ordinal()).isEqualTo(1);
    assertThat(found.get(0).detection().ruleId()).isEqualTo(UnmatchedRemitRule.RULE_LINE_UNMATCHED);
    assertThat(found.get(0).detection().rationale())
        .startsWith("Paid line 1 (36415 on 2026-10-15) answers no line of the submitted claim");
  }
}
