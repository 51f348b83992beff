package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.records.OutboundRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox on a real H2 store: batches in queue order, each read from the index's head. */
class OutboxTest {
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void pendingBatchesComeOldestFirstAndMarkedOnesAreNotReadAgain(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      Database db = store.database();
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

  @Test
  void aBatchIsMarkedPublishedByOneStatementThatFindsEachRowByItsPrimaryKey() throws Exception {
    try (Database db =
            Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        Connection c = db.begin();
        java.sql.PreparedStatement ps = c.prepareStatement("explain " + Outbox.MARK_PUBLISHED)) {
      ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now()));
      ps.setArray(2, c.createArrayOf("bigint", new Long[] {1L, 2L, 3L}));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        // an index lookup names its condition: "/* PUBLIC.PRIMARY_KEY_8: SEQ IN(...) */"
        assertThat(rs.getString(1)).containsPattern("PRIMARY_KEY_\\w*: SEQ IN\\(");
      }
    }
  }

  private static OutboundRecord record(String id) {
    return new OutboundRecord(
        id, "CLAIM_DENIAL", "x12.denials", "87726", "{\"id\":\"" + id + "\"}");
  }
}
