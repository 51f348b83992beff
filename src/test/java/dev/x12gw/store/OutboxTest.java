package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.records.OutboundRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox on a real H2 store: batches in queue order, each read from the index's head. */
class OutboxTest {
  @Test
  void pendingBatchesComeOldestFirstAndMarkedOnesAreNotReadAgain() throws Exception {
    try (Database db =
        Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2)) {
      db.inTransaction(
          c -> {
            for (int i = 0; i < 7; i++) {
              assertThat(Outbox.add(c, record("r" + i))).isTrue();
            }
            assertThat(Outbox.add(c, record("r3"))).as("queued once per record id").isFalse();
            return null;
          });
      List<Outbox.Entry> first = db.inTransaction(c -> Outbox.pending(c, 3));
      assertThat(first).extracting(e -> e.record().recordId()).containsExactly("r0", "r1", "r2");
      db.inTransaction(
          c -> {
            Outbox.markPublished(c, first.stream().map(Outbox.Entry::seq).toList());
            return null;
          });
      List<Outbox.Entry> rest = db.inTransaction(c -> Outbox.pending(c, 10));
      assertThat(rest)
          .extracting(e -> e.record().recordId())
          .containsExactly("r3", "r4", "r5", "r6");
      assertThat(rest.get(0).record().json()).isEqualTo("{\"id\":\"r3\"}");
    }
  }

  @Test
  void aBatchIsReadFromTheHeadOfThePendingIndexNotSortedFromAllPendingRows() throws Exception {
    try (Database db =
            Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        Connection c = db.begin();
        ResultSet rs =
            c.createStatement().executeQuery("explain " + Outbox.PENDING.replace("?", "500"))) {
      // the statement of Outbox.pending, as H2 plans it: the batch costs O(batch), not O(outbox)
      rs.next();
      assertThat(rs.getString(1)).contains("OUTBOX_PENDING").contains("/* index sorted */");
    }
  }

  private static OutboundRecord record(String id) {
    return new OutboundRecord(
        id, "CLAIM_DENIAL", "x12.denials", "87726", "{\"id\":\"" + id + "\"}");
  }
}
