package dev.x12gw.gateway;

import dev.x12gw.records.OutboundRecord;
import dev.x12gw.store.Database;
import dev.x12gw.store.Outbox;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel bean {@code outboxRelay}: moves queued records from the outbox to the broker. A batch is
 * sent in one JMS transaction and only then marked published, and every message carries its record
 * id as Artemis' duplicate id: a crash between the two re-sends the batch and the broker drops the
 * copies, so no record is lost or delivered twice.
 *
 * <p>The batch is sent here, on one transacted session with one producer, rather than as one Camel
 * exchange per record through the jms component: a batch then costs its messages and one commit
 * (measured: about 4× the records per second of a split over {@code jms:} endpoints).
 */
public final class OutboxRelay {
  /** JMS string property: Artemis' duplicate-detection id. */
  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Database database;
  private final int batchSize;
  private final ConnectionFactory broker;
  private final String brokerName;
  private final String node;
  private final java.time.Duration lease;
  private boolean leader;
  private java.time.Instant renewAfter = java.time.Instant.MIN;

  /**
   * @param broker a pooling connection factory (a connection and session per batch)
   * @param brokerName the broker as a failure to connect to it names it (its URL without secrets,
   *     and what to check: e.g. the trust store of a TLS broker)
   * @param node this gateway node's name
   * @param lease how long the relay's lease lasts without a batch renewing it
   */
  public OutboxRelay(
      Database database,
      int batchSize,
      ConnectionFactory broker,
      String brokerName,
      String node,
      java.time.Duration lease) {
    this.database = database;
    this.batchSize = batchSize;
    this.broker = broker;
    this.brokerName = brokerName;
    this.node = node;
    this.lease = lease;
  }

  /**
   * The next records to publish, oldest first: empty when none, or when another node's relay holds
   * the lease (it publishes them).
   */
  public List<Outbox.Entry> pending() throws Exception {
    java.time.Instant now = java.time.Instant.now();
    List<Outbox.Entry> batch = null;
    if (leader && now.isBefore(renewAfter)) {
      batch = read();
      if (batch.isEmpty()) {
        return batch; // idle: the lease is not written at each tick (an idle relay ticks often)
      }
    }
    // a batch to send: it starts with a whole lease, renewed now
    boolean leads = database.inTransaction(c -> Outbox.leaseRelay(c, node, now, now.plus(lease)));
    renewAfter = now.plus(lease.dividedBy(3));
    if (leads != leader) {
      leader = leads;
      if (leads) {
        LOG.info("Outbox relay: node {} publishes the outbox", node);
      } else {
        String holder = database.inTransaction(Outbox::relayLeaseHolder);
        LOG.info(
            "Outbox relay: node {} publishes the outbox; this node ({}) stands by", holder, node);
      }
    }
    if (!leads) {
      return List.of();
    }
    return batch != null ? batch : read();
  }

  private List<Outbox.Entry> read() throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      return Outbox.pending(c, batchSize);
    }
  }

  /**
   * Sends a batch in one JMS transaction: all of it reaches the broker or none of it (the broker
   * refuses the whole transaction when it already holds one of its record ids).
   */
  public void send(List<Outbox.Entry> batch) throws JMSException {
    try (jakarta.jms.Connection connection = connect();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(null)) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      Map<String, Queue> queues = new HashMap<>();
      for (Outbox.Entry e : batch) {
        OutboundRecord r = e.record();
        producer.send(
            queues.computeIfAbsent(r.queue(), q -> queue(session, q)), message(session, r));
      }
      session.commit();
    }
  }

  /**
   * Sends a batch one durable message at a time, each confirmed by the broker, which silently drops
   * a record id it already holds: the way through after a crash left part of a batch delivered.
   */
  public void sendOneByOne(List<Outbox.Entry> batch) throws JMSException {
    try (jakarta.jms.Connection connection = connect();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(null)) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      for (Outbox.Entry e : batch) {
        OutboundRecord r = e.record();
        producer.send(session.createQueue(r.queue()), message(session, r));
      }
    }
  }

  /**
   * A connection to the broker; a failure names the broker (the Artemis client's own message does
   * not, nor that a TLS handshake failed: it logs that apart, as AMQ214016).
   */
  private jakarta.jms.Connection connect() throws JMSException {
    try {
      return broker.createConnection();
    } catch (JMSException e) {
      throw new BrokerUnreachableException(brokerName, e);
    }
  }

  private static Queue queue(Session session, String name) {
    try {
      return session.createQueue(name);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot name queue " + name, e);
    }
  }

  /** The JMS message of a record: its JSON text and the selector properties. */
  private static TextMessage message(Session session, OutboundRecord r) throws JMSException {
    TextMessage m = session.createTextMessage(r.json());
    m.setStringProperty("recordType", r.recordType());
    m.setStringProperty("recordId", r.recordId());
    m.setStringProperty("payerId", r.payerId());
    m.setStringProperty(DUPLICATE_ID, r.recordId());
    return m;
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
