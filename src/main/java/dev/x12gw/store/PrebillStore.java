package dev.x12gw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pre-submission scrubber's rows (migration V17): outgoing files scrubbed (by content), claims
 * held with their segments and findings, and 837s built to forward until they are uploaded.
 */
public final class PrebillStore {
  private PrebillStore() {}

  /** A held claim as stored. */
  public record Held(
      long id,
      String recordId,
      String claimRef,
      String payerId,
      String billingNpi,
      String interchangeControlNumber,
      String groupControlNumber,
      String transactionControlNumber,
      String guide,
      String envelope,
      String delimiters,
      String segments,
      String findings,
      String services,
      String status,
      Instant heldAt,
      Instant releasedAt,
      String releaseNote) {}

  /** An 837 to forward: its file name and content. */
  public record Forward(long id, String fileName, byte[] content, int claims) {}

  /** True when an outgoing file of this content was scrubbed before. */
  public static boolean scrubbed(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from prebill_file where sha256 = ?")) {
      ps.setString(1, sha256);
      try (ResultSet r = ps.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Records a scrubbed file; returns its id. */
  public static long file(
      Connection c, String sha256, String fileName, int claims, int held, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into prebill_file (sha256, file_name, claims, held, scrubbed_at)"
                + " values (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, sha256);
      ps.setString(2, fileName);
      ps.setInt(3, claims);
      ps.setInt(4, held);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.executeUpdate();
      return key(ps);
    }
  }

  /** Holds a claim; returns its id. */
  public static long hold(Connection c, long fileId, Held h) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into held_claim (prebill_file_id, record_id, claim_ref, payer_id,"
                + " billing_npi, interchange_control_number, group_control_number,"
                + " transaction_control_number, guide, envelope, delimiters, segments, findings,"
                + " services, status, held_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 'HELD', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, fileId);
      ps.setString(2, h.recordId());
      ps.setString(3, h.claimRef());
      ps.setString(4, h.payerId());
      ps.setString(5, h.billingNpi());
      ps.setString(6, h.interchangeControlNumber());
      ps.setString(7, h.groupControlNumber());
      ps.setString(8, h.transactionControlNumber());
      ps.setString(9, h.guide());
      ps.setString(10, h.envelope());
      ps.setString(11, h.delimiters());
      ps.setString(12, h.segments());
      ps.setString(13, h.findings());
      ps.setString(14, h.services());
      ps.setTimestamp(15, Timestamp.from(h.heldAt()));
      ps.executeUpdate();
      return key(ps);
    }
  }

  /** Queues an 837 to forward (a file's clean claims, or a released claim). */
  public static long forward(
      Connection c,
      Long fileId,
      Long heldClaimId,
      String fileName,
      byte[] content,
      int claims,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into prebill_forward (prebill_file_id, held_claim_id, file_name, content,"
                + " claims, created_at) values (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      if (fileId == null) {
        ps.setNull(1, java.sql.Types.BIGINT);
      } else {
        ps.setLong(1, fileId);
      }
      if (heldClaimId == null) {
        ps.setNull(2, java.sql.Types.BIGINT);
      } else {
        ps.setLong(2, heldClaimId);
      }
      ps.setString(3, fileName);
      ps.setBytes(4, content);
      ps.setInt(5, claims);
      ps.setTimestamp(6, Timestamp.from(at));
      ps.executeUpdate();
      return key(ps);
    }
  }

  /** The ids of the 837s not forwarded yet, oldest first. */
  public static List<Long> pending(Connection c, int limit) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id from prebill_forward where forwarded_at is null order by id"
                + " fetch first "
                + limit
                + " rows only")) {
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.add(r.getLong(1));
        }
      }
    }
    return out;
  }

  /** One 837 to forward. */
  public static Optional<Forward> forwardOf(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select file_name, content, claims from prebill_forward where id = ?"
                + " and forwarded_at is null")) {
      ps.setLong(1, id);
      try (ResultSet r = ps.executeQuery()) {
        return r.next()
            ? Optional.of(new Forward(id, r.getString(1), r.getBytes(2), r.getInt(3)))
            : Optional.empty();
      }
    }
  }

  /** The 837 was uploaded. */
  public static void forwarded(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update prebill_forward set forwarded_at = ? where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Held claims of {@code status} (HELD, RELEASED; null: all), newest first. */
  public static List<Held> held(Connection c, String status, int limit) throws SQLException {
    List<Held> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT_HELD
                + (status == null ? "" : " where status = ?")
                + " order by id desc fetch first "
                + limit
                + " rows only")) {
      if (status != null) {
        ps.setString(1, status);
      }
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.add(held(r));
        }
      }
    }
    return out;
  }

  /** One held claim, locked for update. */
  public static Optional<Held> heldClaim(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_HELD + " where id = ? for update")) {
      ps.setLong(1, id);
      try (ResultSet r = ps.executeQuery()) {
        return r.next() ? Optional.of(held(r)) : Optional.empty();
      }
    }
  }

  /** The claim was released. */
  public static void released(Connection c, long id, String note, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update held_claim set status = 'RELEASED', released_at = ?, release_note = ?"
                + " where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, note);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** True when a claim that went out had a line of this service key. */
  public static boolean forwardedService(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select 1 from prebill_service where service_key = ?")) {
      ps.setString(1, key);
      try (ResultSet r = ps.executeQuery()) {
        return r.next();
      }
    }
  }

  /**
   * The service history of one unit of work (a file's scrub, a transaction set's intake): looked up
   * and added through two statements prepared once (a lookup per service line looked up, an upsert
   * per key batched by 500, no lookup before it), so a file of many claims costs no statement
   * preparation nor extra query per line.
   */
  public static final class Services implements AutoCloseable {
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final java.util.Set<String> added = new java.util.HashSet<>();
    private int pending;

    public Services(Connection c) throws SQLException {
      this.select = c.prepareStatement("select 1 from prebill_service where service_key = ?");
      // one statement per key, no lookup first: a key already there takes the later claim
      this.insert =
          c.prepareStatement(
              Dialect.of(c)
                  .upsert(
                      "prebill_service",
                      "service_key, claim_ref, forwarded_at",
                      "?, ?, ?",
                      "service_key"));
    }

    /** True when the service of {@code key} went out before (or was added here). */
    public boolean forwarded(String key) throws SQLException {
      if (added.contains(key)) {
        return true;
      }
      select.setString(1, key);
      try (ResultSet r = select.executeQuery()) {
        return r.next();
      }
    }

    /** The keys of a claim taken in as submitted (a key already there takes this claim). */
    public void add(List<String> keys, String claimRef, Instant at) throws SQLException {
      for (String k : keys) {
        if (!added.add(k)) {
          continue; // an earlier claim of this unit of work: kept as it was
        }
        insert.setString(1, k);
        insert.setString(2, claimRef);
        insert.setTimestamp(3, Timestamp.from(at));
        insert.addBatch();
        if (++pending >= 500) {
          flush();
        }
      }
    }

    /**
     * Withdraws the keys of a void that goes out (CLM05-3 8): the services it voids may be billed
     * again.
     */
    public void withdraw(List<String> keys) throws SQLException {
      if (keys.isEmpty()) {
        return;
      }
      flush();
      try (PreparedStatement delete =
          select
              .getConnection()
              .prepareStatement("delete from prebill_service where service_key = ?")) {
        for (String k : keys) {
          added.remove(k);
          delete.setString(1, k);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }

    /** Writes the keys added so far. */
    public void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        flush();
      } finally {
        try {
          select.close();
        } finally {
          insert.close();
        }
      }
    }
  }

  private static final String SELECT_HELD =
      "select id, record_id, claim_ref, payer_id, billing_npi, interchange_control_number,"
          + " group_control_number, transaction_control_number, guide, envelope, delimiters,"
          + " segments, findings, services, status, held_at, released_at, release_note"
          + " from held_claim";

  private static Held held(ResultSet r) throws SQLException {
    Timestamp released = r.getTimestamp(17);
    return new Held(
        r.getLong(1),
        r.getString(2).strip(),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getString(10),
        r.getString(11),
        r.getString(12),
        r.getString(13),
        r.getString(14),
        r.getString(15),
        r.getTimestamp(16).toInstant(),
        released == null ? null : released.toInstant(),
        r.getString(18));
  }

  private static long key(PreparedStatement ps) throws SQLException {
    try (ResultSet k = ps.getGeneratedKeys()) {
      k.next();
      return k.getLong(1);
    }
  }
}
