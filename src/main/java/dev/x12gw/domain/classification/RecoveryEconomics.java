package dev.x12gw.domain.classification;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What working a finding is worth: the default overturn rate per family (before history exists),
 * how much weight that default keeps against observed history, and the labor cost per pathway.
 *
 * <p>The overturn rate used is {@code (overturned + w × default) / (denials + w)} over the payer's
 * history for the family, where w is {@link #priorWeight()}: with no history it is the default, and
 * history takes over as it grows. Only denials at least {@link #maturityDays()} old count.
 *
 * @param defaultOverturnRates rate (0–1) per family; every family must have one
 * @param priorWeight how many observations the default counts for (0 = history alone once any
 *     exists)
 * @param maturityDays how old a denial must be (days from its remittance to the one being
 *     classified) to count in the history: younger ones may still be appealed or resubmitted, so
 *     not being overturned yet says nothing
 * @param laborCosts cost of working one finding per pathway; every pathway must have one
 */
public record RecoveryEconomics(
    Map<DenialFamily, BigDecimal> defaultOverturnRates,
    int priorWeight,
    int maturityDays,
    Map<RecoveryPathway, BigDecimal> laborCosts) {
  public RecoveryEconomics {
    defaultOverturnRates = Map.copyOf(new EnumMap<>(defaultOverturnRates));
    laborCosts = Map.copyOf(new EnumMap<>(laborCosts));
    for (DenialFamily f : DenialFamily.values()) {
      BigDecimal r =
          Objects.requireNonNull(defaultOverturnRates.get(f), "no default rate for " + f);
      if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("overturn rate of " + f + " must be 0 to 1: " + r);
      }
    }
    for (RecoveryPathway p : RecoveryPathway.values()) {
      BigDecimal c = Objects.requireNonNull(laborCosts.get(p), "no labor cost for " + p);
      if (c.signum() < 0) {
        throw new IllegalArgumentException("labor cost of " + p + " must not be negative: " + c);
      }
    }
    if (maturityDays < 0) {
      throw new IllegalArgumentException("maturity days must not be negative: " + maturityDays);
    }
    if (priorWeight < 0) {
      throw new IllegalArgumentException("prior weight must not be negative: " + priorWeight);
    }
  }
}
