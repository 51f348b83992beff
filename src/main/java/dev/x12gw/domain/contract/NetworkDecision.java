package dev.x12gw.domain.contract;

import dev.x12gw.domain.Text;
import java.util.Objects;

/**
 * 835 loop 1000A payer × 837 loop 2010AA billing provider (× date of service): whether the provider
 * is in the payer's network, and what decided it.
 *
 * @param network in or out of network
 * @param basis what decided it
 * @param source the row that decided it ({@code networks.csv:4}, {@code payers.csv:6}, the contract
 *     row {@code contract.csv:2}) or, for {@link NetworkBasis#PAYER_REMARK}, the remark codes
 *     ({@code RARC N864 N877}); null for {@link NetworkBasis#NO_CONTRACT}
 * @param overridden for {@link NetworkBasis#PAYER_REMARK}, what the configuration said (in network)
 *     before the payer's remark decided; else null
 */
public record NetworkDecision(
    Network network, NetworkBasis basis, String source, NetworkDecision overridden) {
  public NetworkDecision {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(basis, "network basis");
    source = Text.orNull(source);
    if ((basis == NetworkBasis.NO_CONTRACT) != (source == null)) {
      throw new IllegalArgumentException(
          "a network decision names its source, except NO_CONTRACT: " + basis + " " + source);
    }
    if ((basis == NetworkBasis.PAYER_REMARK) != (overridden != null)) {
      throw new IllegalArgumentException(
          "only a PAYER_REMARK decision names the configuration it overrode");
    }
    if (basis == NetworkBasis.CONTRACT_ROW && network != Network.IN_NETWORK
        || basis == NetworkBasis.NO_CONTRACT && network != Network.OUT_OF_NETWORK
        || basis == NetworkBasis.PAYER_REMARK && network != Network.OUT_OF_NETWORK) {
      throw new IllegalArgumentException(basis + " cannot decide " + network);
    }
  }

  /** The provider has no contract row and no configured status with the payer: out of network. */
  public static NetworkDecision noContract() {
    return new NetworkDecision(Network.OUT_OF_NETWORK, NetworkBasis.NO_CONTRACT, null, null);
  }

  /** The payer's No Surprises Act remarks overrule the configuration's in-network decision. */
  public static NetworkDecision payerRemark(String remarks, NetworkDecision configured) {
    return new NetworkDecision(
        Network.OUT_OF_NETWORK, NetworkBasis.PAYER_REMARK, remarks, configured);
  }

  /**
   * In words, for rationales: {@code IN_NETWORK (contract row contract.csv:2)}, {@code
   * OUT_OF_NETWORK (payer table payers.csv:6)}, {@code OUT_OF_NETWORK (no contract row for the
   * billing provider with this payer)}, ...
   */
  public String describe() {
    return network
        + switch (basis) {
          case CONTRACT_ROW -> " (contract row " + source + ")";
          case CONFIGURED -> " (configured, " + source + ")";
          case NO_CONTRACT -> " (no contract row for the billing provider with this payer)";
          case PAYER_REMARK -> " (payer remark " + source + ")";
        };
  }
}
