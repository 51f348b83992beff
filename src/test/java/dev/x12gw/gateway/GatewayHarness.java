package dev.x12gw.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import dev.x12gw.config.Settings;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.awaitility.Awaitility;

/**
 * A gateway started in-process on the project's own routes and mappings, with its state (H2,
 * Artemis journal, SFTP root) in a test directory, fast polling, and helpers to upload files the
 * way a clearinghouse does and to consume records the way a billing system does.
 */
final class GatewayHarness implements AutoCloseable {
  static final String PASSWORD = "test-only-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path var;
  final Gateway gateway;
  final int brokerPort;
  private Connection jms;
  private Session session;
  private final Map<String, MessageConsumer> consumers = new HashMap<>();

  private GatewayHarness(Path var, Gateway gateway, int brokerPort) {
    this.var = var;
    this.gateway = gateway;
    this.brokerPort = brokerPort;
  }

  /** Starts a gateway whose state lives in {@code var}; {@code overrides} win over config. */
  static GatewayHarness start(Path var, Map<String, String> overrides) throws Exception {
    int brokerPort = freePort();
    Settings s = Settings.load(TestFiles.projectDir(), Path.of("config/application.properties"));
    Map<String, String> test = new HashMap<>();
    test.put("db.path", var.resolve("db/gateway").toString());
    test.put("sftp.local-server.dir", var.resolve("sftp").toString());
    test.put("sftp.known-hosts-file", var.resolve("sftp/known_hosts").toString());
    test.put("sftp.port", "0");
    test.put("sftp.password", PASSWORD);
    test.put("sftp.poll-initial-delay-ms", "100");
    test.put("sftp.poll-delay-ms", "200");
    test.put("sftp.read-lock-check-interval-ms", "200");
    test.put("broker.embedded.data-dir", var.resolve("artemis").toString());
    test.put("broker.embedded.tcp-port", String.valueOf(brokerPort));
    test.put("intake.spool-dir", var.resolve("spool").toString());
    test.put("intake.redelivery-delay-ms", "100");
    test.put("outbox.poll-interval-ms", "100");
    test.put("control-room.port", "0");
    test.put(
        "scrubber.learn.suggestions-file",
        var.resolve("scrubber/suggested-payer-rules.csv").toString());
    test.put("scrubber.backtest-report", var.resolve("scrubber/backtest.json").toString());
    // learned on demand (GET /api/v1/scrubber/feedback), not by the timer amid a test's records
    test.put("scrubber.learn.initial-delay-ms", "3600000");
    test.putAll(overrides);
    test.forEach(s::derive);
    Gateway g = Gateway.prepare(s);
    g.start();
    return new GatewayHarness(var, g, brokerPort);
  }

  /** WARN lines, of any logger, saying the store was unavailable (a file tried again later). */
  static long storeUnavailableWarnings(
      ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log) {
    synchronized (log.list) {
      return log.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
          .filter(e -> e.getFormattedMessage().contains("the store is unavailable"))
          .count();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  CamelContext camel() {
    return gateway.camelContext();
  }

  /** A waiter for {@code count} completed exchanges of a route, created before the action. */
  NotifyBuilder whenDone(String routeId, int count) {
    return new NotifyBuilder(camel()).fromRoute(routeId).whenDone(count).create();
  }

  Path sftpRoot() {
    return var.resolve("sftp/root");
  }

  /**
   * Where a processed file is moved, once it is there (the consumer moves it just after the
   * exchange completes).
   */
  Path processed(String folder, String name) {
    return arrived(
        sftpRoot().resolve(folder).resolve(".processed/" + LocalDate.now()).resolve(name));
  }

  /** An acknowledgment written to the drop's acknowledgment folder, once it is there. */
  Path acknowledgment(String name) {
    return arrived(sftpRoot().resolve("outbound/acks").resolve(name));
  }

  /** Where a quarantined file is moved, once it is there. */
  Path quarantined(String folder, String name) {
    return arrived(sftpRoot().resolve(folder).resolve(".error").resolve(name));
  }

  private static Path arrived(Path p) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(p));
    return p;
  }

  /**
   * Uploads like a careful clearinghouse: to a hidden temporary name, then renamed, over SFTP with
   * the host key checked against the gateway's known_hosts.
   */
  void upload(String folder, String name, Path file) throws Exception {
    Path named = file;
    if (!file.getFileName().toString().equals(name)) {
      named = Files.createDirectories(var.resolve("uploads/" + System.nanoTime())).resolve(name);
      Files.copy(file, named);
    }
    SftpUploader.upload(
        Integer.parseInt(gateway.settings().get("sftp.port")),
        var.resolve("sftp/known_hosts"),
        "gateway",
        PASSWORD,
        folder,
        named);
  }

  /** A record received from {@code queue}, with its JMS headers, or null after the timeout. */
  Received receive(String queue, Duration timeout) throws JMSException, IOException {
    Message m = consumer(queue).receive(timeout.toMillis());
    if (m == null) {
      return null;
    }
    return new Received(
        JSON.readTree(((TextMessage) m).getText()),
        m.getStringProperty("recordType"),
        m.getStringProperty("recordId"),
        m.getStringProperty("payerId"));
  }

  /**
   * Null unless a record arrives on {@code queue} within a short grace period: for asserting that
   * nothing (more) was published, after the relay has run.
   */
  Received receiveNow(String queue) throws JMSException, IOException {
    return receive(queue, Duration.ofMillis(300));
  }

  private MessageConsumer consumer(String queue) throws JMSException {
    if (session == null) {
      jms = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection();
      jms.start();
      session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }
    MessageConsumer c = consumers.get(queue);
    if (c == null) {
      c = session.createConsumer(session.createQueue(queue));
      consumers.put(queue, c);
    }
    return c;
  }

  /** A consumed record. */
  record Received(JsonNode body, String recordType, String recordId, String payerId) {
    String text(String field) {
      JsonNode n = body.get(field);
      return n == null || n.isNull() ? null : n.asText();
    }
  }

  /**
   * Uploads every file of the scenarios (837s to inbound/837, the rest to inbound/835), in their
   * order, each after the previous one was taken in.
   */
  void takeInScenarios(java.util.List<String> scenarios, Duration wait) throws Exception {
    int n = 0;
    for (String s : scenarios) {
      for (Path f : TestFiles.scenarioFiles(TestFiles.testdata("scenarios").resolve(s))) {
        boolean claims = f.getFileName().toString().endsWith(".837");
        NotifyBuilder done = whenDone(claims ? "receive-claims" : "receive-remittances", 1);
        upload(
            claims ? "inbound/837" : "inbound/835",
            String.format("%02d-%s", n++, f.getFileName()),
            f);
        if (!done.matches(wait.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
          throw new AssertionError(f.getFileName() + " of " + s + " not taken in within " + wait);
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (jms != null) {
      jms.close();
    }
    gateway.close();
  }
}
