package dev.x12gw.store;

import dev.x12gw.records.OutboundRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox: records are inserted in the unit of work that produced them and relayed
 * to JMS afterwards. A record id is inserted once only, so a finding seen again (the same
 * remittance in another file) is never queued twice.
 */
public final class Outbox {
  /** A queued record with its outbox sequence number. */
  public record Entry(long seq, OutboundRecord record) {}

  /**
   * Queues a record in the caller's transaction.
   *
   * @return false when a record with this id was queued before (nothing written)
   */
  public static boolean add(Connection c, OutboundRecord r) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into outbox (record_id, record_type, queue, payer_id, body, created_at)"
                + " select ?,?,?,?,?,? where not exists"
                + " (select 1 from outbox where record_id = ?)")) {
      ps.setString(1, r.recordId());
      ps.setString(2, r.recordType());
      ps.setString(3, r.queue());
      ps.setString(4, r.payerId());
      ps.setString(5, r.json());
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.setString(7, r.recordId());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot queue record", e);
    }
  }

  /** Up to {@code limit} records not yet published, oldest first. */
  public static List<Entry> pending(Connection c, int limit) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, record_id, record_type, queue, payer_id, body from outbox"
                + " where published_at is null order by seq limit ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getLong(1),
                  new OutboundRecord(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6))));
        }
      }
    }
    return out;
  }

  /** Marks records as delivered to the broker. */
  public static void markPublished(Connection c, List<Long> seqs) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update outbox set published_at = ? where seq = ?")) {
      Timestamp now = Timestamp.from(Instant.now());
      for (long seq : seqs) {
        ps.setTimestamp(1, now);
        ps.setLong(2, seq);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Retention: drops the bodies of records published before {@code before}, at most {@code limit}
   * of them in this transaction (the caller repeats until none is left). The rows stay: a record
   * id, once queued, is still never queued again.
   *
   * @return how many bodies were dropped
   */
  public static int dropPublishedBodies(Connection c, Instant before, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox set body = null where seq in (select seq from outbox"
                + " where published_at < ? and body is not null order by published_at, seq"
                + " limit ?)")) {
      ps.setTimestamp(1, Timestamp.from(before));
      ps.setInt(2, limit);
      return ps.executeUpdate();
    }
  }

  private Outbox() {}
}
