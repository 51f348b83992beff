package dev.x12gw.domain.claim;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 837 loop 2430 SVD: how another payer adjudicated a service line.
 *
 * @param payerId SVD01 other payer identifier
 * @param paidAmount SVD02
 * @param procedure SVD03, or null
 * @param paidUnits SVD05, or null
 * @param bundledLineNumber SVD06, or ""
 * @param adjustments the line's CAS from that payer
 * @param amounts AMT by qualifier (EAF remaining patient liability)
 * @param adjudicationDate DTP*573, or null
 */
public record OtherPayerLine(
    String payerId,
    BigDecimal paidAmount,
    Procedure procedure,
    BigDecimal paidUnits,
    String bundledLineNumber,
    List<Adjustment> adjustments,
    Map<String, BigDecimal> amounts,
    LocalDate adjudicationDate) {
  public OtherPayerLine {
    payerId = Text.orEmpty(payerId);
    paidAmount = Money.normalize(java.util.Objects.requireNonNull(paidAmount, "SVD02 paid amount"));
    bundledLineNumber = Text.orEmpty(bundledLineNumber);
    adjustments = List.copyOf(adjustments);
    amounts = Map.copyOf(amounts);
  }
}
