package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.x12gw.TestFiles;
import dev.x12gw.config.ScrubberFiles;
import dev.x12gw.domain.scrub.RuleMiss;
import dev.x12gw.domain.scrub.ScrubRules;
import dev.x12gw.gateway.ScrubFeedback;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scrubber learning from the store's denials (bean of route {@code learn-scrub-rules}), on H2
 * and PostgreSQL, over {@code testdata/scrubber/learn}: the history of {@code BacktestCommandTest}
 * taken in by the intake, so the store's answer must be the offline backtest's. Payer 87726 denied
 * three of four knee MRIs (73721) CO-197 and three of nine claims CO-29, the shortest 100 days
 * after service; two office visits CO-197 are too few for a rule.
 */
class ScrubFeedbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static void loadHistory(TestStore store) throws Exception {
    Path history = TestFiles.testdata("scrubber").resolve("learn");
    try (Stream<Path> files = Files.list(history)) {
      for (Path f : files.sorted().toList()) {
        ControlRoomStoreTest.take(store, f, "learn/" + f.getFileName());
      }
    }
  }

  private ScrubFeedback feedback(TestStore store, ScrubRules rules) {
    return new ScrubFeedback(
        store.database(),
        rules,
        new RecordFactory(QueueNames.defaults()),
        3,
        0.2,
        dir.resolve("suggested-payer-rules.csv"),
        dir.resolve("backtest.json"),
        Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theStoresDenialsSuggestTheRulesTheBacktestSuggestsAndEachIsPublishedOnce(
      TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      loadHistory(store);
      ScrubFeedback feedback =
          feedback(store, ScrubberFiles.load(TestFiles.projectDir().resolve("config/scrubber")));

      assertThat(feedback.publish()).isEqualTo(2);
      List<String> csv =
          Files.readAllLines(dir.resolve("suggested-payer-rules.csv"), StandardCharsets.UTF_8);
      assertThat(csv)
          .containsExactly(
              String.join(",", ScrubberFiles.PAYER_RULE_COLUMNS),
              "SUGGESTED-AUTH-87726-73721,AUTHORIZATION_REQUIRED,87726,73721,73721,,197,,HARD_STOP,"
                  + "\"Suggested from 3 denial(s) CARC 197 of 73721 to payer 87726, 4 lines (75%),"
                  + " 3000.00 denied; e.g. PCN-MRI-1 PCN-MRI-2 PCN-MRI-3\"",
              "SUGGESTED-TIMELY-87726,TIMELY_FILING,87726,,,99,29,,HARD_STOP,\"Suggested from 3"
                  + " denial(s) CARC 29 of payer 87726's 9 claims (33%), 500.00 denied; e.g."
                  + " PCN-LATE-1 PCN-LATE-2 PCN-LATE-3\"");
      // a second run finds the same rules and publishes nothing again
      assertThat(feedback.publish()).isZero();

      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(
                  Files.readString(TestFiles.projectDir().resolve("docs/records-v1.schema.json")),
                  InputFormat.JSON);
      List<JsonNode> records = new ArrayList<>();
      try (Connection c = store.database().dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "select o.queue, b.body from outbox o join outbox_body b on b.seq = o.seq"
                      + " where o.record_type = 'SCRUB_RULE_SUGGESTED' order by o.seq");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          assertThat(rs.getString(1)).isEqualTo("x12.prebill");
          String body = Documents.unpack(rs.getBytes(2));
          assertThat(schema.validate(body, InputFormat.JSON)).as(body).isEmpty();
          records.add(JSON.readTree(body));
        }
      }
      assertThat(records).hasSize(2);
      JsonNode auth = records.get(0);
      assertThat(auth.path("ruleId").asText()).isEqualTo("SUGGESTED-AUTH-87726-73721");
      assertThat(auth.path("procedure").asText()).isEqualTo("73721");
      assertThat(auth.path("evidence").path("denials").asLong()).isEqualTo(3);
      assertThat(auth.path("evidence").path("volume").asLong()).isEqualTo(4);
      assertThat(auth.path("evidence").path("rate").asDouble()).isEqualTo(0.75);
      assertThat(auth.path("evidence").path("deniedDollars").decimalValue())
          .isEqualByComparingTo("3000.00");
      assertThat(auth.path("csvRow").asText()).isEqualTo(csv.get(1));
      JsonNode timely = records.get(1);
      assertThat(timely.path("kind").asText()).isEqualTo("TIMELY_FILING");
      assertThat(timely.path("procedure").isNull()).isTrue();
      assertThat(timely.path("value").asText()).isEqualTo("99");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void onceAcceptedTheRulesAreNoLongerSuggestedAndTheirMissesAreReported(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      loadHistory(store);
      Path rules = dir.resolve("rules");
      Files.createDirectories(rules);
      try (Stream<Path> files = Files.list(TestFiles.projectDir().resolve("config/scrubber"))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
          Files.copy(f, rules.resolve(f.getFileName()));
        }
      }
      feedback(store, ScrubberFiles.load(rules)).publish();
      // an engineer accepts both suggestions
      Files.copy(
          dir.resolve("suggested-payer-rules.csv"),
          rules.resolve("payer-rules.csv"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      ScrubFeedback.Learned after = feedback(store, ScrubberFiles.load(rules)).learn();
      assertThat(after.suggestions()).isEmpty();
      // the denials were of claims sent before the rules existed: each rule reports them as
      // denials it covers and did not hold
      assertThat(after.misses())
          .extracting(m -> m.rule().id() + " " + m.denials() + " " + m.deniedDollars())
          .containsExactly(
              "SUGGESTED-AUTH-87726-73721 3 3000.00", "SUGGESTED-TIMELY-87726 3 500.00");
      assertThat(after.misses().get(0).exampleClaims())
          .containsExactly("PCN-MRI-1", "PCN-MRI-2", "PCN-MRI-3");

      JsonNode answer = JSON.readTree(feedback(store, ScrubberFiles.load(rules)).feedback());
      assertThat(answer.path("backtest").isNull()).isTrue();
      assertThat(answer.path("suggestions")).isEmpty();
      assertThat(answer.path("misses")).hasSize(2);
      assertThat(answer.path("misses").get(0).path("ruleId").asText())
          .isEqualTo("SUGGESTED-AUTH-87726-73721");
      assertThat(after.misses()).allMatch((RuleMiss m) -> m.rule().kind().payerRule());
    }
  }
}
