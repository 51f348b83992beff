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
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.remittance.ClaimPayment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleRuleTest {
  private static final SubmittedClaim CLAIM =
      claimWith("PCN1", "1", null, LocalDate.of(2026, 10, 20), line(1, "L1", "99213", "250.00"));

  /** The lifecycle as the reconciler derives it, from the findings of the other rules. */
  private static ClaimLifecycle lifecycle(MatchedCase c) {
    List<List<Finding>> denials =
        c.payments().stream().map(p -> new DenialRule().findings(c, p)).toList();
    OverturnRule.Result overturns = new OverturnRule().apply(c, denials);
    List<PaymentFindings> payments = new ArrayList<>();
    for (MatchedPayment p : c.payments()) {
      payments.add(
          new PaymentFindings(
              p,
              overturns.of(p),
              denials.get(p.index()),
              new UnderpaymentRule().findings(c, p),
              List.of(),
              List.of()));
    }
    return new LifecycleRule()
        .derive(c, payments, overturns.open(), new RecoupmentRule().findings(c));
  }

  private static ClaimPayment clp(String status, String paid, String adjustment, String reason) {
    return paymentWithLines(
        "PCN1",
        status,
        "CCN1",
        "250.00",
        paid,
        List.of(),
        svc("99213", "250.00", paid, "L1", lineAdj("CO", reason, adjustment)));
  }

  @Test
  void aClaimPaidInFullIsAdjudicated() {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(CLAIM),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("1", "200.00", "50.00", "45")));
    ClaimLifecycle l = lifecycle(c);
    assertThat(l.status()).isEqualTo(CaseStatus.ADJUDICATED);
    assertThat(l.billedAmount()).isEqualByComparingTo("250.00");
    assertThat(l.paidAmount()).isEqualByComparingTo("200.00");
    assertThat(l.openDeniedAmount()).isEqualByComparingTo("0");
    assertThat(l.events()).extracting(LifecycleEvent::event).containsExactly("SUBMITTED", "PAID");
  }

  @Test
  void aDeniedClaimIsDeniedUntilALaterPaymentRecoversIt() {
    MatchedCase denied =
        matched(
            ReconciliationPolicy.none(),
            List.of(CLAIM),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("4", "0", "250.00", "197")));
    ClaimLifecycle d = lifecycle(denied);
    assertThat(d.status()).isEqualTo(CaseStatus.DENIED);
    assertThat(d.openDeniedAmount()).isEqualByComparingTo("250.00");
    assertThat(d.firstDeniedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(d.events()).extracting(LifecycleEvent::event).containsExactly("SUBMITTED", "DENIED");

    MatchedCase recovered =
        matched(
            ReconciliationPolicy.none(),
            List.of(CLAIM),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("4", "0", "250.00", "197")),
            paid(2, remitOn("T2", LocalDate.of(2026, 12, 1)), clp("1", "200.00", "50.00", "45")));
    ClaimLifecycle r = lifecycle(recovered);
    assertThat(r.status()).isEqualTo(CaseStatus.RECOVERED);
    assertThat(r.recoveredAmount()).isEqualByComparingTo("200.00");
    assertThat(r.recoveredOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(r.openDeniedAmount()).isEqualByComparingTo("0");
    assertThat(r.events())
        .extracting(LifecycleEvent::event)
        .containsExactly("SUBMITTED", "DENIED", "RECOVERED", "PAID");
  }

  @Test
  void aCaseWithoutPaymentsIsSubmittedAndOneWithoutClaimUnmatched() {
    assertThat(lifecycle(matched(ReconciliationPolicy.none(), List.of(CLAIM))).status())
        .isEqualTo(CaseStatus.SUBMITTED);
    MatchedCase unmatched =
        matched(
            ReconciliationPolicy.none(),
            List.of(),
            paid(1, remitOn("T1", LocalDate.of(2026, 11, 2)), clp("1", "200.00", "50.00", "45")));
    assertThat(lifecycle(unmatched).status()).isEqualTo(CaseStatus.UNMATCHED);
  }
}
