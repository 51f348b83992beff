package dev.x12gw.config;

import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The reconciliation policy from settings: contract rates from {@code contracts.dir} (every CSV in
 * it) and the tolerance {@code contracts.tolerance.absolute} / {@code contracts.tolerance.percent}.
 */
public final class Reconciliation {
  private Reconciliation() {}

  /**
   * @param contracts a contract file or directory that replaces {@code contracts.dir}, or null
   * @param nsa the No Surprises Act rules
   * @throws ContractFileException when a contract file is bad
   * @throws IllegalArgumentException when a tolerance is not a non-negative decimal
   */
  public static ReconciliationPolicy policy(Settings settings, Path contracts, NsaPolicy nsa) {
    ContractSchedule schedule =
        ContractFiles.load(
            contracts != null ? contracts : settings.path("contracts.dir", "config/contracts"));
    return new ReconciliationPolicy(
        schedule,
        new Tolerance(
            decimal(settings, "contracts.tolerance.absolute", "1.00"),
            decimal(settings, "contracts.tolerance.percent", "1.0")),
        nsa);
  }

  /** A non-negative decimal setting; the error names the key and its environment variable. */
  static BigDecimal decimal(Settings settings, String key, String defaultValue) {
    String v = settings.get(key, defaultValue).trim();
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.signum() < 0) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key
              + " ("
              + Settings.environmentName(key)
              + "): \""
              + v
              + "\" is not a non-negative decimal");
    }
  }
}
