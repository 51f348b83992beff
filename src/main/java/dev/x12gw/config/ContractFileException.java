package dev.x12gw.config;

/**
 * A payer contract file that cannot be used: unreadable, a missing header column, a bad value
 * (named by file, line and column) or rates that overlap (named by both sources).
 */
public class ContractFileException extends ConfigFileException {
  private static final long serialVersionUID = 1L;

  public ContractFileException(String message) {
    super(message);
  }

  public ContractFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
