package dev.x12gw.domain.contract;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 835 loop 1000A payer × 837 loop 2010AA billing provider: a configured network status, from {@code
 * networks.csv} (a provider–payer pair, optionally dated) or from the {@code network} column of
 * {@code payers.csv} (every provider of the payer).
 *
 * @param payerId the payer as the 835 identifies it (REF*2U, N1*PR N104 or TRN03), trimmed
 * @param provider the billing providers the status is for; {@link ProviderScope#ANY} for every
 *     provider
 * @param network in or out of network
 * @param effectiveFrom first day of service the status applies to, or null (no start)
 * @param effectiveTo last day of service the status applies to, or null (no end)
 * @param source file and line, e.g. {@code networks.csv:4}
 */
public record NetworkRow(
    String payerId,
    ProviderScope provider,
    Network network,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    String source) {
  public NetworkRow {
    payerId = Text.requireText(payerId, "network payer id");
    provider = Objects.requireNonNullElse(provider, ProviderScope.ANY);
    Objects.requireNonNull(network, "network");
    if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
      throw new IllegalArgumentException(
          "network status ends before it starts: " + effectiveFrom + " to " + effectiveTo);
    }
    source = Text.requireText(source, "network status source");
  }

  /** The payer id normalised for matching ({@link RemittanceHeader#payerKey(String)}). */
  public String payerKey() {
    return RemittanceHeader.payerKey(payerId);
  }

  /** Whether the status applies on a date of service (inclusive; a null date is covered). */
  public boolean covers(LocalDate date) {
    return date == null
        || ((effectiveFrom == null || !date.isBefore(effectiveFrom))
            && (effectiveTo == null || !date.isAfter(effectiveTo)));
  }

  boolean overlaps(NetworkRow other) {
    return !(effectiveFrom != null
            && other.effectiveTo != null
            && effectiveFrom.isAfter(other.effectiveTo))
        && !(other.effectiveFrom != null
            && effectiveTo != null
            && other.effectiveFrom.isAfter(effectiveTo));
  }

  String period() {
    return (effectiveFrom == null ? "*" : effectiveFrom.toString())
        + ".."
        + (effectiveTo == null ? "*" : effectiveTo.toString());
  }
}
