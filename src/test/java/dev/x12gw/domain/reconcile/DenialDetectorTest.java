package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claimAdj;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.remittance.ClaimPayment;
import org.junit.jupiter.api.Test;

class DenialDetectorTest {
  private final DenialDetector detector = new DenialDetector();

  @Test
  void zeroPaidWithPayerLiableAdjustmentIsAClaimDenial() {
    Detection d = detector.claimDenial(payment("A", "4", "250", "0", claimAdj("CO", "197", "250")));
    assertThat(d.ruleId()).isEqualTo(DenialDetector.RULE_ZERO_PAID);
    assertThat(d.rationale())
        .isEqualTo("Paid 0.00 of 250.00 billed; payer-liable adjustments CO-197 250.00.");
  }

  @Test
  void zeroPaidWithOnlyPatientResponsibilityIsNotADenial() {
    assertThat(detector.claimDenial(payment("A", "1", "95", "0", claimAdj("PR", "1", "95"))))
        .isNull();
  }

  @Test
  void deductibleWithContractualWriteDownIsNotADenial() {
    // crossover: patient deductible plus the fee-schedule reduction
    assertThat(
            detector.claimDenial(
                payment(
                    "A", "19", "150", "0", claimAdj("PR", "1", "110"), claimAdj("CO", "45", "40"))))
        .isNull();
  }

  @Test
  void secondaryPaidNothingBecauseThePrimaryPaidIsNotADenial() {
    assertThat(
            detector.claimDenial(
                payment(
                    "A", "2", "150", "0", claimAdj("OA", "23", "110"), claimAdj("CO", "45", "40"))))
        .isNull();
  }

  @Test
  void partlyPaidIsNotAClaimDenial() {
    assertThat(detector.claimDenial(payment("A", "1", "250", "100", claimAdj("CO", "45", "150"))))
        .isNull();
  }

  @Test
  void reversalsAndPredeterminationsAreNeverDenials() {
    assertThat(detector.claimDenial(payment("A", "22", "-250", "0", claimAdj("CO", "50", "-250"))))
        .isNull();
    assertThat(detector.claimDenial(payment("A", "25", "250", "0", claimAdj("CO", "50", "250"))))
        .isNull();
  }

  @Test
  void statusDeniedWithoutReasonIsStillADenialAndSaysSo() {
    Detection d = detector.claimDenial(payment("A", "4", "80", "0"));
    assertThat(d.ruleId()).isEqualTo(DenialDetector.RULE_STATUS_DENIED);
    assertThat(d.rationale()).contains("no adjustment reason");
  }

  @Test
  void lineDenialNeedsZeroPaidAndADenialReason() {
    ClaimPayment p = payment("A", "1", "225", "140");
    Detection d = detector.lineDenial(p, svc("36415", "25", "0", "L2", lineAdj("CO", "97", "25")));
    assertThat(d.ruleId()).isEqualTo(DenialDetector.RULE_LINE_ZERO_PAID);
    assertThat(d.rationale())
        .isEqualTo("Line 36415 paid 0.00 of 25.00 billed; payer-liable adjustments CO-97 25.00.");
    assertThat(detector.lineDenial(p, svc("36415", "25", "0", "L2", lineAdj("PR", "1", "25"))))
        .isNull();
    assertThat(detector.lineDenial(p, svc("36415", "25", "10", "L2", lineAdj("CO", "97", "15"))))
        .isNull();
  }
}
