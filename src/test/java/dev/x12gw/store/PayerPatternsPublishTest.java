package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.domain.controlroom.PatternPolicy;
import dev.x12gw.gateway.PayerPatterns;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The {@code detect-payer-patterns} route's bean over a store of scenarios: the last complete
 * month's patterns go to the outbox as {@code PAYER_PATTERN} records for {@code x12.alerts}, once
 * however often it runs. The gates are opened wide (volume 1, lift 0, alpha 0.5) so that the
 * scenarios' few claims make patterns; the test itself is {@code PayerPatternDetectorTest}'s.
 */
class PayerPatternsPublishTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("dev.x12gw.store.TestStore#backends")
  void theLastCompleteMonthsPatternsAreQueuedOnceForTheAlertsQueue(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      ControlRoomStoreTest.load(store, ControlRoomStoreTest.SCENARIOS);
      PayerPatterns patterns =
          new PayerPatterns(
              store.database(),
              new dev.x12gw.gateway.ControlRoomFactsCache(
                  new ControlRoomStore(store.database().dataSource()),
                  java.time.Duration.ofMinutes(5),
                  java.time.Duration.ofSeconds(1)),
              new RecordFactory(QueueNames.defaults()),
              new PatternPolicy(6, 1, 1, BigDecimal.ZERO, 0.5, false),
              Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));
      int expected = patterns.records(java.time.YearMonth.of(2026, 11)).size();
      assertThat(expected).isPositive();

      assertThat(patterns.publish()).isEqualTo(expected);
      assertThat(patterns.publish()).isZero();

      List<String> rows = new ArrayList<>();
      try (Connection c = store.database().dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "select o.record_type, o.queue, b.body from outbox o join outbox_body b on"
                      + " b.seq = o.seq where o.record_type = 'PAYER_PATTERN'");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          var record = JSON.readTree(Documents.unpack(rs.getBytes(3)));
          assertThat(rs.getString(2)).isEqualTo("x12.alerts");
          assertThat(record.path("recordType").asText()).isEqualTo("PAYER_PATTERN");
          assertThat(record.path("period").asText()).isEqualTo("2026-11");
          rows.add(record.path("recordId").asText());
        }
      }
      assertThat(rows).hasSize(expected).doesNotHaveDuplicates();
    }
  }
}
