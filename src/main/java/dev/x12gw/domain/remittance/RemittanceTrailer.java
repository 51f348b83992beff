package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * 835 transaction-level data that only a whole transaction set gives: the provider summaries
 * (LX/TS3) and the provider-level adjustments (PLB) after the last claim.
 *
 * @param remittance the header of the transaction set
 * @param claimPayments CLP loops in the transaction set
 * @param claimPaidTotal ΣCLP04 of the transaction set (for balancing against BPR02)
 * @param summaries LX/TS3 provider summaries
 * @param adjustments every PLB adjustment pair
 */
public record RemittanceTrailer(
    RemittanceHeader remittance,
    int claimPayments,
    BigDecimal claimPaidTotal,
    List<ProviderSummary> summaries,
    List<ProviderAdjustment> adjustments) {
  public RemittanceTrailer {
    Objects.requireNonNull(remittance, "remittance");
    claimPaidTotal = Money.normalize(Objects.requireNonNull(claimPaidTotal, "ΣCLP04"));
    summaries = List.copyOf(summaries);
    adjustments = List.copyOf(adjustments);
  }
}
