package dev.x12gw.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 835 loop 2000 LX/TS3: the provider summary of a group of claims (institutional payers).
 *
 * @param headerNumber LX01
 * @param providerId TS301, or ""
 * @param facilityCode TS302, or ""
 * @param fiscalPeriodEnd TS303, or null
 * @param claimCount TS304, or null
 * @param totalCharge TS305, or null
 */
public record ProviderSummary(
    String headerNumber,
    String providerId,
    String facilityCode,
    LocalDate fiscalPeriodEnd,
    BigDecimal claimCount,
    BigDecimal totalCharge) {
  public ProviderSummary {
    headerNumber = Text.orEmpty(headerNumber);
    providerId = Text.orEmpty(providerId);
    facilityCode = Text.orEmpty(facilityCode);
    totalCharge = Money.normalize(totalCharge);
  }
}
