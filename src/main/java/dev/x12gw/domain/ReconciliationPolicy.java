package dev.x12gw.domain;

import java.util.Objects;

/**
 * What reconciliation compares payments with: the contracts and the tolerance below which a
 * variance is not an underpayment.
 */
public record ReconciliationPolicy(ContractSchedule contracts, Tolerance tolerance) {
  public ReconciliationPolicy {
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(tolerance, "tolerance");
  }

  /** No contracts, no tolerance: denials, recoupments and balancing only. */
  public static ReconciliationPolicy none() {
    return new ReconciliationPolicy(ContractSchedule.empty(), Tolerance.none());
  }
}
