package dev.x12gw.intake;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.x12.Delimiters;
import dev.x12gw.x12.Transaction;
import java.util.List;

/**
 * 837 loop 2300 CLM: a decision before each claim of a file is taken in as submitted (the
 * pre-submission scrubber in the claims' path): a claim it keeps out is not stored, matched or
 * published. Called in the intake's one read of the file, with the transaction-set boundaries, so
 * that what a gate decided for a quarantined set can be forgotten with it.
 */
public interface ClaimGate {
  /** ST: the claims that follow belong to this transaction set. */
  default void beginTransaction(Transaction transaction) {}

  /**
   * One claim with the segments it was read from, their positions (ST = 1) and the interchange's
   * delimiters: true takes it in as submitted, false keeps it out.
   */
  boolean admit(
      SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters);

  /**
   * The service keys of the claim last admitted, by line number ({@code Scrubber.serviceKeys}),
   * when the gate computed them for its own checks; null when it did not (the intake then computes
   * them).
   */
  default java.util.Map<Integer, String> serviceKeys() {
    return null;
  }

  /** SE: {@code accepted} false means the set is quarantined; forget what was decided in it. */
  default void endTransaction(boolean accepted) {}
}
