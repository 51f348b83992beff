package dev.x12gw.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.PrintStream;
import java.util.Enumeration;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * {@code x12gw browse [--limit N] [QUEUE...]}: prints the records waiting on the gateway's queues
 * without consuming them, one JSON object per line with its {@code queue}, as {@code analyze} does;
 * then, on standard error, each queue's message count as the broker itself counts it (its queue
 * metrics) beside how many were shown, and says so plainly when fewer were shown than the queue
 * holds (a {@code --limit}, or messages the broker has paged to disk, which a JMS browser does not
 * see).
 */
final class Browse {
  private Browse() {}

  /**
   * @param limit at most this many records per queue (0: all the browser can see)
   * @param summary where the per-queue counts go (standard error)
   */
  static int run(
      String brokerUrl,
      String user,
      String password,
      List<String> queues,
      int limit,
      PrintStream out,
      PrintStream summary)
      throws JMSException {
    ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(brokerUrl, user, password);
    Connection connection;
    try {
      connection = cf.createConnection();
    } catch (JMSException e) {
      cf.close();
      throw new JMSException(
          "cannot reach the broker at "
              + brokerUrl
              + " (is the gateway running?): "
              + e.getMessage());
    }
    boolean complete = true;
    try (cf;
        connection) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      for (String queue : queues) {
        long onQueue = messageCount(connection, queue);
        long shown = 0;
        boolean limited = false;
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
          Enumeration<?> messages = browser.getEnumeration();
          while (messages.hasMoreElements()) {
            if (limit > 0 && shown == limit) {
              limited = true;
              break;
            }
            Message m = (Message) messages.nextElement();
            if (m instanceof TextMessage text
                && text.getText() != null
                && text.getText().startsWith("{")) {
              StringBuilder line = new StringBuilder("{\"queue\":\"");
              JsonStringEncoder.getInstance().quoteAsString(queue, line);
              out.println(line.append("\",").append(text.getText(), 1, text.getText().length()));
            }
            shown++;
          }
        }
        out.flush();
        if (limited) {
          complete = false;
          summary.printf(
              "%s: %d message(s) on the queue; showed the first %d (--limit)%n",
              queue, onQueue, shown);
        } else if (onQueue >= 0 && shown < onQueue) {
          complete = false;
          summary.printf(
              "%s: %d message(s) on the queue; showed only %d: the broker's browser does not see"
                  + " messages it has paged to disk; consume the queue to read them all%n",
              queue, onQueue, shown);
        } else {
          summary.printf(
              "%s: %d message(s) on the queue; showed %d%n",
              queue, onQueue < 0 ? shown : onQueue, shown);
        }
      }
    }
    summary.flush();
    return complete ? X12gw.OK : X12gw.QUARANTINED;
  }

  /**
   * The queue's message count from the broker's management address (-1 when the broker does not
   * answer, e.g. a user without the manage permission).
   */
  private static long messageCount(Connection connection, String queue) {
    try {
      // a session of its own: closing the requestor closes its session
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      jakarta.jms.Queue management =
          org.apache.activemq.artemis.api.jms.ActiveMQJMSClient.createQueue("activemq.management");
      jakarta.jms.QueueRequestor requestor =
          new jakarta.jms.QueueRequestor((jakarta.jms.QueueSession) session, management);
      try {
        Message request = session.createMessage();
        org.apache.activemq.artemis.api.jms.management.JMSManagementHelper.putAttribute(
            request,
            org.apache.activemq.artemis.api.core.management.ResourceNames.QUEUE + queue,
            "messageCount");
        Message reply = requestor.request(request);
        if (reply == null
            || !org.apache.activemq.artemis.api.jms.management.JMSManagementHelper
                .hasOperationSucceeded(reply)) {
          return -1;
        }
        Object count =
            org.apache.activemq.artemis.api.jms.management.JMSManagementHelper.getResult(reply);
        return count instanceof Number n ? n.longValue() : -1;
      } finally {
        requestor.close();
      }
    } catch (Exception e) {
      return -1;
    }
  }
}
