package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The start-up check removes the cases nothing belongs to, and only those. */
class StoreCheckTest {
  @Test
  void removesOnlyCasesThatNothingBelongsTo() throws Exception {
    try (Database db =
        Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2)) {
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
