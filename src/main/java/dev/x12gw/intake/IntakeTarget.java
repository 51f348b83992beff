package dev.x12gw.intake;

import dev.x12gw.domain.port.ClaimRepository;
import java.util.List;
import java.util.Map;

/**
 * Where one file's data and records go, with transaction-set boundaries: everything stored and
 * published between {@link #beginTransaction()} and {@link #rollbackTransaction()} must vanish, so
 * a quarantined transaction set leaves nothing behind (a database savepoint in the gateway, a
 * journal and an output buffer in {@code analyze}). Records published outside a transaction set
 * (defects of the file) are kept.
 *
 * <p>In the gateway {@link #commitTransaction} commits the set to the database with its {@link
 * CommittedSet} progress, so its records are relayed while the rest of the file is read, and an
 * attempt that is interrupted resumes after the sets it committed ({@link #committedEarlier()}).
 */
public interface IntakeTarget {
  ClaimRepository repository();

  RecordSink records();

  /** Payer intelligence: classified findings per payer, family and service line. */
  dev.x12gw.domain.classification.PayerStats stats();

  /**
   * The segments the next claim or claim payment handed to the {@link #repository()} was read from,
   * kept with it as evidence; a target that keeps none ignores them. {@code header}: the 835
   * transaction's header, kept once with its remittance (empty for a claim).
   */
  default void nextSegments(List<String> header, List<String> segments) {}

  /**
   * Whether the target keeps each claim line's service key (the scrubber's duplicate check); false
   * skips computing them.
   */
  default boolean keepsServices() {
    return false;
  }

  /**
   * The service keys ({@code dev.x12gw.domain.scrub.ServiceHistory}) of the lines of the next claim
   * handed to the {@link #repository()}, by line number.
   */
  default void nextServices(Map<Integer, String> keys) {}

  void beginTransaction();

  /** Keeps the set's data and records; {@code set} is its progress, stored with it. */
  void commitTransaction(CommittedSet set);

  /**
   * Transaction sets of this file that an earlier, interrupted attempt committed, by ordinal: they
   * are read again but neither stored nor published. Empty on a first attempt.
   */
  default Map<Integer, CommittedSet> committedEarlier() {
    return Map.of();
  }

  void rollbackTransaction();
}
