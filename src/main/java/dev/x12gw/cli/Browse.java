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
 * {@code x12gw browse [QUEUE...]}: prints the records waiting on the gateway's queues without
 * consuming them, one JSON object per line with its {@code queue}, as {@code analyze} does.
 */
final class Browse {
  private Browse() {}

  static int run(
      String brokerUrl, String user, String password, List<String> queues, PrintStream out)
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
    try (cf;
        connection) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      for (String queue : queues) {
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
          Enumeration<?> messages = browser.getEnumeration();
          while (messages.hasMoreElements()) {
            Message m = (Message) messages.nextElement();
            if (m instanceof TextMessage text
                && text.getText() != null
                && text.getText().startsWith("{")) {
              StringBuilder line = new StringBuilder("{\"queue\":\"");
              JsonStringEncoder.getInstance().quoteAsString(queue, line);
              out.println(line.append("\",").append(text.getText(), 1, text.getText().length()));
            }
          }
        }
      }
    }
    out.flush();
    return X12gw.OK;
  }
}
