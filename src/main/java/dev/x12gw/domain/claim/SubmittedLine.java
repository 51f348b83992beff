package dev.x12gw.domain.claim;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * @param serviceDateTo last day of the DTP*472 range, or the service date
 * @param revenueCode SV201 NUBC revenue code (837I), or ""
 * @param unitBasis SV103/SV204 unit or basis for measurement (UN, MJ, DA, ...), or ""
 * @param placeOfService SV105 (837P) or SV303 (837D), or ""
 * @param diagnosisPointers SV107 (837P) / SV311 (837D) pointers into the claim's HI codes
 * @param nonCoveredCharge SV207 (837I), or null
 * @param emergency SV109 emergency indicator, or ""
 * @param references line REF by qualifier (6R, G1, 9F, 9B, ...)
 * @param dates line DTP by qualifier (472 service, 471 prescription, 738/739 tests, ...)
 * @param entities line NM1 loops 2420 (82 rendering, DN referring, 77 facility, ...)
 * @param notes line NTE
 * @param otherPayers loop 2430 adjudications by other payers
 */
public record SubmittedLine(
    int lineNumber,
    String lineControlNumber,
    Procedure procedure,
    BigDecimal chargeAmount,
    BigDecimal units,
    LocalDate serviceDate,
    LocalDate serviceDateTo,
    String revenueCode,
    String unitBasis,
    String placeOfService,
    List<String> diagnosisPointers,
    BigDecimal nonCoveredCharge,
    String emergency,
    Map<String, String> references,
    Map<String, DateRange> dates,
    List<EntityName> entities,
    List<Note> notes,
    List<OtherPayerLine> otherPayers) {
  public SubmittedLine {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("LX01 line number must be positive: " + lineNumber);
    }
    lineControlNumber = Text.orNull(lineControlNumber);
    Objects.requireNonNull(procedure, "service line procedure");
    chargeAmount = Money.normalize(Objects.requireNonNull(chargeAmount, "line charge amount"));
    if (serviceDateTo == null) {
      serviceDateTo = serviceDate;
    }
    revenueCode = Text.orEmpty(revenueCode);
    unitBasis = Text.orEmpty(unitBasis);
    placeOfService = Text.orEmpty(placeOfService);
    diagnosisPointers = List.copyOf(diagnosisPointers);
    nonCoveredCharge = Money.normalize(nonCoveredCharge);
    emergency = Text.orEmpty(emergency);
    references = Map.copyOf(references);
    dates = Map.copyOf(dates);
    entities = List.copyOf(entities);
    notes = List.copyOf(notes);
    otherPayers = List.copyOf(otherPayers);
  }

  /** A line with only what matching needs (tests, stores that keep the essentials). */
  public static SubmittedLine basic(
      int lineNumber,
      String lineControlNumber,
      Procedure procedure,
      BigDecimal chargeAmount,
      BigDecimal units,
      LocalDate serviceDate) {
    return new SubmittedLine(
        lineNumber,
        lineControlNumber,
        procedure,
        chargeAmount,
        units,
        serviceDate,
        null,
        "",
        "",
        "",
        List.of(),
        null,
        "",
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
