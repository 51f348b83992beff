package dev.x12gw.domain.classification;

import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.Objects;

/**
 * 835 loop 1000A payer: what the gateway knows about a payer beyond the remittance — its appeal
 * window and the provider's network status with it.
 *
 * @param payerId the payer id as in N104 / 837 loop 2010BB NM109
 * @param name a readable name (for people; matching is by id)
 * @param appealWindowDays calendar days from the remittance's payment date to appeal, or null for
 *     the default
 * @param network the network status, or null when not configured
 * @param source file and line it was loaded from
 */
public record PayerTerms(
    String payerId, String name, Integer appealWindowDays, Network network, String source) {
  public PayerTerms {
    payerId = RemittanceHeader.payerKey(payerId);
    if (payerId.isEmpty()) {
      throw new IllegalArgumentException("empty payer id");
    }
    name = Objects.requireNonNullElse(name, "").strip();
    if (appealWindowDays != null && (appealWindowDays < 1 || appealWindowDays > 3650)) {
      throw new IllegalArgumentException(
          "appeal window must be 1 to 3650 days: " + appealWindowDays);
    }
    source = Objects.requireNonNullElse(source, "");
  }
}
