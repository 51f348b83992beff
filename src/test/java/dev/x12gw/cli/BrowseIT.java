package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.gateway.EmbeddedBroker;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code x12gw browse} against a real broker: every message, the broker's counts, --limit. */
class BrowseIT {
  @TempDir Path dir;
  private EmbeddedBroker broker;
  private String url;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    broker =
        new EmbeddedBroker(
            dir.resolve("artemis"),
            "127.0.0.1",
            port,
            1000,
            16,
            List.of("x12.denials", "x12.errors"));
    broker.start();
    url = broker.tcpUrl();
    try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(url);
        Connection c = cf.createConnection()) {
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer p = s.createProducer(s.createQueue("x12.denials"));
      for (int i = 0; i < 5; i++) {
        TextMessage m = s.createTextMessage("{\"recordId\":\"r" + i + "\"}");
        p.send(m);
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    broker.close();
  }

  private record Result(int status, List<String> records, String summary) {}

  private Result browse(int limit, String... queues) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Browse.run(
            url,
            null,
            null,
            List.of(queues),
            limit,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status,
        out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void showsEveryMessageWithTheBrokersCount() throws Exception {
    Result r = browse(0, "x12.denials", "x12.errors");

    assertThat(r.status()).isZero();
    assertThat(r.records())
        .hasSize(5)
        .allMatch(l -> l.startsWith("{\"queue\":\"x12.denials\",\"recordId\":\"r"));
    assertThat(r.summary())
        .contains("x12.denials: 5 message(s) on the queue; showed 5")
        .contains("x12.errors: 0 message(s) on the queue; showed 0");
  }

  @Test
  void aLimitSaysWhatWasLeftOut() throws Exception {
    Result r = browse(2, "x12.denials");

    assertThat(r.status()).isEqualTo(X12gw.QUARANTINED);
    assertThat(r.records()).hasSize(2);
    assertThat(r.summary()).contains("x12.denials: 5 message(s) on the queue; showed the first 2");
  }
}
