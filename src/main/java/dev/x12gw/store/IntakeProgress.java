package dev.x12gw.store;

import dev.x12gw.intake.CommittedSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code intake_progress} table: the transaction sets of a file being read that are committed,
 * one row each, written in the set's own commit. Deleted when the file is finished.
 */
public final class IntakeProgress {
  private IntakeProgress() {}

  /** Stores {@code set} of file {@code fileId} (in the caller's transaction: the set's commit). */
  public static void save(Connection c, long fileId, CommittedSet set) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into intake_progress (file_id, set_ordinal, duplicate, matched, records)"
                + " values (?,?,?,?,?)")) {
      ps.setLong(1, fileId);
      ps.setInt(2, set.ordinal());
      ps.setBoolean(3, set.duplicate());
      ps.setLong(4, set.matched());
      ps.setString(5, set.recordsText());
      ps.executeUpdate();
    }
  }

  /** The sets of file {@code fileId} committed so far, by ordinal. */
  public static Map<Integer, CommittedSet> load(Connection c, long fileId) throws SQLException {
    Map<Integer, CommittedSet> sets = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select set_ordinal, duplicate, matched, records from intake_progress"
                + " where file_id = ? order by set_ordinal")) {
      ps.setLong(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CommittedSet set =
              new CommittedSet(
                  rs.getInt(1),
                  rs.getBoolean(2),
                  rs.getLong(3),
                  CommittedSet.parseRecords(rs.getString(4)));
          sets.put(set.ordinal(), set);
        }
      }
    }
    return sets;
  }

  /** Forgets the progress of a finished file (in the transaction that finishes it). */
  public static void clear(Connection c, long fileId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("delete from intake_progress where file_id = ?")) {
      ps.setLong(1, fileId);
      ps.executeUpdate();
    }
  }
}
