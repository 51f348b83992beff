package dev.x12gw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The {@code intake_file} table: every file read, keyed by the SHA-256 of its content. */
public final class IntakeFiles {
  /** Outcome of a file whose reading began and did not finish (its sets commit one by one). */
  public static final String READING = "READING";

  /** A file already read, or being read: its name when first seen and what became of it. */
  public record Known(long id, String fileName, String outcome, Instant receivedAt) {
    /** Its reading began and did not finish: an interrupted attempt, resumed when seen again. */
    public boolean reading() {
      return READING.equals(outcome);
    }
  }

  private IntakeFiles() {}

  /** Starts the row of a file being read; its counts are filled in by {@link #finish}. */
  public static long start(Connection c, String sha256, String fileName, String flow)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into intake_file (sha256, file_name, flow, outcome, transactions_accepted,"
                + " transactions_rejected, claims, payments, received_at)"
                + " values (?,?,?,?,0,0,0,0,?)",
            JdbcClaimRepository.ID)) {
      ps.setString(1, sha256);
      ps.setString(2, fileName);
      ps.setString(3, flow);
      ps.setString(4, READING);
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return JdbcClaimRepository.generatedKey(ps);
    }
  }

  public static void finish(
      Connection c, long id, String outcome, int accepted, int rejected, long claims, long payments)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update intake_file set outcome = ?, transactions_accepted = ?,"
                + " transactions_rejected = ?, claims = ?, payments = ? where id = ?")) {
      ps.setString(1, outcome);
      ps.setInt(2, accepted);
      ps.setInt(3, rejected);
      ps.setLong(4, claims);
      ps.setLong(5, payments);
      ps.setLong(6, id);
      ps.executeUpdate();
    }
  }

  public static Optional<Known> find(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, file_name, outcome, received_at from intake_file where sha256 = ?")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Known(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
            : Optional.empty();
      }
    }
  }
}
