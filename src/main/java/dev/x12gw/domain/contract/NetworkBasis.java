package dev.x12gw.domain.contract;

/** 835 loop 1000A payer × 837 loop 2010AA billing provider: what decided the network status. */
public enum NetworkBasis {
  /**
   * The provider has a contract row with the payer in effect on the date of service: in network.
   */
  CONTRACT_ROW,
  /** The network table ({@code networks.csv}) or the payer table ({@code payers.csv}) says so. */
  CONFIGURED,
  /** No configured status and no contract row for the provider with the payer: out of network. */
  NO_CONTRACT,
  /**
   * The configuration says in network, but the payer processed the claim under the No Surprises Act
   * (an NSA remark code on the 835): the payer's remark decides, out of network.
   */
  PAYER_REMARK
}
