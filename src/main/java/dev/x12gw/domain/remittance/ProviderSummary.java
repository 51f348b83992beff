package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 835 loop 2000 LX/TS3/TS2: the provider summary of a group of claims (institutional payers).
 *
 * @param headerNumber LX01
 * @param providerId TS301, or ""
 * @param facilityCode TS302, or ""
 * @param fiscalPeriodEnd TS303, or null
 * @param claimCount TS304, or null
 * @param totalCharge TS305, or null
 * @param figures every other TS3 figure (TS306–TS324) and the TS2 supplemental figures
 *     (TS201–TS219) that were sent, in segment order
 */
public record ProviderSummary(
    String headerNumber,
    String providerId,
    String facilityCode,
    LocalDate fiscalPeriodEnd,
    BigDecimal claimCount,
    BigDecimal totalCharge,
    List<SummaryFigure> figures) {
  public ProviderSummary {
    headerNumber = Text.orEmpty(headerNumber);
    providerId = Text.orEmpty(providerId);
    facilityCode = Text.orEmpty(facilityCode);
    totalCharge = Money.normalize(totalCharge);
    figures = List.copyOf(figures);
  }

  /** This summary with more figures (a TS2 after its TS3). */
  public ProviderSummary withFigures(List<SummaryFigure> more) {
    List<SummaryFigure> all = new ArrayList<>(figures);
    all.addAll(more);
    return new ProviderSummary(
        headerNumber, providerId, facilityCode, fiscalPeriodEnd, claimCount, totalCharge, all);
  }
}
