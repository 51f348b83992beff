package dev.x12gw.store;

import dev.x12gw.records.OutboundRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
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
    Dialect dialect;
    try {
      dialect = Dialect.of(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's dialect", e);
    }
    return add(c, dialect, r);
  }

  /** {@link #add(Connection, OutboundRecord)} for a caller that knows the store's dialect. */
  static boolean add(Connection c, Dialect dialect, OutboundRecord r) {
    return insert(c, dialect, r, null, null);
  }

  /**
   * Queues the record of a finding of claim case {@code caseId} (0: of a whole transaction set)
   * unless the case had a finding with this record id before. The case's findings are its {@code
   * finding} rows, current and superseded, read through {@code finding_case}, and the finding is
   * stored there in the same unit of work: so H2 needs no index of every record id, whose random
   * inserts each rewrote a page of it (20% of the bytes H2 wrote for a 100 MB 835). PostgreSQL
   * checks the record id itself, by its unique index.
   *
   * @param packedBody the record's JSON as {@link Documents#pack} gives it (packed once by a caller
   *     that keeps it elsewhere too), or null to pack it here
   * @return false when the record was queued before (nothing written)
   */
  static boolean addFinding(
      Connection c, Dialect dialect, long caseId, OutboundRecord r, byte[] packedBody) {
    return insert(c, dialect, r, caseId, packedBody);
  }

  private static boolean insert(
      Connection c, Dialect dialect, OutboundRecord r, Long caseId, byte[] packedBody) {
    if (dialect == Dialect.POSTGRESQL) {
      return insertOnServer(c, r, caseId, packedBody);
    }
    try (PreparedStatement ps = c.prepareStatement(insertIfNew(caseId), SEQ)) {
      Long key = caseId == null ? recordKey(r.recordId()) : null;
      int i = 1;
      ps.setString(i++, r.recordId());
      if (key == null) {
        ps.setNull(i++, java.sql.Types.BIGINT);
      } else {
        ps.setLong(i++, key);
      }
      ps.setString(i++, r.recordType());
      ps.setString(i++, r.queue());
      ps.setString(i++, r.payerId());
      ps.setTimestamp(i++, Timestamp.from(Instant.now()));
      if (caseId == null) {
        ps.setLong(i++, key);
      } else if (caseId != 0) {
        ps.setLong(i++, caseId);
      }
      ps.setString(i, r.recordId());
      if (ps.executeUpdate() == 0) {
        return false;
      }
      long seq = JdbcClaimRepository.generatedKey(ps);
      try (PreparedStatement body =
          c.prepareStatement("insert into outbox_body (seq, body) values (?,?)")) {
        body.setLong(1, seq);
        body.setBytes(2, packedBody != null ? packedBody : Documents.pack(r.json()));
        body.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new StoreException("cannot queue record", e);
    }
  }

  /**
   * PostgreSQL: the outbox row and its body in one statement, so one round trip to the server a
   * record: the row is inserted unless its record id is there ({@code ON CONFLICT DO NOTHING} on
   * the unique record id, which also covers two transactions queuing one id at once: the second
   * waits for the first and inserts nothing), and the body follows the row the statement inserted.
   */
  private static boolean insertOnServer(
      Connection c, OutboundRecord r, Long caseId, byte[] packedBody) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "with o as (insert into outbox (record_id, record_key, record_type, queue, payer_id,"
                + " created_at) values (?,?,?,?,?,?) on conflict (record_id) do nothing returning"
                + " seq) insert into outbox_body (seq, body) select seq, ? from o")) {
      ps.setString(1, r.recordId());
      if (caseId == null) {
        ps.setLong(2, recordKey(r.recordId()));
      } else {
        ps.setNull(2, java.sql.Types.BIGINT);
      }
      ps.setString(3, r.recordType());
      ps.setString(4, r.queue());
      ps.setString(5, r.payerId());
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.setBytes(7, packedBody != null ? packedBody : Documents.pack(r.json()));
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot queue record", e);
    }
  }

  /**
   * {@code outbox.record_key} of a record that is not a finding's (a withdrawal, a file's defect):
   * the first 64 bits of the SHA-256 of the record id's UTF-8 bytes. H2 finds such a record id
   * through this narrow key (then compares the id itself); a finding's record has none (null, its
   * case's findings tell). Stored, so never to change.
   */
  static long recordKey(String recordId) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(recordId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(d, 0, 8).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The next batch: ordered as the index {@code (published_at, seq)} is, so the batch is the head
   * of the index, O(batch); {@code order by seq} alone would sort every pending row, O(outbox)
   * ({@code OutboxTest} checks H2's plan).
   */
  static final String PENDING =
      "select o.seq, o.record_id, o.record_type, o.queue, o.payer_id, b.body from outbox o"
          + " left join outbox_body b on b.seq = o.seq"
          + " where o.published_at is null order by o.published_at, o.seq limit ?";

  private static final String[] SEQ = {"seq"};

  /**
   * H2: inserts an outbox row unless its record was queued already ({@link #insertOnServer} on
   * PostgreSQL). H2 looks a finding's record id up among its case's findings ({@link #addFinding}),
   * any other record id by its {@link #recordKey}: the transactions that could queue one record id
   * are those of one claim case, which its case rows serialise, or of one file.
   *
   * @param caseId the case of a finding's record (0: a transaction set's), null for another record
   */
  private static String insertIfNew(Long caseId) {
    String insert =
        "insert into outbox (record_id, record_key, record_type, queue, payer_id, created_at)";
    String seen;
    if (caseId == null) {
      seen = "select 1 from outbox where record_key = ? and record_id = ?";
    } else if (caseId == 0) {
      seen = "select 1 from finding where case_id is null and record_id = ?";
    } else {
      seen = "select 1 from finding where case_id = ? and record_id = ?";
    }
    return insert + " select ?,?,?,?,?,? where not exists (" + seen + ")";
  }

  /**
   * Takes or renews the relay's lease for {@code node} until {@code until}, unless another node
   * holds it and it has not expired at {@code now} by half a lease: one relay publishes at a time,
   * so records leave in outbox order however many nodes share the store. A node that died leaves
   * its lease to expire; another node's relay takes it half a lease later. The half lease is for a
   * holder that only stalled in a batch (a batch starts with a whole lease): two relays sending one
   * batch at once could both get it past the broker's duplicate detection.
   *
   * @return whether {@code node} holds the lease now
   */
  public static boolean leaseRelay(Connection c, String node, Instant now, Instant until)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update relay_lease set node = ?, expires_at = ? where id = 1"
                + " and (node = ? or expires_at < ?)")) {
      ps.setString(1, node);
      ps.setTimestamp(2, Timestamp.from(until));
      ps.setString(3, node);
      ps.setTimestamp(4, Timestamp.from(now.minus(Duration.between(now, until).dividedBy(2))));
      if (ps.executeUpdate() == 1) {
        return true;
      }
    }
    try (PreparedStatement ps = c.prepareStatement("select count(*) from relay_lease");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) > 0) {
        return false;
      }
    }
    // the row is gone (a store emptied by hand): the lease starts again with this node
    try (PreparedStatement ps =
        c.prepareStatement("insert into relay_lease (id, node, expires_at) values (1,?,?)")) {
      ps.setString(1, node);
      ps.setTimestamp(2, Timestamp.from(until));
      ps.executeUpdate();
      return true;
    }
  }

  /** The node holding the relay's lease, or empty when none ever did. */
  public static String relayLeaseHolder(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select node from relay_lease where id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  /** Up to {@code limit} records not yet published, oldest first. */
  public static List<Entry> pending(Connection c, int limit) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(PENDING)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] body = rs.getBytes(6);
          if (body == null) {
            throw new StoreException(
                "outbox record " + rs.getString(2) + " is pending but has no body", null);
          }
          out.add(
              new Entry(
                  rs.getLong(1),
                  new OutboundRecord(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      Documents.unpack(body))));
        }
      }
    }
    return out;
  }

  /**
   * The update of {@link #markPublished}, executed once per record of the batch as one JDBC batch:
   * each row found by its primary key ({@code OutboxTest} checks H2's plan). Not {@code seq =
   * any(?)} with the batch as one array: H2 finds the rows by the key but then tests each against
   * the whole array again, O(batch²) (measured: 45% of the relay's time at batches of 2,000).
   */
  static final String MARK_PUBLISHED = "update outbox set published_at = ? where seq = ?";

  /** Marks records as delivered to the broker. */
  public static void markPublished(Connection c, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(MARK_PUBLISHED)) {
      Timestamp now = Timestamp.from(Instant.now());
      for (long seq : seqs) {
        ps.setTimestamp(1, now);
        ps.setLong(2, seq);
        ps.addBatch();
      }
      long marked = 0;
      for (int n : ps.executeBatch()) {
        marked += n;
      }
      if (marked != seqs.size()) {
        throw new StoreException(
            "marked " + marked + " of " + seqs.size() + " outbox records published", null);
      }
    }
  }

  /**
   * Retention: deletes the bodies of records published before {@code before}, oldest first, at most
   * {@code limit} of them in this transaction (the caller repeats until none is left). The {@code
   * outbox} rows stay: a record id, once queued, is still never queued again.
   *
   * @return how many bodies were deleted
   */
  public static int dropPublishedBodies(Connection c, Instant before, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from outbox_body where seq in (select b.seq from outbox_body b"
                + " join outbox o on o.seq = b.seq where o.published_at < ? order by b.seq"
                + " limit ?)")) {
      ps.setTimestamp(1, Timestamp.from(before));
      ps.setInt(2, limit);
      return ps.executeUpdate();
    }
  }

  private Outbox() {}
}
