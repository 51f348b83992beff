package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The store's PostgreSQL connections plan each execution of a prepared statement for its values and
 * the tables as they are now: a generic plan made while the store was empty (a sequential scan of
 * {@code case_key}) would otherwise be kept while the tables grow, and each match-key lookup of a
 * file would cost more than the one before.
 */
class PostgresConnectionsTest {
  @Test
  void everyPooledConnectionPlansEachExecutionForItsValues() throws Exception {
    try (TestStore store = TestStore.Backend.POSTGRESQL.open()) {
      for (int i = 0; i < 3; i++) {
        try (Connection c = store.database().begin();
            Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("show plan_cache_mode")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
          c.rollback();
        }
      }
    }
  }
}
