package dev.x12gw.gateway;

import dev.x12gw.store.Database;
import dev.x12gw.store.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel bean {@code outboxRetention}: keeps the store bounded. The body of a record published
 * longer ago than {@code outbox.retention} is dropped (the broker and its consumers have it); the
 * row and its record id stay, so the record is still never queued twice.
 */
public final class OutboxRetention {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

  /** Bodies dropped per database transaction: a purge never holds one huge transaction. */
  static final int CHUNK = 5_000;

  private final Database database;
  private final Duration retention;
  private final Clock clock;

  public OutboxRetention(Database database, Duration retention, Clock clock) {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("outbox.retention must not be negative: " + retention);
    }
    this.database = Objects.requireNonNull(database);
    this.retention = retention;
    this.clock = Objects.requireNonNull(clock);
  }

  /** Drops the bodies of records published before now − retention: how many. */
  public long purge() throws Exception {
    Instant before = clock.instant().minus(retention);
    long dropped = 0;
    int n;
    do {
      n = database.inTransaction(c -> Outbox.dropPublishedBodies(c, before, CHUNK));
      dropped += n;
    } while (n == CHUNK);
    if (dropped > 0) {
      LOG.info(
          "Outbox retention: dropped the bodies of {} record(s) published before {} ({} ago)",
          dropped,
          before,
          retention);
    }
    return dropped;
  }
}
