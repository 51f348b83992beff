package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.ClaimDenial;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.LineDenial;
import dev.x12gw.domain.remittance.ClaimPayment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenialRuleTest {
  private final DenialRule rule = new DenialRule();

  private static ClaimPayment deniedPart(String ccn, List<String> remarks) {
    return paymentWithLines(
        "PCN1",
        "4",
        ccn,
        "250.00",
        "0",
        remarks,
        svc("99213", "250.00", "0", "L1", lineAdj("CO", "197", "250.00")));
  }

  private static ClaimPayment paidPart(String ccn, List<String> remarks) {
    return paymentWithLines(
        "PCN1",
        "1",
        ccn,
        "250.00",
        "200.00",
        remarks,
        svc("99213", "250.00", "200.00", "L1", lineAdj("CO", "45", "50.00")));
  }

  @Test
  void aZeroPaidClaimWithAPayerLiableReasonIsAClaimDenial() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), deniedPart("CCN1", List.of())));
    List<Finding> found = rule.findings(c, c.payments().get(0));
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).isInstanceOf(ClaimDenial.class);
    assertThat(found.get(0).detection().ruleId()).isEqualTo(DenialDetector.RULE_ZERO_PAID);
  }

  @Test
  void aPaidClaimIsNotDenied() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), paidPart("CCN1", List.of())));
    assertThat(rule.findings(c, c.payments().get(0))).isEmpty();
  }

  @Test
  void aZeroPaidSplitWhoseOtherPartWasPaidGivesLineDenialsNotAClaimDenial() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), paidPart("CCN1", List.of("MA15"))),
            paid(2, remit("87726", "T1"), deniedPart("CCN2", List.of("MA15"))));
    MatchedPayment denied =
        c.payments().stream().filter(p -> p.payment().paidAmount().signum() == 0).findFirst().get();
    List<Finding> found = rule.findings(c, denied);
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).isInstanceOf(LineDenial.class);
    assertThat(found.get(0).detection().ruleId()).isEqualTo(DenialDetector.RULE_LINE_ZERO_PAID);
  }

  @Test
  void aZeroPaidSplitAloneIsStillAClaimDenial() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(2, remit("87726", "T1"), deniedPart("CCN2", List.of("MA15"))));
    assertThat(rule.findings(c, c.payments().get(0)))
        .singleElement()
        .isInstanceOf(ClaimDenial.class);
  }
}
