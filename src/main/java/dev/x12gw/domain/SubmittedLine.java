package dev.x12gw.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 837 loop 2400 LX/SV1/SV2/SV3: one submitted service line.
 *
 * @param lineNumber LX01 assigned number
 * @param lineControlNumber REF*6R line item control number, or null
 * @param procedure SV1-01 / SV2-02 / SV3-01 procedure (for 837I a revenue-code-only line carries
 *     the revenue code with qualifier NU)
 * @param chargeAmount SV1-02 / SV2-03 / SV3-02 line charge
 * @param units SV1-04 / SV2-05 units, or null
 * @param serviceDate DTP*472 service date (first day of a range), or null
 */
public record SubmittedLine(
    int lineNumber,
    String lineControlNumber,
    Procedure procedure,
    BigDecimal chargeAmount,
    BigDecimal units,
    LocalDate serviceDate) {
  public SubmittedLine {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("LX01 line number must be positive: " + lineNumber);
    }
    lineControlNumber = Text.orNull(lineControlNumber);
    Objects.requireNonNull(procedure, "service line procedure");
    chargeAmount = Money.normalize(Objects.requireNonNull(chargeAmount, "line charge amount"));
  }
}
