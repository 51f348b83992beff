package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One payer × denial family cell of the control room's heat map: the payer's denials of that family
 * decided in the period, and their share of the payer's claims first adjudicated in the period.
 *
 * @param payerId payer id
 * @param family denial family
 * @param denials denials (claim and line) of the family
 * @param amount their amount at stake
 * @param adjudicated the payer's claims first adjudicated in the period (the rate's denominator)
 */
public record HeatCell(
    String payerId, String family, long denials, BigDecimal amount, long adjudicated) {
  public HeatCell {
    payerId = Text.requireText(payerId, "payer");
    family = Text.requireText(family, "family");
    Objects.requireNonNull(amount, "amount");
    if (denials < 0 || adjudicated < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Denials per claim adjudicated (four places), or null when the payer adjudicated none. */
  public BigDecimal rate() {
    return adjudicated == 0
        ? null
        : BigDecimal.valueOf(denials)
            .divide(BigDecimal.valueOf(adjudicated), 4, RoundingMode.HALF_UP);
  }
}
