package dev.x12gw.gateway;

import dev.x12gw.domain.controlroom.PatternPolicy;
import dev.x12gw.domain.controlroom.PayerPattern;
import dev.x12gw.domain.controlroom.PayerPatternDetector;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.store.Database;
import dev.x12gw.store.Outbox;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payer patterns (bean {@code payerPatterns}, route {@code detect-payer-patterns}): the last
 * complete month's payer × family × service line rates tested against each payer's own baseline and
 * the other payers ({@link PayerPatternDetector}); each pattern is queued in the outbox as a {@code
 * PAYER_PATTERN} record for {@code x12.alerts}, once (its record id is its facts).
 */
public final class PayerPatterns {
  private static final Logger LOG = LoggerFactory.getLogger(PayerPatterns.class);

  private final Database database;
  private final ControlRoomFactsCache facts;
  private final RecordFactory records;
  private final PatternPolicy policy;
  private final Clock clock;

  public PayerPatterns(
      Database database,
      ControlRoomFactsCache facts,
      RecordFactory records,
      PatternPolicy policy,
      Clock clock) {
    this.database = database;
    this.facts = facts;
    this.records = records;
    this.policy = policy;
    this.clock = clock;
  }

  /** The patterns of {@code period} (a month) against the months before it. */
  public List<PayerPattern> detect(YearMonth period) {
    return PayerPatternDetector.detect(
        facts.facts().patternCells(period.minusMonths(policy.baselineMonths()), period),
        period,
        policy);
  }

  /** The records of {@link #detect}, as published. */
  public List<OutboundRecord> records(YearMonth period) {
    List<OutboundRecord> out = new ArrayList<>();
    for (PayerPattern p : detect(period)) {
      out.add(records.payerPattern(p));
    }
    return out;
  }

  /**
   * Detects the patterns of the last complete month and queues the records not queued before;
   * returns how many were new.
   */
  public int publish() throws Exception {
    YearMonth period = YearMonth.now(clock).minusMonths(1);
    List<OutboundRecord> found = records(period);
    int queued =
        database.inTransaction(
            c -> {
              int n = 0;
              for (OutboundRecord r : found) {
                if (Outbox.add(c, r)) {
                  n++;
                }
              }
              return n;
            });
    if (queued > 0) {
      LOG.info(
          "Payer patterns of {}: {} found, {} new queued for publishing",
          period,
          found.size(),
          queued);
    } else {
      LOG.debug("Payer patterns of {}: {} found, none new", period, found.size());
    }
    return queued;
  }
}
