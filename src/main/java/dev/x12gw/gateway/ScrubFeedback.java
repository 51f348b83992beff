package dev.x12gw.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.x12gw.domain.scrub.RuleMiss;
import dev.x12gw.domain.scrub.RuleSuggestions;
import dev.x12gw.domain.scrub.ScrubRules;
import dev.x12gw.domain.scrub.SuggestedRule;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.store.Database;
import dev.x12gw.store.Outbox;
import dev.x12gw.store.ScrubFeedbackStore;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scrubber learning from denials (bean {@code scrubFeedback}, route {@code learn-scrub-rules}):
 * reads the store's history ({@link ScrubFeedbackStore}), learns rules from its denials and finds
 * the active rules that missed denials they cover ({@link RuleSuggestions}); writes the suggestions
 * to a CSV in {@code payer-rules.csv}'s format and queues each as a {@code SCRUB_RULE_SUGGESTED}
 * record, once per rule id. Serves {@code GET /api/v1/scrubber/feedback}: the last learning run and
 * the latest backtest report ({@code x12gw scrub --backtest --report}), the prevention figure the
 * dashboard shows beside the denial KPIs.
 */
public final class ScrubFeedback {
  private static final Logger LOG = LoggerFactory.getLogger(ScrubFeedback.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;
  private final ScrubRules rules;
  private final RecordFactory records;
  private final int minDenials;
  private final double minRate;
  private final Path suggestionsFile;
  private final Path backtestReport;
  private final Clock clock;
  private volatile Learned last;

  /** One learning run's result. */
  public record Learned(Instant at, List<SuggestedRule> suggestions, List<RuleMiss> misses) {
    public Learned {
      Objects.requireNonNull(at, "at");
      suggestions = List.copyOf(suggestions);
      misses = List.copyOf(misses);
    }
  }

  /**
   * @param rules the rule set in force
   * @param minDenials denials a cluster needs ({@code scrubber.learn.min-denials})
   * @param minRate denial rate a cluster needs ({@code scrubber.learn.min-rate})
   * @param suggestionsFile where the suggestions CSV is written ({@code
   *     scrubber.learn.suggestions-file})
   * @param backtestReport the backtest report the dashboard shows ({@code
   *     scrubber.backtest-report}); it may not exist
   */
  public ScrubFeedback(
      Database database,
      ScrubRules rules,
      RecordFactory records,
      int minDenials,
      double minRate,
      Path suggestionsFile,
      Path backtestReport,
      Clock clock) {
    this.database = database;
    this.rules = rules;
    this.records = records;
    new RuleSuggestions(rules, minDenials, minRate); // validates the thresholds at start
    this.minDenials = minDenials;
    this.minRate = minRate;
    this.suggestionsFile = suggestionsFile;
    this.backtestReport = backtestReport;
    this.clock = clock;
  }

  /** Learns from the store as it is now, without publishing or writing anything. */
  public Learned learn() throws Exception {
    RuleSuggestions learning = new RuleSuggestions(rules, minDenials, minRate);
    database.inTransaction(
        c -> {
          ScrubFeedbackStore.feed(c, learning);
          return null;
        });
    Learned l = new Learned(clock.instant(), learning.suggestions(), learning.misses());
    last = l;
    return l;
  }

  /**
   * The route's step: learns, writes the suggestions CSV and queues the suggestions not queued
   * before; returns how many were new.
   */
  public int publish() throws Exception {
    Learned l = learn();
    writeCsv(l.suggestions());
    int queued =
        database.inTransaction(
            c -> {
              int n = 0;
              for (SuggestedRule s : l.suggestions()) {
                if (Outbox.add(c, records.scrubRuleSuggested(s))) {
                  n++;
                }
              }
              return n;
            });
    LOG.info(
        "Scrub rules learned from the store's denials: {} suggested ({} new queued), {} active"
            + " rule(s) missed denials they cover; suggestions in {}",
        l.suggestions().size(),
        queued,
        l.misses().size(),
        suggestionsFile);
    return queued;
  }

  private void writeCsv(List<SuggestedRule> suggestions) throws IOException {
    Path dir = suggestionsFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".suggested", ".tmp");
    Files.write(tmp, RuleSuggestions.csv(suggestions), StandardCharsets.UTF_8);
    Files.move(
        tmp, suggestionsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * GET /api/v1/scrubber/feedback: the backtest report (null before one was written), the last
   * learning run's suggestions and rule misses (learned now when none ran yet).
   */
  public String feedback() throws Exception {
    Learned l = last != null ? last : learn();
    ObjectNode o = JSON.createObjectNode();
    o.set("backtest", backtest());
    o.put("learnedAt", l.at().toString());
    ArrayNode suggestions = o.putArray("suggestions");
    for (SuggestedRule s : l.suggestions()) {
      suggestions.add(JSON.readTree(records.scrubRuleSuggested(s).json()));
    }
    ArrayNode misses = o.putArray("misses");
    for (RuleMiss m : l.misses()) {
      ObjectNode n = misses.addObject();
      n.put("ruleId", m.rule().id());
      n.put("kind", m.rule().kind().name());
      n.put("payerId", m.rule().payerId());
      n.put("carc", m.rule().carc());
      n.put("severity", m.rule().severity().name());
      n.put("denials", m.denials());
      n.put("deniedDollars", m.deniedDollars().setScale(2, RoundingMode.HALF_UP));
      ArrayNode examples = n.putArray("exampleClaims");
      m.exampleClaims().forEach(examples::add);
    }
    return JSON.writeValueAsString(o);
  }

  /** The backtest report as written by {@code x12gw scrub --backtest --report}, or JSON null. */
  JsonNode backtest() {
    if (!Files.isRegularFile(backtestReport)) {
      return JSON.nullNode();
    }
    try {
      JsonNode report = JSON.readTree(backtestReport.toFile());
      return report == null || !report.isObject() ? JSON.nullNode() : report;
    } catch (IOException e) {
      LOG.warn(
          "{}: not a backtest report ({}); the dashboard shows none",
          backtestReport,
          e.getMessage());
      return JSON.nullNode();
    }
  }
}
