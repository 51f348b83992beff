package dev.x12gw.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * ISA13/GS06 of the 999/TA1 acknowledgments the gateway sends: the {@code ack_control_number}
 * sequence.
 */
public final class AckControlNumbers {
  private AckControlNumbers() {}

  /** The next control number: 1 to 999,999,999, then from 1 again. */
  public static long next(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(Dialect.of(c).nextValue("ack_control_number"))) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
