package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remitOn;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.RecoupmentKind;
import dev.x12gw.domain.reconcile.CaseFile.CaseAdjustment;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoupmentRuleTest {
  private final RecoupmentRule rule = new RecoupmentRule();

  private static ClaimPayment clp(String status, String ccn, String paid) {
    BigDecimal billed = new BigDecimal(status.equals("22") ? "-250.00" : "250.00");
    BigDecimal p = new BigDecimal(paid);
    return paymentWithLines(
        "PCN1",
        status,
        ccn,
        billed.toPlainString(),
        paid,
        List.of(),
        svc(
            "99213",
            billed.toPlainString(),
            paid,
            "L1",
            lineAdj("CO", "45", billed.subtract(p).toPlainString())));
  }

  private static CasePayment on(long id, int day, ClaimPayment p) {
    return paid(id, remitOn("T" + id, LocalDate.of(2026, 11, day)), p);
  }

  private static MatchedCase reversedAndCorrected(String corrected) {
    return matched(
        ReconciliationPolicy.none(),
        List.of(claim("PCN1", "87726")),
        on(1, 2, clp("1", "CCN1", "200.00")),
        on(2, 9, clp("22", "CCN1", "-200.00")),
        on(3, 9, clp("1", "CCN2", corrected)));
  }

  @Test
  void aReversalTakesBackThePaymentNetOfTheCorrection() {
    MatchedCase c = reversedAndCorrected("150.00");
    List<Recoupment> found = rule.findings(c);
    assertThat(found).hasSize(1);
    Recoupment r = found.get(0);
    assertThat(r.kind()).isEqualTo(RecoupmentKind.REVERSAL);
    assertThat(r.amount()).isEqualByComparingTo("50.00");
    assertThat(r.reversedRemittance().traceNumber()).isEqualTo("T1");
    assertThat(r.correction().payerClaimControlNumber()).isEqualTo("CCN2");
    assertThat(r.detection().ruleId()).isEqualTo(RecoupmentRule.RULE_REVERSAL);
    assertThat(r.detection().rationale())
        .isEqualTo(
            "Reversal (CLP02 = 22) on 2026-11-09 took back 200.00 paid on 2026-11-02; the"
                + " correction on 2026-11-09 paid 150.00: net 50.00 recouped.");
  }

  @Test
  void aCorrectionThatPaysItAllBackLeavesNothingRecouped() {
    assertThat(rule.findings(reversedAndCorrected("200.00"))).isEmpty();
  }

  private static MatchedCase withPlb(String amount) {
    return matched(
        ReconciliationPolicy.none(),
        List.of(claim("PCN1", "87726")),
        List.of(on(1, 2, clp("1", "CCN1", "200.00"))),
        List.of(
            new CaseAdjustment(
                5,
                remitOn("T9", LocalDate.of(2026, 11, 30)),
                new ProviderAdjustment(
                    "1234567893",
                    LocalDate.of(2026, 12, 31),
                    "WO",
                    "CCN1",
                    new BigDecimal(amount)))));
  }

  @Test
  void aPlbAgainstAClaimOfTheCaseIsARecoupment() {
    List<Recoupment> found = rule.findings(withPlb("40.00"));
    assertThat(found).hasSize(1);
    Recoupment r = found.get(0);
    assertThat(r.kind()).isEqualTo(RecoupmentKind.PROVIDER_ADJUSTMENT);
    assertThat(r.amount()).isEqualByComparingTo("40.00");
    assertThat(r.payment().payerClaimControlNumber()).isEqualTo("CCN1");
    assertThat(r.detection().ruleId()).isEqualTo(RecoupmentRule.RULE_PLB);
    assertThat(r.detection().rationale())
        .isEqualTo(
            "PLB WO of 40.00 on 2026-11-30 references claim CCN1 (PLB03-2): money taken back at"
                + " provider level.");
  }

  @Test
  void aPlbThatAddsMoneyIsNoRecoupment() {
    assertThat(rule.findings(withPlb("-40.00"))).isEmpty();
  }
}
