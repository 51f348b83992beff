package dev.x12gw.domain;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.claimAdj;
import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.remit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DenialDetectorTest {
  private final DenialDetector detector = new DenialDetector();
  private final RemittanceHeader remit = remit("87726", "EFT1");

  private List<RecordType> types(ClaimPayment p, SubmittedClaim claim) {
    return detector.detect(remit, p, claim).stream().map(Finding::type).toList();
  }

  @Test
  void zeroPaidWithPayerLiableAdjustmentIsAClaimDenial() {
    ClaimPayment p = payment("A", "4", "250", "0", claimAdj("CO", "197", "250"));
    List<Finding> f = detector.detect(remit, p, claim("A", "87726"));
    assertThat(f).hasSize(1);
    ClaimDenial d = (ClaimDenial) f.get(0);
    assertThat(d.detection().ruleId()).isEqualTo(DenialDetector.RULE_ZERO_PAID);
    assertThat(d.detection().rationale())
        .isEqualTo("Paid 0.00 of 250.00 billed; payer-liable adjustments CO-197 250.00.");
    assertThat(d.claim().patientControlNumber()).isEqualTo("A");
  }

  @Test
  void zeroPaidWithOnlyPatientResponsibilityIsNotADenial() {
    ClaimPayment p = payment("A", "1", "95", "0", claimAdj("PR", "1", "95"));
    assertThat(types(p, claim("A", "87726"))).isEmpty();
  }

  @Test
  void partlyPaidIsNotAClaimDenial() {
    ClaimPayment p = payment("A", "1", "250", "100", claimAdj("CO", "45", "150"));
    assertThat(types(p, claim("A", "87726"))).isEmpty();
  }

  @Test
  void reversalsAndPredeterminationsAreNeverDenials() {
    assertThat(
            types(payment("A", "22", "-250", "0", claimAdj("CO", "45", "-250")), claim("A", "X")))
        .isEmpty();
    assertThat(types(payment("A", "25", "250", "0", claimAdj("CO", "45", "250")), claim("A", "X")))
        .isEmpty();
  }

  @Test
  void statusDeniedWithoutReasonIsStillADenialAndSaysSo() {
    List<Finding> f = detector.detect(remit, payment("A", "4", "80", "0"), claim("A", "87726"));
    assertThat(f).extracting(Finding::type).containsExactly(RecordType.CLAIM_DENIAL);
    assertThat(f.get(0).detection().ruleId()).isEqualTo(DenialDetector.RULE_STATUS_DENIED);
    assertThat(f.get(0).detection().rationale()).contains("no adjustment reason");
  }

  @Test
  void unmatchedPaymentIsReportedAndStillClassified() {
    ClaimPayment p = payment("A", "4", "250", "0", claimAdj("CO", "29", "250"));
    assertThat(types(p, null)).containsExactly(RecordType.CLAIM_DENIAL, RecordType.UNMATCHED_REMIT);
    ClaimPayment paid = payment("B", "1", "250", "250");
    assertThat(types(paid, null)).containsExactly(RecordType.UNMATCHED_REMIT);
  }

  @Test
  void recordIdsAreStableAndDistinct() {
    ClaimPayment p = payment("A", "4", "250", "0", claimAdj("CO", "29", "250"));
    List<Finding> first = detector.detect(remit, p, null);
    List<Finding> again = detector.detect(remit, p, claim("A", "87726"));
    assertThat(again.get(0).recordId()).isEqualTo(first.get(0).recordId());
    assertThat(first.get(0).recordId()).isNotEqualTo(first.get(1).recordId());
    List<Finding> otherTrace = detector.detect(remit("87726", "EFT2"), p, null);
    assertThat(otherTrace.get(0).recordId()).isNotEqualTo(first.get(0).recordId());
    assertThat(first.get(0).recordId())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }
}
