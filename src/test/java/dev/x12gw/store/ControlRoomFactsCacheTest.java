package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.controlroom.ControlRoomFacts;
import dev.x12gw.gateway.ControlRoomFactsCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The control room's facts in memory follow the store: read once while nothing changes, read again
 * (and waited for) when a small store changed, answered from the facts at hand while a store too
 * large for the answer budget is read again behind them, and read again after their maximum age.
 */
class ControlRoomFactsCacheTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-12-07");

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theFactsFollowTheStore(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      new ControlRoomFill(store.database(), AS_OF, 3).fill(300, n -> {});
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());

      try (ControlRoomFactsCache cache =
          new ControlRoomFactsCache(cr, Duration.ofMinutes(5), Duration.ofSeconds(1))) {
        ControlRoomFacts first = cache.facts();
        assertThat(first.findings()).isEqualTo(300);
        assertThat(cache.facts()).as("nothing changed: the same facts").isSameAs(first);
        assertThat(cache.loadedAt()).isNotNull();

        addFirstPass(store, 9_000_001L);
        ControlRoomFacts second = cache.facts();
        assertThat(second).as("a small store is read again before answering").isNotSameAs(first);
        assertThat(second.claims()).isEqualTo(first.claims() + 1);
      }

      try (ControlRoomFactsCache cache =
          new ControlRoomFactsCache(cr, Duration.ofMinutes(5), Duration.ZERO)) {
        ControlRoomFacts first = cache.facts();
        addFirstPass(store, 9_000_002L);
        assertThat(cache.facts())
            .as("no budget for a read: the facts at hand answer while they are read again")
            .isSameAs(first);
        cache.awaitLoad();
        assertThat(cache.facts().claims()).isEqualTo(first.claims() + 1);
      }

      try (ControlRoomFactsCache cache =
          new ControlRoomFactsCache(cr, Duration.ZERO, Duration.ofSeconds(1))) {
        ControlRoomFacts first = cache.facts();
        assertThat(cache.facts()).as("past their maximum age").isNotSameAs(first);
      }
    }
  }

  /** A claim case first adjudicated on {@code AS_OF}, as the intake would store one. */
  private static void addFirstPass(TestStore store, long id) throws Exception {
    try (Connection c = store.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into claim_case (id, status, billed_amount, paid_amount,"
                    + " patient_responsibility, recouped_amount, open_denied_amount,"
                    + " recovered_amount, updated_at, payer_id, billing_npi, service_line,"
                    + " first_pass_on, first_outcome, first_billed, first_denied_amount,"
                    + " first_lines, first_denied_lines, first_clean) values (?, 'PAID', 100, 100,"
                    + " 0, 0, 0, 0, ?, '60054', '1234567893', 'OTHER', ?, 'PAID', 100, 0, 1, 0,"
                    + " true)")) {
      ps.setLong(1, id);
      ps.setTimestamp(2, Timestamp.valueOf(AS_OF.atStartOfDay()));
      ps.setObject(3, AS_OF);
      ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
