package dev.x12gw.domain.scrub;

/** What a scrub finding does to its claim. */
public enum Severity {
  /** The claim is held until fixed (in {@code enforce} mode). */
  HARD_STOP,
  /** The claim goes out; the finding is published for the biller. */
  WARNING
}
