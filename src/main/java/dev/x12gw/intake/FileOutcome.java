package dev.x12gw.intake;

/** What became of a file. */
public enum FileOutcome {
  /** Every transaction set accepted (warnings allowed). */
  PROCESSED,
  /** Some transaction sets accepted, some quarantined. */
  PARTIAL,
  /** Nothing could be accepted. */
  REJECTED;

  /** True when the file must be looked at by a person (it goes to {@code .error/}). */
  public boolean quarantined() {
    return this != PROCESSED;
  }
}
