package dev.x12gw.gateway;

import dev.x12gw.records.OutboundRecord;
import dev.x12gw.store.Database;
import dev.x12gw.store.Outbox;
import java.sql.Connection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel bean {@code outboxRelay}: moves queued records from the outbox to the broker. A batch is
 * sent in one JMS transaction and only then marked published, and every message carries its record
 * id as Artemis' duplicate id: a crash between the two re-sends the batch and the broker drops the
 * copies, so no record is lost or delivered twice.
 */
public final class OutboxRelay {
  /** Header naming the destination queue of a record. */
  public static final String QUEUE = "x12Queue";

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Database database;
  private final int batchSize;

  public OutboxRelay(Database database, int batchSize) {
    this.database = database;
    this.batchSize = batchSize;
  }

  /** The next records to publish, oldest first (empty when none). */
  public List<Outbox.Entry> pending() throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      return Outbox.pending(c, batchSize);
    }
  }

  /** Turns one outbox entry into the JMS message: JSON text body and selector headers. */
  public void prepare(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
    Message m = exchange.getMessage();
    OutboundRecord r = m.getMandatoryBody(Outbox.Entry.class).record();
    m.setHeader(QUEUE, r.queue());
    m.setHeader("recordType", r.recordType());
    m.setHeader("recordId", r.recordId());
    m.setHeader("payerId", r.payerId());
    m.setHeader("_AMQ_DUPL_ID", r.recordId());
    m.setBody(r.json());
  }

  /** Marks a batch published once its JMS transaction committed. */
  public void published(List<Outbox.Entry> batch) throws Exception {
    database.inTransaction(
        c -> {
          Outbox.markPublished(c, batch.stream().map(Outbox.Entry::seq).toList());
          return null;
        });
    if (LOG.isDebugEnabled()) {
      for (Outbox.Entry e : batch) {
        LOG.debug(
            "Published {} {} to {}",
            e.record().recordType(),
            e.record().recordId(),
            e.record().queue());
      }
    }
    java.util.Map<String, Long> byType = new java.util.TreeMap<>();
    for (Outbox.Entry e : batch) {
      byType.merge(e.record().recordType(), 1L, Long::sum);
    }
    LOG.info(
        "Published {} record(s) {} (outbox {}..{})",
        batch.size(),
        byType,
        batch.get(0).seq(),
        batch.get(batch.size() - 1).seq());
  }
}
