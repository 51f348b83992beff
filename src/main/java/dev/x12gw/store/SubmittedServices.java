package dev.x12gw.store;

import dev.x12gw.domain.scrub.ServiceKeySet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * 837 loop 2400: every claim line taken in as submitted, by its service key's first 64 bits ({@code
 * claim_line.service_hash}, V19), held in memory for the scrubber's duplicate check (8 to 16 bytes
 * a line). Read whole the first time, then only the lines stored since ({@code claim_line} ids
 * above the last one read), inside the scrubbing file's transaction. A line of another node's
 * transaction that commits after a later id was read is not seen until the gateway restarts.
 */
public final class SubmittedServices {
  private final ServiceKeySet keys = new ServiceKeySet();
  private long lastId;

  /** Reads the lines stored since the last call. */
  public synchronized void refresh(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, service_hash from claim_line where id > ? and service_hash is not null"
                + " order by id")) {
      ps.setLong(1, lastId);
      ps.setFetchSize(10_000);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          lastId = r.getLong(1);
          keys.add(r.getLong(2));
        }
      }
    }
  }

  /** True when a line taken in as submitted had this service key. */
  public synchronized boolean submitted(String key) {
    return keys.contains(key);
  }

  /** Lines held. */
  public synchronized int size() {
    return keys.size();
  }
}
