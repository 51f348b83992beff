package dev.x12gw.domain.remittance;

import static dev.x12gw.domain.Fixtures.amount;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remitOn;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three balancing equations of 005010X221A1 (reference/x12-facts.md). */
class BalancingTest {
  @Test
  void aBalancedClaimPassesAtLineAndClaimLevel() {
    // line: 150 − (CO-45 40 + PR-2 22) = 88; claim: 150 − 62 = 88
    ClaimPayment p =
        paymentWithLines(
            "A",
            "1",
            "C1",
            "150",
            "88",
            List.of(),
            svc("99213", "150", "88", "L1", lineAdj("CO", "45", "40"), lineAdj("PR", "2", "22")));
    assertThat(Balancing.check(p)).isEmpty();
  }

  @Test
  void reversalsBalanceWithEveryAmountNegated() {
    ClaimPayment p =
        paymentWithLines(
            "A",
            "22",
            "C1",
            "-200",
            "-160",
            List.of(),
            svc("99214", "-200", "-160", "L1", lineAdj("CO", "45", "-40")));
    assertThat(Balancing.check(p)).isEmpty();
  }

  @Test
  void lineAndClaimDifferencesAreReportedWithTheirFigures() {
    ClaimPayment p =
        paymentWithLines(
            "A",
            "1",
            "C1",
            "150",
            "100",
            List.of(),
            svc("99213", "150", "100", "L1", lineAdj("CO", "45", "40")));
    List<BalanceCheck> failed = Balancing.check(p);
    assertThat(failed)
        .extracting(BalanceCheck::level)
        .containsExactly(BalanceLevel.LINE, BalanceLevel.CLAIM);
    assertThat(failed.get(0).lineOrdinal()).isEqualTo(1);
    assertThat(failed.get(0).variance()).isEqualByComparingTo("10.00");
    assertThat(failed.get(0).equation())
        .isEqualTo("SVC02 150.00 − line adjustments 40.00 = 110.00, but SVC03 is 100.00");
    assertThat(failed.get(1).equation())
        .isEqualTo("CLP03 150.00 − claim and line adjustments 40.00 = 110.00, but CLP04 is 100.00");
  }

  @Test
  void transactionBalancesWithPlbReducingAndInterestAddingToThePayment() {
    // ΣCLP04 270 − (WO 35 + L6 −2.10) = 237.10 = BPR02
    RemittanceHeader r = withAmount(remitOn("T", LocalDate.of(2026, 11, 5)), "237.10");
    RemittanceTrailer t =
        new RemittanceTrailer(
            r,
            2,
            amount("270"),
            List.of(),
            List.of(
                new ProviderAdjustment("1234567893", null, "WO", "ACME1", amount("35")),
                new ProviderAdjustment("1234567893", null, "L6", "", amount("-2.10"))));
    assertThat(Balancing.checkTransaction(t)).isNull();
    RemittanceTrailer off =
        new RemittanceTrailer(
            withAmount(r, "232.10"), 2, amount("270"), List.of(), t.adjustments());
    assertThat(Balancing.checkTransaction(off).variance()).isEqualByComparingTo("5.00");
  }

  private static RemittanceHeader withAmount(RemittanceHeader r, String amount) {
    return new RemittanceHeader(
        r.traceNumber(),
        r.paymentDate(),
        amount(amount),
        r.payer(),
        r.payerKeys(),
        r.payee(),
        r.source(),
        r.handlingCode(),
        r.creditDebit(),
        r.paymentMethod(),
        r.productionDate(),
        r.payerReferences(),
        r.payeeIdQualifier(),
        r.payeeId(),
        r.payeeReferences());
  }
}
