package dev.x12gw.domain;

import static dev.x12gw.domain.Fixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderSummary;
import dev.x12gw.domain.remittance.SummaryFigure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {
  @Test
  void moneyKeepsPrecisionWithAtLeastTwoPlaces() {
    assertThat(Money.normalize(amount("5")).toPlainString()).isEqualTo("5.00");
    assertThat(Money.normalize(amount("5.125")).toPlainString()).isEqualTo("5.125");
    assertThat(Money.normalize(amount("-0.5")).toPlainString()).isEqualTo("-0.50");
  }

  @Test
  void adjustmentsValidateAndNormalize() {
    Adjustment a = new Adjustment(AdjustmentLevel.LINE, "co", "197", amount("10"), null);
    assertThat(a.group()).isEqualTo("CO");
    assertThat(a.amount().toPlainString()).isEqualTo("10.00");
    assertThatThrownBy(() -> new Adjustment(AdjustmentLevel.LINE, " ", "197", amount("1"), null))
        .hasMessageContaining("CAS01");
    assertThatThrownBy(() -> new Adjustment(AdjustmentLevel.LINE, "CO", "", amount("1"), null))
        .hasMessageContaining("reason");
  }

  private static ClaimPayment paymentWith(List<Adjustment> adjustments) {
    return Fixtures.payment("A", "1", "10", "0", adjustments);
  }

  @Test
  void summaryFiguresNameARealTs2OrTs3ElementAndKeepTheirPrecision() {
    assertThat(new SummaryFigure("TS216", amount("1.2345")).value().toPlainString())
        .isEqualTo("1.2345");
    assertThatThrownBy(() -> new SummaryFigure("TS325", amount("1"))).hasMessageContaining("TS325");
    assertThatThrownBy(() -> new SummaryFigure("TS200", amount("1"))).hasMessageContaining("TS200");
    List<SummaryFigure> figures = new ArrayList<>(List.of(new SummaryFigure("TS313", amount("5"))));
    ProviderSummary s = new ProviderSummary("1", "", "", null, null, null, figures);
    figures.clear();
    assertThat(s.figures()).hasSize(1);
    assertThat(s.withFigures(List.of(new SummaryFigure("TS201", amount("9")))).figures())
        .extracting(SummaryFigure::element)
        .containsExactly("TS313", "TS201");
  }

  @Test
  void claimPaymentCopiesItsListsAndChecksLevels() {
    List<Adjustment> adjustments = new ArrayList<>();
    adjustments.add(Fixtures.claimAdj("CO", "45", "10"));
    ClaimPayment p = paymentWith(adjustments);
    adjustments.clear();
    assertThat(p.adjustments()).hasSize(1);
    assertThatThrownBy(
            () ->
                paymentWith(
                    List.of(new Adjustment(AdjustmentLevel.LINE, "CO", "45", amount("1"), null))))
        .hasMessageContaining("CLAIM level");
  }

  @Test
  void patientResponsibilityFallsBackToPrAdjustments() {
    ClaimPayment p =
        Fixtures.payment(
            "A",
            "1",
            "100",
            "60",
            Fixtures.claimAdj("PR", "1", "30"),
            Fixtures.claimAdj("PR", "2", "10"));
    assertThat(p.effectivePatientResponsibility()).isEqualTo(amount("40.00"));
  }

  @Test
  void procedureNeedsAQualifierOrACode() {
    assertThat(new Procedure("HC", "", List.of()).toString()).isEmpty();
    assertThat(new Procedure("HC", "99213", List.of("25", "", "59")).toString())
        .isEqualTo("99213-25-59");
    assertThatThrownBy(() -> new Procedure("", "", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
