package dev.x12gw.domain;

import java.util.List;
import java.util.Objects;

/**
 * 835 transaction-level data that only a whole transaction set gives: the provider summaries
 * (LX/TS3) and the provider-level adjustments (PLB) after the last claim.
 *
 * @param remittance the header of the transaction set
 * @param claimPayments CLP loops in the transaction set
 * @param summaries LX/TS3 provider summaries
 * @param adjustments every PLB adjustment pair
 */
public record RemittanceTrailer(
    RemittanceHeader remittance,
    int claimPayments,
    List<ProviderSummary> summaries,
    List<ProviderAdjustment> adjustments) {
  public RemittanceTrailer {
    Objects.requireNonNull(remittance, "remittance");
    summaries = List.copyOf(summaries);
    adjustments = List.copyOf(adjustments);
  }
}
