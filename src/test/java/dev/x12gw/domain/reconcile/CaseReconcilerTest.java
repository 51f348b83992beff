package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claimWith;
import static dev.x12gw.domain.Fixtures.line;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remitOn;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.Fixtures;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.remittance.ClaimPayment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The orchestrator: every rule over one matched case, findings in record order. */
class CaseReconcilerTest {
  @Test
  void findingsComePaymentByPaymentThenRecoupmentsWhateverTheArrivalOrder() {
    SubmittedClaim claim =
        claimWith("PCN1", "1", null, LocalDate.of(2026, 10, 20), line(1, "L1", "99213", "250.00"));
    // denied, then paid below the 110.00 contract and unbalanced, then reversed
    ClaimPayment denied =
        paymentWithLines(
            "PCN1",
            "4",
            "CCN1",
            "250.00",
            "0",
            List.of(),
            svc("99213", "250.00", "0", "L1", lineAdj("CO", "197", "250.00")));
    ClaimPayment low =
        paymentWithLines(
            "PCN1",
            "1",
            "CCN2",
            "250.00",
            "90.00",
            List.of(),
            svc("99213", "250.00", "90.00", "L1", lineAdj("CO", "45", "150.00")));
    ClaimPayment reversal =
        paymentWithLines(
            "PCN1",
            "22",
            "CCN2",
            "-250.00",
            "-90.00",
            List.of(),
            svc("99213", "-250.00", "-90.00", "L1", lineAdj("CO", "45", "-160.00")));
    CaseFile file =
        new CaseFile(
            1,
            List.of(new CaseClaim(1, claim)),
            List.of(
                new CasePayment(3, remitOn("T3", LocalDate.of(2026, 12, 10)), reversal),
                new CasePayment(2, remitOn("T2", LocalDate.of(2026, 12, 1)), low),
                new CasePayment(1, remitOn("T1", LocalDate.of(2026, 11, 2)), denied)),
            List.of());
    CaseOutcome outcome =
        new CaseReconciler(
                new ReconciliationPolicy(
                    Fixtures.contract("99213", "110.00"), Tolerance.none(), NsaPolicy.disabled()))
            .reconcile(file);
    assertThat(outcome.findings())
        .extracting(f -> f.detection().ruleId())
        .containsExactly(
            DenialDetector.RULE_ZERO_PAID,
            OverturnRule.RULE_OVERTURNED,
            BalanceRule.RULE_UNBALANCED,
            BalanceRule.RULE_UNBALANCED,
            RecoupmentRule.RULE_REVERSAL);
    assertThat(outcome.lifecycle().status()).isEqualTo(CaseStatus.REVERSED);
    assertThat(outcome.lifecycle().events())
        .extracting(LifecycleEvent::event)
        .containsExactly("SUBMITTED", "DENIED", "RECOVERED", "PAID", "REVERSED", "RECOUPED");
  }
}
