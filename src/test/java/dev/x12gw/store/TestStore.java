package dev.x12gw.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh store for one test, on one of the backends the gateway supports: H2 in memory, or a
 * database of its own on the embedded PostgreSQL server ({@link PostgresServer}). Closing it closes
 * the pool and drops the PostgreSQL database.
 */
public record TestStore(Backend backend, Database database, String url) implements AutoCloseable {
  /** A backend of the store. */
  public enum Backend {
    H2,
    POSTGRESQL;

    /** A new store with the schema migrated. */
    public TestStore open() {
      String url =
          this == H2
              ? "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
              : PostgresServer.get().newDatabase();
      return new TestStore(this, Database.open(url, user(), "", 2), url);
    }

    /** The user a test connects as. */
    public String user() {
      return this == H2 ? "sa" : PostgresServer.user();
    }
  }

  /** Every backend: what a store test is parameterized with. */
  public static List<Backend> backends() {
    return List.of(Backend.values());
  }

  /**
   * Empties every table and restarts every identity and sequence: the store as {@link Backend#open}
   * made it, without making another (a new PostgreSQL database takes a few tenths of a second).
   */
  public void reset() throws SQLException {
    try (Connection c = database.begin();
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "select table_name from information_schema.tables where table_schema ="
                  + " current_schema() and table_type = 'BASE TABLE'"
                  + " and lower(table_name) <> 'flyway_schema_history'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (backend == Backend.POSTGRESQL) {
        st.execute("truncate table " + String.join(", ", tables) + " restart identity");
      } else {
        st.execute("set referential_integrity false");
        for (String t : tables) {
          st.execute("truncate table " + t + " restart identity");
        }
        st.execute("set referential_integrity true");
      }
      st.execute("alter sequence ack_control_number restart with 1");
      c.commit();
    }
  }

  @Override
  public void close() {
    database.close();
    if (backend == Backend.POSTGRESQL) {
      PostgresServer.get().drop(url);
    }
  }
}
