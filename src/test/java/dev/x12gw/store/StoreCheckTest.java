package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The start-up check removes the cases nothing belongs to, and only those. */
class StoreCheckTest {
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void removesOnlyCasesThatNothingBelongsTo(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      Database db = store.database();
      long kept =
          db.inTransaction(
              c -> {
                Cases.Joined joined = Cases.join(c, List.of("C|87726|PCN1"));
                Cases.join(c, List.of()); // a case with no key and no item: an orphan
                return joined.caseId();
              });
      assertThat(StoreCheck.run(db)).isEqualTo(1);
      assertThat(StoreCheck.run(db)).isZero();
      List<Long> left = new ArrayList<>();
      try (Connection c = db.begin();
          ResultSet rs = c.createStatement().executeQuery("select id from claim_case")) {
        while (rs.next()) {
          left.add(rs.getLong(1));
        }
      }
      assertThat(left).containsExactly(kept);
    }
  }
}
