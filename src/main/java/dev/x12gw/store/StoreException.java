package dev.x12gw.store;

/** The store failed (I/O, constraint, connection): the unit of work must be rolled back. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(cause == null ? message : message + ": " + cause.getMessage(), cause);
  }
}
