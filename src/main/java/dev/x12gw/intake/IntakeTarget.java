package dev.x12gw.intake;

import dev.x12gw.domain.ClaimRepository;

/**
 * Where one file's data and records go, with transaction-set boundaries: everything stored and
 * published between {@link #beginTransaction()} and {@link #rollbackTransaction()} must vanish, so
 * a quarantined transaction set leaves nothing behind (a database savepoint in the gateway, a
 * journal and an output buffer in {@code analyze}). Records published outside a transaction set
 * (defects of the file) are kept.
 */
public interface IntakeTarget {
  ClaimRepository repository();

  RecordSink records();

  /** Payer intelligence: classified findings per payer, family and service line. */
  dev.x12gw.domain.classification.PayerStats stats();

  void beginTransaction();

  void commitTransaction();

  void rollbackTransaction();
}
