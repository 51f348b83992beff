package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.Procedure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 835 loop 2110 SVC: service line payment.
 *
 * @param procedure SVC01 adjudicated procedure
 * @param chargeAmount SVC02 line charge
 * @param paidAmount SVC03 line payment
 * @param revenueCode SVC04 NUBC revenue code, or null
 * @param unitsPaid SVC05, or null
 * @param submittedProcedure SVC06 procedure as submitted when the payer changed it, or null
 * @param submittedUnits SVC07 original units, or null
 * @param serviceDate DTM*472 or DTM*150 service date, or null
 * @param lineControlNumber REF*6R line item control number, or null
 * @param allowedAmount AMT*B6 allowed, or null
 * @param adjustments line-level CAS
 * @param remarkCodes LQ*HE remark codes
 * @param serviceDateTo DTM*151 last day of service, or the service date
 * @param references REF by qualifier (LU location, 1S APG, G1 prior authorization, BB, E9, APC, RB,
 *     0K, 6R)
 * @param amounts AMT by qualifier (B6 allowed, KH late filing reduction, T tax, T2, ZK-ZO)
 * @param quantities QTY by qualifier
 * @param rxRejectCodes LQ*RX NCPDP reject codes
 */
public record ServicePayment(
    Procedure procedure,
    BigDecimal chargeAmount,
    BigDecimal paidAmount,
    String revenueCode,
    BigDecimal unitsPaid,
    Procedure submittedProcedure,
    BigDecimal submittedUnits,
    LocalDate serviceDate,
    String lineControlNumber,
    BigDecimal allowedAmount,
    List<Adjustment> adjustments,
    List<String> remarkCodes,
    LocalDate serviceDateTo,
    Map<String, String> references,
    Map<String, BigDecimal> amounts,
    Map<String, BigDecimal> quantities,
    List<String> rxRejectCodes) {
  public ServicePayment {
    Objects.requireNonNull(procedure, "SVC01 procedure");
    chargeAmount = Money.normalize(Objects.requireNonNull(chargeAmount, "SVC02 charge"));
    paidAmount = Money.normalize(Objects.requireNonNull(paidAmount, "SVC03 payment"));
    revenueCode = Text.orNull(revenueCode);
    lineControlNumber = Text.orNull(lineControlNumber);
    allowedAmount = Money.normalize(allowedAmount);
    adjustments = List.copyOf(adjustments);
    if (adjustments.stream().anyMatch(a -> a.level() != AdjustmentLevel.LINE)) {
      throw new IllegalArgumentException("service line adjustments must be LINE level");
    }
    remarkCodes = List.copyOf(remarkCodes);
    if (serviceDateTo == null) {
      serviceDateTo = serviceDate;
    }
    references = Map.copyOf(references);
    amounts = Map.copyOf(amounts);
    quantities = Map.copyOf(quantities);
    rxRejectCodes = List.copyOf(rxRejectCodes);
  }

  /** Units the service was billed for as the 835 echoes them: SVC07, else SVC05, else one. */
  public BigDecimal billedUnits() {
    if (submittedUnits != null) {
      return submittedUnits;
    }
    return unitsPaid != null ? unitsPaid : BigDecimal.ONE;
  }
}
