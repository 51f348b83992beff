package dev.x12gw.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * The store could not serve a unit of work for a while — its connection is refused or lost, the
 * pool has none to give, a row stayed locked past the lock timeout, a deadlock or serialization
 * failure — not because of what the unit of work holds: the same work succeeds once the store is
 * back, so the caller keeps it (a file stays on the drop) and tries again.
 */
public final class StoreUnavailableException extends RuntimeException {
  /**
   * SQLSTATEs of failures that pass: lock not available, deadlock, serialization failure, H2's lock
   * timeout (its {@code SQLTimeoutException} is transient, but a batch that timed out is a {@code
   * BatchUpdateException} with only this state).
   */
  private static final Set<String> PASSING_STATES = Set.of("55P03", "40P01", "40001", "HYT00");

  public StoreUnavailableException(String what, Throwable cause) {
    super(what + ": the store is unavailable (" + cause.getMessage() + ")", cause);
  }

  /**
   * Whether {@code failure} (or one of its causes) is the store being unavailable for a while:
   * SQLSTATE class 08 (connection exception) or 53 (insufficient resources: PostgreSQL's lock table
   * or memory full while other transactions hold it, disk full, too many connections), a transient
   * SQL exception (a timeout, a pool with no connection to give), or one of {@link
   * #PASSING_STATES}.
   */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StoreUnavailableException || t instanceof SQLTransientException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || PASSING_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
