package dev.x12gw.gateway;

import dev.x12gw.records.QueueNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.awaitility.Awaitility;

/**
 * One broker of an Artemis primary/backup pair on a shared store, as its own JVM: both point at the
 * same journal directory; the primary holds its lock and serves, the backup waits for the lock and
 * serves once the primary is gone. A cluster connection between the two tells clients of the
 * backup, so a client with a failover URL ({@code (tcp://primary,tcp://backup)?ha=true}) moves to
 * it. Duplicate detection's ids are in the shared journal: the backup drops what the primary had.
 */
final class HaBrokerProcess implements AutoCloseable {
  private final Path shared;
  private final int port;
  private final int otherPort;
  private final boolean primary;
  private final JavaProcess process;

  HaBrokerProcess(Path shared, int port, int otherPort, boolean primary) {
    this.shared = shared;
    this.port = port;
    this.otherPort = otherPort;
    this.primary = primary;
    this.process =
        new JavaProcess(shared.resolveSibling((primary ? "primary" : "backup") + ".log"));
  }

  /** The failover URL of a pair: the primary first, then the backup, reconnecting for ever. */
  static String failoverUrl(int primaryPort, int backupPort) {
    return "(tcp://127.0.0.1:"
        + primaryPort
        + ",tcp://127.0.0.1:"
        + backupPort
        + ")?ha=true&reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.0"
        + "&callTimeout=10000";
  }

  /** Starts the process; a primary is awaited until it serves, a backup until it waits. */
  void start() throws IOException {
    Files.createDirectories(shared);
    process.start(
        "---- start",
        "256m",
        Main.class,
        shared.toString(),
        String.valueOf(port),
        String.valueOf(otherPort),
        primary ? "primary" : "backup");
    process.awaitLog(primary ? "BROKER ACTIVE" : "BROKER STARTED", Duration.ofSeconds(60));
  }

  /** Waits until this broker serves (a backup: after the primary died and it took the lock). */
  void awaitActive() {
    process.awaitLog("BROKER ACTIVE", Duration.ofSeconds(60));
  }

  /** {@code kill -9}: the primary host lost. */
  void kill() throws InterruptedException {
    process.kill();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }

  /** The broker: {@code Main SHARED_DIR PORT OTHER_PORT primary|backup}. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      Path shared = Path.of(args[0]);
      int port = Integer.parseInt(args[1]);
      int other = Integer.parseInt(args[2]);
      boolean primary = "primary".equals(args[3]);
      ConfigurationImpl c = new ConfigurationImpl();
      c.setName(args[3]);
      c.setPersistenceEnabled(true);
      c.setJournalType(JournalType.NIO);
      c.setJournalDirectory(shared.resolve("journal").toString());
      c.setBindingsDirectory(shared.resolve("bindings").toString());
      c.setPagingDirectory(shared.resolve("paging").toString());
      c.setLargeMessagesDirectory(shared.resolve("large-messages").toString());
      c.setNodeManagerLockDirectory(shared.resolve("lock").toString());
      c.setSecurityEnabled(false);
      c.setJMXManagementEnabled(false);
      c.setIDCacheSize(100_000);
      c.setPersistIDCache(true);
      c.setClusterPassword("x12gw-test-cluster");
      c.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
      c.addConnectorConfiguration("self", "tcp://127.0.0.1:" + port);
      c.addConnectorConfiguration("other", "tcp://127.0.0.1:" + other);
      c.addClusterConfiguration(
          new ClusterConnectionConfiguration()
              .setName("pair")
              .setAddress("")
              .setConnectorName("self")
              .setRetryInterval(200)
              .setReconnectAttempts(-1)
              .setStaticConnectors(List.of("other")));
      if (primary) {
        c.setHAPolicyConfiguration(
            new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(true));
      } else {
        c.setHAPolicyConfiguration(
            new SharedStoreBackupPolicyConfiguration()
                .setAllowFailBack(false)
                .setFailoverOnServerShutdown(true));
      }
      for (String q : QueueNames.defaults().all()) {
        c.addQueueConfiguration(
            QueueConfiguration.of(q)
                .setAddress(q)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
      }
      EmbeddedActiveMQ server = new EmbeddedActiveMQ();
      server.setConfiguration(c);
      server.start();
      System.out.println("BROKER STARTED");
      System.out.flush();
      Awaitility.await()
          .forever()
          .pollInterval(Duration.ofMillis(50))
          .until(() -> server.getActiveMQServer().isActive());
      System.out.println("BROKER ACTIVE");
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
