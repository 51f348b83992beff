package dev.x12gw.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server's databases, for the gateway benchmark: a new, empty database for a run (so a
 * measurement never starts from, or touches, an existing store) and a database's size. The user and
 * password are those of the store ({@code DB_USER}, {@code DB_PASSWORD} in the environment);
 * creating a database needs the {@code CREATEDB} privilege.
 */
public final class PostgresDatabases {
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

  private PostgresDatabases() {}

  /**
   * Creates a database named {@code prefix} and the time on the server of {@code serverUrl} (any
   * database of it): the new database's URL.
   */
  public static String create(String serverUrl, String user, String password, String prefix)
      throws SQLException {
    Matcher m = URL.matcher(serverUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a PostgreSQL JDBC URL, jdbc:postgresql://HOST:PORT/DATABASE: " + serverUrl);
    }
    if (!prefix.matches("[a-z_][a-z0-9_]{0,40}")) {
      throw new IllegalArgumentException("a database name prefix of [a-z0-9_]: " + prefix);
    }
    String name =
        prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement st = c.createStatement()) {
      st.execute("create database " + name);
    }
    return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
  }

  /** The size on disk of the database of {@code url}, in bytes. */
  public static long size(String url, String user, String password) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
