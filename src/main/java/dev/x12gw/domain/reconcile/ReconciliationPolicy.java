package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.nsa.NsaPolicy;
import java.util.Objects;

/**
 * What reconciliation compares payments with: the contracts, the tolerance below which a variance
 * is not an underpayment, and the No Surprises Act rules for out-of-network claims.
 */
public record ReconciliationPolicy(ContractSchedule contracts, Tolerance tolerance, NsaPolicy nsa) {
  public ReconciliationPolicy {
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(nsa, "nsa");
  }

  /** No contracts, no tolerance: denials, recoupments and balancing only. */
  public static ReconciliationPolicy none() {
    return new ReconciliationPolicy(
        ContractSchedule.empty(), Tolerance.none(), NsaPolicy.disabled());
  }
}
