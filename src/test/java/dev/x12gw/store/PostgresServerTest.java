package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL server starts, and a store on it is migrated to the latest version. */
class PostgresServerTest {
  @Test
  void aStoreOnPostgresqlIsMigratedToTheLatestVersion() throws Exception {
    long t0 = System.nanoTime();
    try (TestStore store = TestStore.Backend.POSTGRESQL.open();
        Connection c = store.database().begin();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select version(), max(cast(version as int)) from flyway_schema_history"
                        + " where success")) {
      assertThat(rs.next()).isTrue();
      System.out.printf(
          "%s: started in %d ms, first store ready after %d ms%n",
          rs.getString(1),
          PostgresServer.get().startMillis(),
          (System.nanoTime() - t0) / 1_000_000);
      assertThat(rs.getString(1)).startsWith("PostgreSQL 17.");
      assertThat(rs.getInt(2)).isEqualTo(20);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      TestStore.Backend.POSTGRESQL.open().close();
    }
    System.out.printf("a new store then: %d ms%n", (System.nanoTime() - t1) / 5_000_000);
  }
}
