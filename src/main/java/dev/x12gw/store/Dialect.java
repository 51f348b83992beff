package dev.x12gw.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL dialect of a store, H2 or PostgreSQL: the few statements whose SQL differs, and the
 * migration folder that holds the vendor's version of a migration whose SQL must differ.
 */
enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The dialect of a JDBC URL: {@code jdbc:h2:...} or {@code jdbc:postgresql:...}. */
  static Dialect ofUrl(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "db.url must be jdbc:h2:... or jdbc:postgresql:..., not " + Database.redact(url));
  }

  /** The dialect of an open connection. */
  static Dialect of(Connection c) throws SQLException {
    return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? POSTGRESQL : H2;
  }

  /** Flyway locations: the migrations every store shares, then this vendor's own. */
  String[] migrationLocations() {
    return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrations};
  }

  /** The type of a binary column without a practical length limit. */
  String binaryType() {
    return this == H2 ? "varbinary(1000000000)" : "bytea";
  }

  /** Whole days from date {@code from} to date {@code to} (SQL expressions), as an integer. */
  String daysBetween(String from, String to) {
    return this == H2 ? "datediff('DAY', " + from + ", " + to + ")" : "(" + to + " - " + from + ")";
  }

  /** Renames a column. */
  String renameColumn(String table, String from, String to) {
    return this == H2
        ? "alter table " + table + " alter column " + from + " rename to " + to
        : "alter table " + table + " rename column " + from + " to " + to;
  }

  /**
   * Inserts a row, or updates the row with the same key: H2's {@code MERGE ... KEY}, PostgreSQL's
   * {@code INSERT ... ON CONFLICT DO UPDATE}.
   *
   * @param columns the columns, comma-separated
   * @param values their values ({@code ?} or literals), comma-separated, in the same order
   * @param key the key columns, comma-separated (a primary key or unique constraint)
   */
  String upsert(String table, String columns, String values, String key) {
    if (this == H2) {
      return "merge into " + table + " (" + columns + ") key (" + key + ") values (" + values + ")";
    }
    List<String> keys = split(key);
    String set =
        split(columns).stream()
            .filter(c -> !keys.contains(c))
            .map(c -> c + " = excluded." + c)
            .collect(Collectors.joining(", "));
    return "insert into "
        + table
        + " ("
        + columns
        + ") values ("
        + values
        + ") on conflict ("
        + key
        + ") do update set "
        + set;
  }

  /**
   * An {@code ORDER BY} list that sorts text by code point, whatever the database's collation: H2
   * always does; PostgreSQL follows the database's locale (en_US sorts {@code a} before {@code B})
   * unless told {@code COLLATE "C"}.
   */
  String byCodePoint(String columns) {
    return this == H2
        ? columns
        : split(columns).stream().map(c -> c + " collate \"C\"").collect(Collectors.joining(", "));
  }

  /**
   * Makes what was committed durable before the caller acts on it: H2 keeps a commit in memory
   * until its background writer saves it, so {@code CHECKPOINT SYNC} writes and fsyncs the store; a
   * server database's commit already is when it returns.
   */
  void makeDurable(Connection c) throws SQLException {
    if (this == H2) {
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("CHECKPOINT SYNC");
      }
    }
  }

  /** A query for the next value of a sequence. */
  String nextValue(String sequence) {
    return this == H2 ? "select next value for " + sequence : "select nextval('" + sequence + "')";
  }

  private static List<String> split(String csv) {
    return Arrays.stream(csv.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }
}
