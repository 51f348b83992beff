package dev.x12gw.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's store, H2 or PostgreSQL: a connection pool with the schema migrated by Flyway at
 * start.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final DataSource pool;
  private final AutoCloseable closePool;
  private final String url;
  private final Dialect dialect;
  private volatile boolean compactOnClose;

  private Database(DataSource pool, AutoCloseable closePool, String url, Dialect dialect) {
    this.pool = pool;
    this.closePool = closePool;
    this.url = url;
    this.dialect = dialect;
  }

  /**
   * Opens the database and applies pending migrations: those of {@code db/migration/common} and the
   * vendor's own of {@code db/migration/h2} or {@code db/migration/postgresql}.
   *
   * @param url JDBC URL, e.g. {@code jdbc:h2:file:./var/db/gateway} or {@code
   *     jdbc:postgresql://db.example.org:5432/x12gw}
   */
  public static Database open(String url, String user, String password, int maxConnections) {
    return open(url, user, password, maxConnections, java.time.Duration.ofSeconds(10));
  }

  /**
   * @param connectionTimeout PostgreSQL: how long a unit of work waits for a connection (the server
   *     down: then it fails as unavailable, and the file is tried again later)
   */
  public static Database open(
      String url,
      String user,
      String password,
      int maxConnections,
      java.time.Duration connectionTimeout) {
    Dialect dialect = Dialect.ofUrl(url);
    DataSource pool;
    AutoCloseable closePool;
    if (dialect == Dialect.H2) {
      JdbcConnectionPool h2 = JdbcConnectionPool.create(url, user, password);
      h2.setMaxConnections(maxConnections);
      pool = h2;
      closePool = h2::dispose;
    } else {
      HikariConfig config = new HikariConfig();
      config.setPoolName("x12gw-store");
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(maxConnections);
      config.setMinimumIdle(Math.min(2, maxConnections));
      config.setConnectionTimeout(connectionTimeout.toMillis());
      // A prepared statement's generic plan is made once per connection, from the statistics of
      // then: for a store that starts empty that is a sequential scan, kept while the tables grow
      // (a match-key lookup took 3-10 ms within one 2 MB file, and the file's time grew with the
      // square of its size). Each execution is planned for its values and the table's size now.
      config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
      HikariDataSource hikari = new HikariDataSource(config);
      pool = hikari;
      closePool = hikari::close;
    }
    try {
      var result =
          Flyway.configure()
              .dataSource(pool)
              .locations(dialect.migrationLocations())
              .javaMigrations(new V12__CompactStore())
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
      close(closePool);
      throw e;
    }
    return new Database(pool, closePool, url, dialect);
  }

  private static void close(AutoCloseable pool) {
    try {
      pool.close();
    } catch (Exception e) {
      throw new StoreException("cannot close the connection pool", e);
    }
  }

  /** The URL without any password parameter, for logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(PASSWORD|CIPHER)=[^;&]*", "$1=***");
  }

  public DataSource dataSource() {
    return pool;
  }

  public String url() {
    return url;
  }

  /**
   * Whether units of work of several files may run at once: PostgreSQL locks each item's match keys
   * and cases ({@code Cases.join}), so claims and remittances of one case meet whatever the order;
   * H2 (one process's store) has no such locks, and its files take turns.
   */
  public boolean locksMatchKeys() {
    return dialect == Dialect.POSTGRESQL;
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
    if (dialect != Dialect.H2) {
      return; // a server database's commit is durable when it returns
    }
    try (Connection c = pool.getConnection()) {
      dialect.makeDurable(c);
    }
  }

  /** Work done in one database transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws Exception;
  }

  /**
   * H2 only: {@link #close} rewrites the store into a new file holding its live data only ({@code
   * SHUTDOWN COMPACT}). H2 writes pages copy-on-write and keeps the chunks it replaced for 45 s, so
   * its file grows with what was written, not with what is kept; this gives the space back once per
   * run (measured: 429 MB while a 100 MB 835 was read, 125 MB compacted, in 2.8 s). H2 writes the
   * new file beside the old one and renames it into place: a crash meanwhile leaves the old file,
   * and H2 removes the partial new one when it next opens the store.
   */
  public void compactOnClose(boolean compact) {
    this.compactOnClose = compact;
  }

  @Override
  public void close() {
    if (compactOnClose && dialect == Dialect.H2) {
      compact();
    }
    close(closePool);
  }

  private void compact() {
    long start = System.nanoTime();
    try (Connection c = pool.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("SHUTDOWN COMPACT");
      LOG.info("Store compacted at close in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      LOG.warn("Store not compacted at close: {}", e.getMessage());
    }
  }
}
