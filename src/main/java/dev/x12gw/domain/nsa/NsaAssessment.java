package dev.x12gw.domain.nsa;

import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.contract.NetworkBasis;
import dev.x12gw.domain.contract.NetworkDecision;
import java.util.List;
import java.util.Objects;

/**
 * 835 loop 2100 CLP with its 837 claim: whether a claim falls under the No Surprises Act federal
 * IDR process, and on what grounds.
 *
 * @param eligible true when the claim qualifies for open negotiation and federal IDR
 * @param networkDecision the billing provider's network status with the payer on the date of
 *     service, and what decided it (the payer's NSA remarks overrule an in-network configuration)
 * @param payerRemarks the payer's own No Surprises Act remark codes on the claim payment (RARCs of
 *     {@code nsa.signal.remarks}), upper case, in file order; empty when the payer sent none
 * @param basis the facts that made it eligible (or, when not eligible, what excluded it), e.g.
 *     {@code RARC N864}, {@code EMERGENCY_PLACE_OF_SERVICE 23}, {@code AIR_AMBULANCE A0431}
 */
public record NsaAssessment(
    boolean eligible,
    NetworkDecision networkDecision,
    List<String> payerRemarks,
    List<String> basis) {
  public NsaAssessment {
    Objects.requireNonNull(networkDecision, "network decision");
    payerRemarks = List.copyOf(payerRemarks);
    basis = List.copyOf(basis);
  }

  /** Not eligible, with the network decision and what excluded it (may be empty). */
  public static NsaAssessment notEligible(NetworkDecision network, List<String> why) {
    return new NsaAssessment(false, network, List.of(), why);
  }

  /** The provider's network status with the payer. */
  public Network network() {
    return networkDecision.network();
  }

  /** True when the status was configured (network table or payer table), not inferred. */
  public boolean networkConfigured() {
    return networkDecision.basis() == NetworkBasis.CONFIGURED;
  }

  /** True when the payer itself marked the claim as a No Surprises Act claim (and it qualifies). */
  public boolean payerMarked() {
    return eligible && !payerRemarks.isEmpty();
  }

  /**
   * True when the configuration said in network and the payer's NSA remarks said otherwise: the
   * record's rationale says so.
   */
  public boolean payerDisagrees() {
    return networkDecision.basis() == NetworkBasis.PAYER_REMARK;
  }

  /**
   * The sentence a rationale carries when the configuration and the payer disagree, else "": e.g.
   * {@code The configuration says IN_NETWORK (contract row contract.csv:2) but the payer processed
   * the claim under the No Surprises Act (RARC N864): the payer's remark decides.}
   */
  public String disagreement() {
    if (!payerDisagrees()) {
      return "";
    }
    return "The configuration says "
        + networkDecision.overridden().describe()
        + " but the payer processed the claim under the No Surprises Act ("
        + networkDecision.source()
        + "): the payer's remark decides; check the provider's network status with the payer.";
  }
}
