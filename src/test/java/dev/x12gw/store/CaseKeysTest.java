package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code case_key}: an item joins the cases of its match keys; only its new keys are written. */
class CaseKeysTest {
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void anItemJoinsTheCaseOfAKeyItSharesAndOnlyItsNewKeysAreWritten(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      store
          .database()
          .inTransaction(
              c -> {
                Cases.Joined claim = Cases.join(c, List.of("C|87726|PCN1", "P|87726|ICN1"));
                assertThat(claim.alone()).isTrue();
                String firstWritten =
                    backend == TestStore.Backend.POSTGRESQL ? written(c, "P|87726|ICN1") : "";
                Cases.Joined payment =
                    Cases.join(c, List.of("C|87726|PCN1", "P|87726|ICN1", "C|EDI|PCN1"));
                assertThat(payment).isEqualTo(new Cases.Joined(claim.caseId(), false));
                assertThat(keys(c))
                    .containsOnlyKeys("C|87726|PCN1", "P|87726|ICN1", "C|EDI|PCN1")
                    .allSatisfy((key, row) -> assertThat(row).isEqualTo(claim.caseId()));
                if (backend == TestStore.Backend.POSTGRESQL) {
                  assertThat(written(c, "P|87726|ICN1"))
                      .as("a key the case had is not written again")
                      .isEqualTo(firstWritten);
                }
                // an item with a key of each of two cases merges them into the older one
                Cases.Joined other = Cases.join(c, List.of("C|87726|PCN2"));
                Cases.Joined both = Cases.join(c, List.of("C|87726|PCN2", "C|EDI|PCN1"));
                assertThat(both.caseId()).isEqualTo(Math.min(claim.caseId(), other.caseId()));
                assertThat(keys(c)).hasSize(4);
                assertThat(keys(c).values()).containsOnly(both.caseId());
                return null;
              });
    }
  }

  /** Every stored match key with its case. */
  private static Map<String, Long> keys(Connection c) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("select match_key, case_id from case_key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /**
   * PostgreSQL: the row's tuple id, another once the row was written again (an update writes a new
   * version of the row, even with the same values).
   */
  private static String written(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select ctid from case_key where match_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
