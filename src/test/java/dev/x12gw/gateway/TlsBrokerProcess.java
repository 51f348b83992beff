package dev.x12gw.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker in a JVM of its own that serves TLS only: one acceptor with {@code
 * sslEnabled=true} and a key store (PKCS12), persistent, duplicate detection on, the gateway's
 * queues declared. The key store's password reaches the process in its environment, not as an
 * argument.
 */
final class TlsBrokerProcess implements AutoCloseable {
  /** Environment variable of the broker process: its key store's password. */
  private static final String KEY_STORE_PASSWORD = "TEST_BROKER_KEY_STORE_PASSWORD";

  private final Path dataDir;
  private final int port;
  private final Path keyStore;
  private final String keyStorePassword;
  private final JavaProcess process;

  TlsBrokerProcess(Path dataDir, int port, Path keyStore, String keyStorePassword) {
    this.dataDir = dataDir;
    this.port = port;
    this.keyStore = keyStore;
    this.keyStorePassword = keyStorePassword;
    this.process = new JavaProcess(dataDir.resolve("broker.log"));
  }

  /** Where the broker keeps its journal and log. */
  Path dataDir() {
    return dataDir;
  }

  /** The URL of this broker, as plain as a gateway's {@code broker.url} may be. */
  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The URL a consumer trusting {@code trustStore} uses. */
  String tlsUrl(Path trustStore, String trustStorePassword) {
    return url()
        + "?sslEnabled=true&trustStorePath="
        + trustStore
        + "&trustStorePassword="
        + trustStorePassword;
  }

  /** Starts the broker process and waits until it accepts connections. */
  void start() throws IOException {
    Files.createDirectories(dataDir);
    process.start(
        Map.of(KEY_STORE_PASSWORD, keyStorePassword),
        "---- start",
        "256m",
        Main.class,
        dataDir.toString(),
        String.valueOf(port),
        keyStore.toString());
    process.awaitLog("BROKER READY", Duration.ofSeconds(60));
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }

  /** The broker process: {@code Main DATA_DIR PORT KEY_STORE}, the password in the environment. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      Path data = Path.of(args[0]);
      ConfigurationImpl c = new ConfigurationImpl();
      c.setName("tls-broker");
      c.setPersistenceEnabled(true);
      c.setJournalType(JournalType.NIO);
      c.setJournalDirectory(data.resolve("journal").toString());
      c.setBindingsDirectory(data.resolve("bindings").toString());
      c.setPagingDirectory(data.resolve("paging").toString());
      c.setLargeMessagesDirectory(data.resolve("large-messages").toString());
      c.setSecurityEnabled(false);
      c.setJMXManagementEnabled(false);
      c.setIDCacheSize(100_000);
      c.setPersistIDCache(true);
      // the only acceptor: TLS (a client without TLS, or not trusting the key, gets no session)
      c.addAcceptorConfiguration(
          "tls",
          "tcp://127.0.0.1:"
              + args[1]
              + "?sslEnabled=true&keyStoreType=PKCS12&keyStorePath="
              + args[2]
              + "&keyStorePassword="
              + System.getenv(KEY_STORE_PASSWORD));
      EmbeddedActiveMQ server = GatewayQueues.startBroker(c);
      System.out.println("BROKER READY");
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
