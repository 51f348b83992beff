package dev.x12gw.domain;

import java.util.List;
import java.util.Objects;

/**
 * 835 loop 2100 CLP with its 837 claim: whether a claim falls under the No Surprises Act federal
 * IDR process, and on what grounds.
 *
 * @param eligible true when the claim qualifies for open negotiation and federal IDR
 * @param network the provider's network status with the payer
 * @param networkConfigured true when the status comes from the payer table, false when it was
 *     inferred (no contract with the payer = out of network)
 * @param basis the facts that made it eligible (or, when not eligible, what excluded it), e.g.
 *     {@code RARC N864}, {@code EMERGENCY_PLACE_OF_SERVICE 23}, {@code AIR_AMBULANCE A0431}
 */
public record NsaAssessment(
    boolean eligible, Network network, boolean networkConfigured, List<String> basis) {
  public NsaAssessment {
    Objects.requireNonNull(network, "network");
    basis = List.copyOf(basis);
  }

  /** Not eligible, nothing to say. */
  public static NsaAssessment notEligible(Network network, boolean configured, List<String> why) {
    return new NsaAssessment(false, network, configured, why);
  }
}
