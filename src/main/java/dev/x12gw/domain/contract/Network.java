package dev.x12gw.domain.contract;

/** Whether the provider is in the payer's network (decides No Surprises Act eligibility). */
public enum Network {
  IN_NETWORK,
  OUT_OF_NETWORK
}
