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

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void aFindingsRecordIsQueuedOnceItsCaseHoldsTheFinding(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      store
          .database()
          .inTransaction(
              c -> {
                Dialect d = Dialect.of(c);
                assertThat(Outbox.addFinding(c, d, 5, record("f1"), null)).isTrue();
                finding(c, 5L, "k1", "f1"); // stored with it, as the reconciler does
                assertThat(Outbox.addFinding(c, d, 5, record("f1"), null))
                    .as("case 5 had it")
                    .isFalse();
                assertThat(Outbox.addFinding(c, d, 0, record("f2"), null)).isTrue();
                finding(c, null, "k2", "f2"); // a transaction set's finding: no case
                assertThat(Outbox.addFinding(c, d, 0, record("f2"), null)).isFalse();
                // a record that is not a finding's is checked by its own id
                assertThat(Outbox.add(c, d, record("w1"))).isTrue();
                assertThat(Outbox.add(c, d, record("w1"))).isFalse();
                return null;
              });
      List<Outbox.Entry> queued = store.database().inTransaction(c -> Outbox.pending(c, 10));
      assertThat(queued).extracting(e -> e.record().recordId()).containsExactly("f1", "f2", "w1");
    }
  }

  private static void finding(Connection c, Long caseId, String key, String recordId)
      throws Exception {
    try (var ps =
        c.prepareStatement(
            "insert into finding (finding_key, record_id, case_id, record_type, created_at)"
                + " values (?,?,?,'CLAIM_DENIAL',current_timestamp)")) {
      ps.setString(1, key);
      ps.setString(2, recordId);
      if (caseId == null) {
        ps.setNull(3, java.sql.Types.BIGINT);
      } else {
        ps.setLong(3, caseId);
      }
      ps.executeUpdate();
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
  void aBatchIsMarkedPublishedByAStatementThatFindsEachRowByItsPrimaryKey() throws Exception {
    try (Database db =
            Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        Connection c = db.begin();
        java.sql.PreparedStatement ps = c.prepareStatement("explain " + Outbox.MARK_PUBLISHED)) {
      ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now()));
      ps.setLong(2, 1L);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        // an index lookup names its condition: "/* PUBLIC.PRIMARY_KEY_8: SEQ = ?2 */"
        assertThat(rs.getString(1)).containsPattern("PRIMARY_KEY_\\w*: SEQ = ");
      }
    }
  }

  private static OutboundRecord record(String id) {
    return new OutboundRecord(
        id, "CLAIM_DENIAL", "x12.denials", "87726", "{\"id\":\"" + id + "\"}");
  }
}
