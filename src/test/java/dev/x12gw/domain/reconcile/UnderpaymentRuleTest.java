package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.contract;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.remitOn;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnderpaymentKind;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnderpaymentRuleTest {
  private final UnderpaymentRule rule = new UnderpaymentRule();

  private static ReconciliationPolicy contractOf(String code, String allowed) {
    return new ReconciliationPolicy(
        contract(code, allowed), Tolerance.none(), NsaPolicy.disabled());
  }

  /** 99213 billed 250.00, paid {@code paid} with 20.00 coinsurance, the rest written off. */
  private static ClaimPayment officeVisit(String status, String paid, ServicePayment line) {
    return paymentWithLines("PCN1", status, "CCN1", "250.00", paid, List.of(), line);
  }

  private static ServicePayment line(String paid) {
    BigDecimal writeOff = new BigDecimal("230.00").subtract(new BigDecimal(paid));
    return svc(
        "99213",
        "250.00",
        paid,
        "L1",
        lineAdj("CO", "45", writeOff.toPlainString()),
        lineAdj("PR", "2", "20.00"));
  }

  @Test
  void paidPlusPatientShareBelowContractIsAnUnderpayment() {
    MatchedCase c =
        matched(
            contractOf("99213", "110.00"),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), officeVisit("1", "70.00", line("70.00"))));
    List<Underpayment> found = rule.findings(c, c.payments().get(0));
    assertThat(found).hasSize(1);
    Underpayment u = found.get(0);
    assertThat(u.kind()).isEqualTo(UnderpaymentKind.BELOW_CONTRACT);
    assertThat(u.expectedAmount()).isEqualByComparingTo("110.00");
    assertThat(u.actualAmount()).isEqualByComparingTo("90.00");
    assertThat(u.detection().ruleId()).isEqualTo(UnderpaymentRule.RULE_BELOW_CONTRACT);
    assertThat(u.detection().rationale())
        .isEqualTo(
            "Line 99213 allowed 90.00 (paid + patient responsibility) against 110.00 contracted"
                + " (110.00 × 1, contract.csv:2).");
  }

  @Test
  void paidAtContractIsNoUnderpayment() {
    MatchedCase c =
        matched(
            contractOf("99213", "110.00"),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), officeVisit("1", "90.00", line("90.00"))));
    assertThat(rule.findings(c, c.payments().get(0))).isEmpty();
  }

  @Test
  void aLinePaidAsAnotherCodeIsHeldToTheContractOfTheCodeSubmitted() {
    ServicePayment downcoded =
        svc(
            new Procedure("HC", "99212", List.of()),
            new Procedure("HC", "99213", List.of()),
            "250.00",
            "60.00",
            "L1",
            lineAdj("CO", "45", "190.00"));
    MatchedCase c =
        matched(
            contractOf("99213", "110.00"),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), officeVisit("1", "60.00", downcoded)));
    List<Underpayment> found = rule.findings(c, c.payments().get(0));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).kind()).isEqualTo(UnderpaymentKind.DOWNCODED);
    assertThat(found.get(0).detection().ruleId()).isEqualTo(UnderpaymentRule.RULE_DOWNCODED);
    assertThat(found.get(0).detection().rationale()).startsWith("Submitted 99213, paid as 99212");
  }

  @Test
  void aPaymentTakenBackByAReversalIsNotMeasured() {
    MatchedCase c =
        matched(
            contractOf("99213", "110.00"),
            List.of(claim("PCN1", "87726")),
            paid(
                1,
                remitOn("T1", LocalDate.of(2026, 11, 2)),
                officeVisit("1", "70.00", line("70.00"))),
            paid(
                2,
                remitOn("T2", LocalDate.of(2026, 11, 9)),
                paymentWithLines(
                    "PCN1",
                    "22",
                    "CCN1",
                    "-250.00",
                    "-70.00",
                    List.of(),
                    svc("99213", "-250.00", "-70.00", "L1", lineAdj("CO", "45", "-180.00")))));
    assertThat(c.payments().get(0).reversed()).isTrue();
    assertThat(rule.findings(c, c.payments().get(0))).isEmpty();
    assertThat(rule.findings(c, c.payments().get(1))).isEmpty();
  }

  @Test
  void withoutContractsNothingIsMeasured() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(1, remit("87726", "T1"), officeVisit("1", "70.00", line("70.00"))));
    assertThat(rule.findings(c, c.payments().get(0))).isEmpty();
  }
}
