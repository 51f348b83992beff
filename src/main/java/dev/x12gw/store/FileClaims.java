package dev.x12gw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code file_claim} table: which gateway node holds a file of the drop, or a file's content,
 * so that several nodes polling one drop and sharing one store take each file exactly once. A claim
 * is a row, not a lock of one JVM: it is seen by every node, and it outlives the node that made it,
 * which renews it while it works ({@link #renew}); a claim not renewed within the timeout is taken
 * over by another node.
 */
public final class FileClaims {
  /** State of a claim whose node is working on the file. */
  static final String TAKEN = "TAKEN";

  /** State of a claim whose file was dealt with (moved away, or found taken in before). */
  static final String DONE = "DONE";

  /** What {@link #claim} found. */
  public enum Outcome {
    /** Nobody held it: this node holds it now. */
    TAKEN,
    /** Another node held it and did not renew its claim in time: this node holds it now. */
    TAKEN_OVER,
    /** Another node holds it and renews its claim: leave the file alone. */
    HELD,
    /** The file was dealt with already (its claim is done): leave it alone. */
    DONE,
    /** This node held it already (the same file seen again while it works on it). */
    ALREADY_OURS,
    /**
     * The file was dealt with, but it is still on the drop a claim timeout later: its move failed
     * (two pollers creating the day's folder at once, the drop gone at that moment). This node
     * holds it now, to take it again: its content is known, so it is only moved.
     */
    LEFT_BEHIND;

    /** Whether this node may work on the file now. */
    public boolean mine() {
      return this == TAKEN || this == TAKEN_OVER || this == ALREADY_OURS || this == LEFT_BEHIND;
    }
  }

  /** The result of a claim: its outcome and the node that held the claim before, if another. */
  public record Claim(Outcome outcome, String previousNode) {
    public Claim {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  private final Database database;
  private final String node;
  private final Duration timeout;

  /**
   * @param node this gateway node's name (unique among the nodes sharing the store)
   * @param timeout how long a claim lasts without being renewed
   */
  public FileClaims(Database database, String node, Duration timeout) {
    if (node == null || node.isBlank() || node.length() > 200) {
      throw new IllegalArgumentException("a node name of 1 to 200 characters: " + node);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a claim timeout above zero: " + timeout);
    }
    this.database = database;
    this.node = node;
    this.timeout = timeout;
  }

  public String node() {
    return node;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Claims {@code key} for this node, unless another node holds it or it is done. */
  public Claim claim(String key, Instant now) throws Exception {
    Claim existing = database.inTransaction(c -> claimExisting(c, key, now));
    if (existing != null) {
      return existing;
    }
    try {
      database.inTransaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "insert into file_claim (claim_key, node, state, claimed_at, heartbeat_at)"
                        + " values (?,?,?,?,?)")) {
              ps.setString(1, key);
              ps.setString(2, node);
              ps.setString(3, TAKEN);
              ps.setTimestamp(4, Timestamp.from(now));
              ps.setTimestamp(5, Timestamp.from(now));
              ps.executeUpdate();
            }
            return null;
          });
      return new Claim(Outcome.TAKEN, null);
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      // another node inserted it between the look and the insert: see what it holds now
      Claim again = database.inTransaction(c -> claimExisting(c, key, now));
      return again != null ? again : new Claim(Outcome.HELD, null);
    }
  }

  /** The claim of an existing row (taken over when expired), or null when there is none. */
  private Claim claimExisting(Connection c, String key, Instant now) throws SQLException {
    String holder;
    String state;
    Instant heartbeat;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select node, state, heartbeat_at from file_claim where claim_key = ? for update")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        holder = rs.getString(1);
        state = rs.getString(2);
        heartbeat = rs.getTimestamp(3).toInstant();
      }
    }
    boolean expired = !heartbeat.plus(timeout).isAfter(now);
    if (DONE.equals(state) && !expired) {
      return new Claim(Outcome.DONE, holder);
    }
    if (!DONE.equals(state) && node.equals(holder)) {
      return new Claim(Outcome.ALREADY_OURS, holder);
    }
    if (!expired) {
      return new Claim(Outcome.HELD, holder);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update file_claim set node = ?, state = ?, claimed_at = ?, heartbeat_at = ?"
                + " where claim_key = ?")) {
      ps.setString(1, node);
      ps.setString(2, TAKEN);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setString(5, key);
      ps.executeUpdate();
    }
    return new Claim(DONE.equals(state) ? Outcome.LEFT_BEHIND : Outcome.TAKEN_OVER, holder);
  }

  /** Marks this node's claim of {@code key} done: no node takes that file again. */
  public void done(String key, Instant now) throws Exception {
    database.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update file_claim set state = ?, heartbeat_at = ? where claim_key = ?"
                      + " and node = ?")) {
            ps.setString(1, DONE);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, key);
            ps.setString(4, node);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Gives up this node's claim of {@code key}: the next poll of any node may take the file. */
  public void release(String key) throws Exception {
    database.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "delete from file_claim where claim_key = ? and node = ? and state = ?")) {
            ps.setString(1, key);
            ps.setString(2, node);
            ps.setString(3, TAKEN);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Renews every claim of a drop's file ({@code drop:} keys) this node holds, and forgets claims
   * done before {@code forgetDoneBefore}. A claim of content is renewed by the unit of work that
   * holds it instead ({@link #stillHeld}): this renewal would wait for that unit's row lock.
   *
   * @return how many claims were renewed
   */
  public int renew(Instant now, Instant forgetDoneBefore) throws Exception {
    return database.inTransaction(
        c -> {
          int renewed;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update file_claim set heartbeat_at = ? where node = ? and state = ?"
                      + " and claim_key like 'drop:%'")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, node);
            ps.setString(3, TAKEN);
            renewed = ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("delete from file_claim where state = ? and heartbeat_at < ?")) {
            ps.setString(1, DONE);
            ps.setTimestamp(2, Timestamp.from(forgetDoneBefore));
            ps.executeUpdate();
          }
          return renewed;
        });
  }

  /**
   * In the caller's transaction: renews this node's claim of {@code key} and tells whether it still
   * holds it. A unit of work of a claimed file commits only while its node holds the claim, so a
   * node that stalled past the timeout (and whose file another node took over) cannot commit beside
   * the node that took it over.
   */
  public boolean stillHeld(Connection c, String key, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update file_claim set heartbeat_at = ? where claim_key = ? and node = ?"
                + " and state = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, key);
      ps.setString(3, node);
      ps.setString(4, TAKEN);
      return ps.executeUpdate() == 1;
    }
  }
}
