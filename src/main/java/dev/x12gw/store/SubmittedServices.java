package dev.x12gw.store;

import dev.x12gw.domain.scrub.ServiceKeySet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * 837 loop 2400: every claim line taken in as submitted, by its service key's first 64 bits ({@code
 * claim_line.service_hash}, V19), held in memory for the scrubber's duplicate check (12 to 24 bytes
 * a line). A void's lines (CLM05-3 8) withdraw their services, so a service voided may be billed
 * again; a replacement's (7) count once with the claim they replace. Read whole the first time,
 * then only the lines stored since ({@code claim_line} ids above the last one read), in the order
 * they were stored, inside the scrubbing file's transaction. A line of another node's transaction
 * that commits after a later id was read is not seen until the gateway restarts.
 */
public final class SubmittedServices {
  private final ServiceKeySet keys = new ServiceKeySet();
  private long lastId;

  /** Reads the lines stored since the last call. */
  public synchronized void refresh(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select l.id, l.service_hash, k.frequency_code from claim_line l"
                + " join claim k on k.id = l.claim_id"
                + " where l.id > ? and l.service_hash is not null order by l.id")) {
      ps.setLong(1, lastId);
      ps.setFetchSize(10_000);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          lastId = r.getLong(1);
          long key = r.getLong(2);
          String frequency = r.getString(3);
          if ("8".equals(frequency)) {
            keys.remove(key);
          } else if ("7".equals(frequency)) {
            keys.addIfAbsent(key);
          } else {
            keys.add(key);
          }
        }
      }
    }
  }

  /** True when a line taken in as submitted had this service key. */
  public synchronized boolean submitted(String key) {
    return keys.contains(key);
  }

  /** Services held (by at least one claim in force). */
  public synchronized int size() {
    return keys.size();
  }
}
