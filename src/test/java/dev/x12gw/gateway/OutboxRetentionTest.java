package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.records.OutboundRecord;
import dev.x12gw.store.Database;
import dev.x12gw.store.Outbox;
import dev.x12gw.store.TestStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outbox retention on a real store, H2 and PostgreSQL: old published bodies go, everything else
 * stays.
 */
class OutboxRetentionTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void dropsOnlyTheBodiesOfRecordsPublishedBeforeTheRetentionAndKeepsTheirIds(
      TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      Database db = store.database();
      // 12,000 published 8 days ago (more than one chunk), one published 6 days ago, one pending
      db.inTransaction(
          c -> {
            for (int i = 0; i < 12_002; i++) {
              Outbox.add(c, record("r" + i));
            }
            return null;
          });
      List<Long> old = new ArrayList<>();
      for (long seq = 1; seq <= 12_000; seq++) {
        old.add(seq);
      }
      publish(db, old, NOW.minus(Duration.ofDays(8)));
      publish(db, List.of(12_001L), NOW.minus(Duration.ofDays(6)));

      OutboxRetention retention =
          new OutboxRetention(db, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
      assertThat(retention.purge()).isEqualTo(12_000);
      assertThat(retention.purge()).isZero();

      TreeMap<String, Long> bodies = new TreeMap<>();
      try (Connection c = db.begin();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select b, count(*) from (select case when b.body is null then 'dropped'"
                          + " else 'kept' end b from outbox o left join outbox_body b"
                          + " on b.seq = o.seq) x group by b")) {
        while (rs.next()) {
          bodies.put(rs.getString(1), rs.getLong(2));
        }
      }
      assertThat(bodies).containsEntry("dropped", 12_000L).containsEntry("kept", 2L);
      // the pending record is still relayed with its body
      try (Connection c = db.begin()) {
        assertThat(Outbox.pending(c, 10))
            .singleElement()
            .satisfies(e -> assertThat(e.record().json()).isEqualTo("{\"id\":\"r12001\"}"));
      }
      // a dropped record's id is still known: never queued twice
      boolean queuedAgain = db.inTransaction(c -> Outbox.add(c, record("r7")));
      assertThat(queuedAgain).isFalse();
    }
  }

  @Test
  void refusesANegativeRetention() {
    assertThatThrownBy(() -> new OutboxRetention(null, Duration.ofDays(-1), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outbox.retention");
  }

  private static OutboundRecord record(String id) {
    return new OutboundRecord(
        id, "CLAIM_DENIAL", "x12.denials", "87726", "{\"id\":\"" + id + "\"}");
  }

  private static void publish(Database db, List<Long> seqs, Instant at) throws Exception {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update outbox set published_at = ? where seq = ?")) {
            for (long seq : seqs) {
              ps.setTimestamp(1, Timestamp.from(at));
              ps.setLong(2, seq);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }
}
