package dev.x12gw.store;

import dev.x12gw.domain.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** Values between the domain and SQL columns, shared by every table of the store. */
final class SqlValues {
  private SqlValues() {}

  /** A date parameter, SQL NULL when absent. */
  static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setDate(i, Date.valueOf(d));
    }
  }

  /** A date column, null when SQL NULL. */
  static LocalDate date(ResultSet rs, int column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  /** A stored DECIMAL(20,4) back to money: trailing zeros dropped, at least two places. */
  static BigDecimal money(BigDecimal v) {
    if (v == null) {
      return null;
    }
    return Money.normalize(v.signum() == 0 ? Money.ZERO : v.stripTrailingZeros());
  }
}
