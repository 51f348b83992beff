package dev.x12gw.store;

import dev.x12gw.domain.port.ClaimRepository;
import dev.x12gw.intake.CommittedSet;
import dev.x12gw.intake.IntakeTarget;
import dev.x12gw.intake.RecordSink;
import dev.x12gw.records.OutboundRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file's intake in the store, on the caller's connection: each transaction set runs under a
 * savepoint, rolled back when the set is quarantined (its claims, payments and outbox records
 * vanish while the file's other sets stay), and committed with its {@code intake_progress} row when
 * it is kept, so the relay publishes its records while the rest of the file is read. What the file
 * itself publishes (its defects) and its outcome are committed by the caller when the file ends.
 */
public final class JdbcIntakeTarget implements IntakeTarget {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcIntakeTarget.class);
  private static final long PROGRESS_LOG_INTERVAL_NANOS = 10_000_000_000L;

  private final Connection connection;
  private final Dialect dialect;
  private final JdbcClaimRepository repository;
  private boolean keepSegments = true;
  private final RecordSink records;
  private final JdbcPayerStats stats;
  private final long fileId;
  private final Map<Integer, CommittedSet> committedEarlier;
  private final String fileName;
  private final Guard guard;
  private boolean commitEachSet = true;
  private Savepoint savepoint;
  private long recordsCommitted;
  private long lastProgressLog;

  /**
   * A check made in each unit of work just before it commits (the gateway's: this node still holds
   * the file's claim, {@link FileClaims#stillHeld}); it throws to refuse the commit.
   */
  @FunctionalInterface
  public interface Guard {
    void beforeCommit(Connection c) throws SQLException;
  }

  /**
   * @param committedEarlier the file's sets committed by an interrupted attempt ({@link
   *     IntakeProgress#load}), empty on a first attempt
   */
  public JdbcIntakeTarget(
      Connection connection,
      long intakeFileId,
      String fileName,
      Map<Integer, CommittedSet> committedEarlier) {
    this(connection, intakeFileId, fileName, committedEarlier, c -> {});
  }

  /**
   * @param guard checked before each set commits
   */
  public JdbcIntakeTarget(
      Connection connection,
      long intakeFileId,
      String fileName,
      Map<Integer, CommittedSet> committedEarlier,
      Guard guard) {
    this.connection = connection;
    this.guard = guard;
    try {
      this.dialect = Dialect.of(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's dialect", e);
    }
    this.fileName = fileName;
    this.fileId = intakeFileId;
    this.committedEarlier = Map.copyOf(committedEarlier);
    this.repository = new JdbcClaimRepository(connection, intakeFileId);
    this.records =
        new RecordSink() {
          @Override
          public boolean publish(OutboundRecord r) {
            return Outbox.add(connection, dialect, r);
          }

          @Override
          public boolean publishFinding(long caseId, OutboundRecord r) {
            byte[] body = Documents.pack(r.json());
            stats.published(r.recordId(), body);
            return Outbox.addFinding(connection, dialect, caseId, r, body);
          }
        };
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

  /**
   * {@code evidence.segments}: false stores no claim's or payment's segments (evidence packets then
   * say none are stored), saving their bytes of store.
   */
  public JdbcIntakeTarget keepSegments(boolean keep) {
    this.keepSegments = keep;
    return this;
  }

  /**
   * The whole file one unit of work that the caller commits (the scrubber in the claims' path: its
   * holds, forward and stored claims together): a kept transaction set releases its savepoint and
   * nothing is committed, nor progress saved, before the file ends.
   */
  public JdbcIntakeTarget oneUnitOfWork() {
    this.commitEachSet = false;
    return this;
  }

  @Override
  public void nextSegments(List<String> header, List<String> segments) {
    if (keepSegments) {
      repository.nextSegments(header, segments);
    }
  }

  @Override
  public RecordSink records() {
    return records;
  }

  @Override
  public boolean keepsServices() {
    return true;
  }

  @Override
  public void nextServices(Map<Integer, String> keys) {
    repository.nextServices(keys);
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
  public Map<Integer, CommittedSet> committedEarlier() {
    return committedEarlier;
  }

  @Override
  public void commitTransaction(CommittedSet set) {
    try {
      repository.flushSegments();
      connection.releaseSavepoint(savepoint);
      savepoint = null;
      if (!commitEachSet) {
        return;
      }
      IntakeProgress.save(connection, fileId, set);
      guard.beforeCommit(connection);
      connection.commit();
      repository.setCommitted();
      // on disk before the file goes on: H2 writes a commit out in the background, and a kill
      // before it had (CrashRecoveryIT, "transaction set 1 committed") lost one record of the
      // file once (likely H2 bringing the commit back in part; README, "After a crash")
      dialect.makeDurable(connection);
      recordsCommitted += set.records().values().stream().mapToLong(Long::longValue).sum();
      long now = System.nanoTime();
      if (lastProgressLog == 0 || now - lastProgressLog > PROGRESS_LOG_INTERVAL_NANOS) {
        // the first committed set, then every few seconds of a long file
        lastProgressLog = now;
        LOG.info(
            "{}: transaction set {} committed; {} record(s) of the file committed so far",
            fileName,
            set.ordinal(),
            recordsCommitted);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot commit transaction set " + set.ordinal(), e);
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
