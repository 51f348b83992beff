package dev.x12gw.store;

import dev.x12gw.domain.ClaimRepository;
import dev.x12gw.intake.IntakeTarget;
import dev.x12gw.intake.RecordSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * One file's intake in the H2 store, inside the caller's database transaction: each transaction set
 * runs under a savepoint, rolled back when the set is quarantined, so its claims, payments and
 * outbox records vanish while the file's other transaction sets stay.
 */
public final class JdbcIntakeTarget implements IntakeTarget {
  private final Connection connection;
  private final JdbcClaimRepository repository;
  private final RecordSink records;
  private final JdbcPayerStats stats;
  private Savepoint savepoint;

  public JdbcIntakeTarget(Connection connection, long intakeFileId) {
    this.connection = connection;
    this.repository = new JdbcClaimRepository(connection, intakeFileId);
    this.records = r -> Outbox.add(connection, r);
    this.stats = new JdbcPayerStats(connection);
  }

  @Override
  public JdbcPayerStats stats() {
    return stats;
  }

  @Override
  public ClaimRepository repository() {
    return repository;
  }

  @Override
  public RecordSink records() {
    return records;
  }

  @Override
  public void beginTransaction() {
    try {
      savepoint = connection.setSavepoint();
    } catch (SQLException e) {
      throw new StoreException("cannot set a savepoint", e);
    }
  }

  @Override
  public void commitTransaction() {
    try {
      connection.releaseSavepoint(savepoint);
      savepoint = null;
    } catch (SQLException e) {
      throw new StoreException("cannot release a savepoint", e);
    }
  }

  @Override
  public void rollbackTransaction() {
    try {
      connection.rollback(savepoint);
      savepoint = null;
      repository.forgetCachedIds();
    } catch (SQLException e) {
      throw new StoreException("cannot roll back a quarantined transaction set", e);
    }
  }
}
