package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.x12gw.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The gateway on an external broker (another JVM) that serves TLS only: with {@code
 * broker.trust-store} holding the broker's certificate it publishes every record of the scenario
 * once, as on the embedded broker; with a trust store that lacks it, it says so in its log (and
 * publishes nothing) rather than waiting silently.
 */
class BrokerTlsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> CLAIMS = List.of("claims-professional-3.837");
  private static final List<String> REMITTANCES =
      List.of("denied-co197-no-auth.835", "every-remittance-segment.835");

  /** The broker's key pair, a trust store with its certificate and one with another's. */
  @TempDir static Path keys;

  private static String trustPassword;
  private static Path trust;
  private static Path wrongTrust;
  private static TlsBrokerProcess tls;

  @TempDir Path var;

  @BeforeAll
  static void startTheTlsBroker() throws Exception {
    TestCertificates.KeyStore broker = TestCertificates.selfSigned(keys, "broker");
    TestCertificates.KeyStore stranger = TestCertificates.selfSigned(keys, "stranger");
    trustPassword = TestCertificates.password();
    trust =
        TestCertificates.trustStore(keys.resolve("trust.p12"), broker.certificate(), trustPassword);
    wrongTrust =
        TestCertificates.trustStore(
            keys.resolve("wrong-trust.p12"), stranger.certificate(), trustPassword);
    tls =
        new TlsBrokerProcess(
            keys.resolve("broker"), GatewayHarness.freePort(), broker.path(), broker.password());
    tls.start();
  }

  @AfterAll
  static void stopTheTlsBroker() throws Exception {
    if (tls != null) {
      tls.close();
    }
  }

  @Test
  void withTheBrokersCertificateTrustedEveryRecordArrivesOnce() throws Exception {
    Map<String, Integer> reference;
    try (GatewayHarness gw = GatewayHarness.start(var.resolve("reference"), Map.of())) {
      dropScenario(gw);
      reference = consume("tcp://127.0.0.1:" + gw.brokerPort, 0);
    }
    assertThat(reference).isNotEmpty();

    try (GatewayHarness gw =
        GatewayHarness.start(
            var.resolve("gateway"),
            Map.of(
                "broker.url",
                tls.url(),
                "broker.trust-store",
                trust.toString(),
                "broker.trust-store-password",
                trustPassword))) {
      dropScenario(gw);
      Map<String, Integer> received = consume(tls.tlsUrl(trust, trustPassword), reference.size());
      assertThat(received).as("records over TLS, by id: each once").isEqualTo(reference);
      assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
    }
  }

  @Test
  void withoutTheBrokersCertificateTheGatewaySaysItCannotConnect() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try (GatewayHarness gw =
        GatewayHarness.start(
            var.resolve("gateway"),
            Map.of(
                "broker.url",
                tls.url(),
                "broker.trust-store",
                wrongTrust.toString(),
                "broker.trust-store-password",
                trustPassword))) {
      String name = REMITTANCES.get(0);
      gw.upload("inbound/835", name, TestFiles.testdata(name));
      gw.processed("inbound/835", name); // taken in: its records wait in the outbox
      String expected =
          "cannot connect to the broker "
              + tls.url()
              + " over TLS (is the broker's certificate, or the CA that signed it, in"
              + " broker.trust-store "
              + wrongTrust;
      Awaitility.await("the relay's warning that it cannot connect over TLS")
          .atMost(Duration.ofSeconds(20))
          .until(() -> !lines(log, Level.WARN, "dev.x12gw.relay", expected).isEmpty());
      assertThat(lines(log, Level.ERROR, "org.apache.activemq", "AMQ214016"))
          .as("the Artemis client's own line: the handshake failed, and why")
          .anySatisfy(
              e ->
                  assertThat(e.getThrowableProxy().getMessage())
                      .contains("PKIX path building failed"));
      assertThat(consume(tls.tlsUrl(trust, trustPassword), 0)).as("nothing published").isEmpty();
      assertThat(lines(log, Level.TRACE, "", trustPassword))
          .as("no log line has the trust store's password")
          .isEmpty();
    } finally {
      root.detachAppender(log);
    }
  }

  /**
   * Captured lines of {@code level} or above, of loggers under {@code logger}, with {@code text}.
   */
  private static List<ILoggingEvent> lines(
      ListAppender<ILoggingEvent> log, Level level, String logger, String text) {
    synchronized (log.list) {
      return log.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(level))
          .filter(e -> e.getLoggerName().startsWith(logger))
          .filter(e -> e.getFormattedMessage().contains(text))
          .toList();
    }
  }

  /** The scenario: claims, then their remittances, each file taken in before the next. */
  private static void dropScenario(GatewayHarness gw) throws Exception {
    for (String claims : CLAIMS) {
      gw.upload("inbound/837", claims, TestFiles.testdata(claims));
      gw.processed("inbound/837", claims);
    }
    for (String remit : REMITTANCES) {
      gw.upload("inbound/835", remit, TestFiles.testdata(remit));
      gw.processed("inbound/835", remit);
    }
  }

  /**
   * Consumes every record queue until {@code expected} records have come (0: until none came for
   * three seconds), then two seconds more: how often each record id arrived.
   */
  private static Map<String, Integer> consume(String url, int expected) throws Exception {
    return RecordDrain.consume(
        url, expected, WAIT, Duration.ofSeconds(expected == 0 ? 3 : 2), new HashMap<>());
  }
}
