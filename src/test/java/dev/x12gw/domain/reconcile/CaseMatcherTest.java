package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claimWith;
import static dev.x12gw.domain.Fixtures.line;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remitOn;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.MatchMethod;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseMatcherTest {
  private static ClaimPayment clp(String status, String ccn, String billed, String paid) {
    return paymentWithLines(
        "PCN1",
        status,
        ccn,
        billed,
        paid,
        List.of(),
        svc(
            "99213",
            billed,
            paid,
            "L1",
            lineAdj(
                "CO",
                "45",
                new java.math.BigDecimal(billed)
                    .subtract(new java.math.BigDecimal(paid))
                    .toPlainString())));
  }

  @Test
  void paymentsAreInAdjudicationOrderEachWithTheClaimVersionItAnswers() {
    SubmittedClaim original =
        claimWith("PCN1", "1", null, LocalDate.of(2026, 10, 20), line(1, "L1", "99213", "250.00"));
    SubmittedClaim replacement =
        claimWith("PCN1", "7", "CCN1", LocalDate.of(2026, 11, 5), line(1, "L1", "99213", "250.00"));
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(replacement, original),
            paid(
                7, remitOn("T2", LocalDate.of(2026, 11, 20)), clp("1", "CCN2", "250.00", "200.00")),
            paid(8, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("4", "CCN1", "250.00", "0")));
    assertThat(c.claims()).extracting(cc -> cc.claim()).containsExactly(original, replacement);
    assertThat(c.payments())
        .extracting(p -> p.remittance().traceNumber())
        .containsExactly("T1", "T2");
    assertThat(c.payments().get(0).claim()).isSameAs(original);
    assertThat(c.payments().get(1).claim()).isSameAs(replacement);
    assertThat(c.payments().get(1).lines().get(0).method())
        .isEqualTo(MatchMethod.LINE_CONTROL_NUMBER);
    assertThat(c.latestClaim()).isSameAs(replacement);
  }

  @Test
  void aReversalPairsWithThePaymentItTakesBackAndTheCorrectionThatFollows() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("1", "CCN1", "250.00", "200.00")),
            paid(
                2,
                remitOn("T2", LocalDate.of(2026, 11, 9)),
                clp("22", "CCN1", "-250.00", "-200.00")),
            paid(
                3, remitOn("T3", LocalDate.of(2026, 11, 9)), clp("1", "CCN2", "250.00", "150.00")));
    MatchedPayment paid = c.payments().get(0);
    MatchedPayment reversal = c.payments().get(1);
    MatchedPayment correction = c.payments().get(2);
    assertThat(paid.reversed()).isTrue();
    assertThat(c.originalOf(reversal)).isSameAs(paid);
    assertThat(c.correctionOf(reversal)).isSameAs(correction);
    assertThat(correction.reversed()).isFalse();
    assertThat(c.originalOf(paid)).isNull();
  }

  @Test
  void aReversalOfAnotherClaimNumberPairsWithNothing() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("1", "CCN1", "250.00", "200.00")),
            paid(
                2,
                remitOn("T2", LocalDate.of(2026, 11, 9)),
                clp("22", "CCN9", "-250.00", "-200.00")));
    assertThat(c.payments().get(0).reversed()).isFalse();
    assertThat(c.originalOf(c.payments().get(1))).isNull();
  }
}
