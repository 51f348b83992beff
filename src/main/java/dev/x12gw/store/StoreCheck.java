package dev.x12gw.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the store once at start, before any file is taken in: what an interrupted transaction must
 * not leave behind is removed and logged.
 */
public final class StoreCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCheck.class);

  private StoreCheck() {}

  /**
   * Removes claim cases that nothing belongs to. H2 has been seen (once, in {@code
   * CrashRecoveryIT}: a claim file killed just before its commit) to keep a case row inserted by
   * the interrupted transaction, without the rest of it; such a case is never read (no match key
   * leads to it) but would count in reports.
   *
   * @return how many cases were removed
   */
  public static int run(Database database) throws Exception {
    int removed = database.inTransaction(Cases::removeOrphans);
    if (removed > 0) {
      LOG.warn(
          "Store check: removed {} claim case(s) that no claim, payment or PLB belongs to (left"
              + " by a transaction interrupted before its commit)",
          removed);
    }
    return removed;
  }
}
