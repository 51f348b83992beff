package dev.x12gw.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's H2 store: a connection pool with the schema migrated by Flyway at start. */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final JdbcConnectionPool pool;
  private final String url;

  private Database(JdbcConnectionPool pool, String url) {
    this.pool = pool;
    this.url = url;
  }

  /**
   * Opens the database and applies pending migrations from {@code db/migration}.
   *
   * @param url JDBC URL, e.g. {@code jdbc:h2:file:./var/db/gateway}
   */
  public static Database open(String url, String user, String password, int maxConnections) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
    pool.setMaxConnections(maxConnections);
    try {
      var result =
          Flyway.configure()
              .dataSource(pool)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              .load()
              .migrate();
      LOG.info(
          "Database {} at schema version {} ({} migration(s) applied)",
          redact(url),
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
    return new Database(pool, url);
  }

  /** The URL without any password parameter, for logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(PASSWORD|CIPHER)=[^;]*", "$1=***");
  }

  public DataSource dataSource() {
    return pool;
  }

  public String url() {
    return url;
  }

  /** A connection with auto-commit off; the caller commits or rolls back. */
  public Connection begin() throws SQLException {
    Connection c = pool.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
  public <T> T inTransaction(Work<T> work) throws Exception {
    try (Connection c = begin()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Exception | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  /**
   * Makes every committed transaction durable before the caller acts on it (moves the file away,
   * acknowledges it): H2 keeps a commit in memory until its background writer saves it (up to
   * {@code WRITE_DELAY}, 500 ms), so a crash in that window would lose a commit the gateway had
   * already acted on. {@code CHECKPOINT SYNC} writes and fsyncs the store.
   */
  public void sync() throws SQLException {
    if (!url.startsWith("jdbc:h2:")) {
      return; // a server database's commit is durable when it returns
    }
    try (Connection c = pool.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("CHECKPOINT SYNC");
    }
  }

  /** Work done in one database transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws Exception;
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
