package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remitOn;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.remittance.ClaimPayment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverturnRuleTest {
  private final OverturnRule rule = new OverturnRule();
  private final DenialRule denials = new DenialRule();

  private static ClaimPayment denied(String ccn) {
    return paymentWithLines(
        "PCN1",
        "4",
        ccn,
        "250.00",
        "0",
        List.of(),
        svc("99213", "250.00", "0", "L1", lineAdj("CO", "197", "250.00")));
  }

  private static ClaimPayment paidAfterAppeal(String ccn, String paid) {
    return paymentWithLines(
        "PCN1",
        "1",
        ccn,
        "250.00",
        paid,
        List.of(),
        svc(
            "99213",
            "250.00",
            paid,
            "L1",
            lineAdj(
                "CO",
                "45",
                new java.math.BigDecimal("250.00")
                    .subtract(new java.math.BigDecimal(paid))
                    .toPlainString())));
  }

  private OverturnRule.Result walk(MatchedCase c) {
    return rule.apply(c, c.payments().stream().map(p -> denials.findings(c, p)).toList());
  }

  private static MatchedCase deniedThen(ClaimPayment later) {
    return matched(
        ReconciliationPolicy.none(),
        List.of(claim("PCN1", "87726")),
        paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), denied("CCN1")),
        paid(2, remitOn("T2", LocalDate.of(2026, 12, 1)), later));
  }

  @Test
  void aLaterPaymentOfADeniedClaimOverturnsTheDenial() {
    MatchedCase c = deniedThen(paidAfterAppeal("CCN2", "200.00"));
    OverturnRule.Result r = walk(c);
    assertThat(r.of(c.payments().get(0))).isEmpty();
    List<DenialOverturned> found = r.of(c.payments().get(1));
    assertThat(found).hasSize(1);
    DenialOverturned o = found.get(0);
    assertThat(o.detection().ruleId()).isEqualTo(OverturnRule.RULE_OVERTURNED);
    assertThat(o.recoveredAmount()).isEqualByComparingTo("200.00");
    assertThat(o.deniedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(o.recoveredOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(o.detection().rationale())
        .isEqualTo(
            "Claim denied on 2026-11-02 (CLAIM_ZERO_PAID_PAYER_ADJUSTED) was paid 200.00 on"
                + " 2026-12-01.");
    assertThat(r.open().isEmpty()).isTrue();
  }

  @Test
  void aLaterDenialOverturnsNothingAndBothStayOpen() {
    MatchedCase c = deniedThen(denied("CCN2"));
    OverturnRule.Result r = walk(c);
    assertThat(r.byPayment()).allSatisfy(l -> assertThat(l).isEmpty());
    assertThat(r.open().claims()).hasSize(2);
  }

  @Test
  void aPaymentDoesNotOverturnItsOwnLineDenial() {
    ClaimPayment partly =
        paymentWithLines(
            "PCN1",
            "1",
            "CCN1",
            "275.00",
            "200.00",
            List.of(),
            svc("99213", "250.00", "200.00", "L1", lineAdj("CO", "45", "50.00")),
            svc("36415", "25.00", "0", "L2", lineAdj("CO", "97", "25.00")));
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), partly));
    OverturnRule.Result r = walk(c);
    assertThat(r.of(c.payments().get(0))).isEmpty();
    assertThat(r.open().lines()).hasSize(1);
  }
}
