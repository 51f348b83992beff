package dev.x12gw.gateway;

import dev.x12gw.records.QueueNames;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A billing system's consumer in tests: drains every record queue of a broker. */
final class RecordDrain {
  private RecordDrain() {}

  /**
   * Consumes records from every queue of the broker at {@code url} until {@code expected} distinct
   * record ids arrived, then until the queues stay quiet for {@code quiet} (or {@code timeout} is
   * over): every record id with how often it arrived; each id's first body goes to {@code bodies}.
   */
  static Map<String, Integer> consume(
      String url, long expected, Duration timeout, Duration quiet, Map<String, String> bodies)
      throws JMSException {
    Map<String, Integer> seen = new TreeMap<>();
    ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(url);
    try (cf;
        Connection c = cf.createConnection()) {
      c.start();
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      List<MessageConsumer> consumers = new ArrayList<>();
      for (String q : QueueNames.defaults().all()) {
        consumers.add(s.createConsumer(s.createQueue(q)));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      long quietSince = System.nanoTime();
      while (true) {
        boolean any = false;
        for (MessageConsumer consumer : consumers) {
          Message m;
          while ((m = consumer.receiveNoWait()) != null) {
            take(m, seen, bodies);
            any = true;
          }
        }
        long now = System.nanoTime();
        if (any) {
          quietSince = now;
        }
        if (seen.size() >= expected && now - quietSince >= quiet.toNanos() || now > deadline) {
          return seen;
        }
        if (!any) {
          Message m = consumers.get(0).receive(20);
          if (m != null) {
            take(m, seen, bodies);
            quietSince = System.nanoTime();
          }
        }
      }
    }
  }

  private static void take(Message m, Map<String, Integer> seen, Map<String, String> bodies)
      throws JMSException {
    String id = m.getStringProperty("recordId");
    seen.merge(id, 1, Integer::sum);
    bodies.putIfAbsent(id, m.getBody(String.class));
  }
}
