package dev.x12gw.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.awaitility.Awaitility;

/**
 * One broker of an Artemis primary/backup pair, as its own JVM, in one of two {@link Mode}s:
 *
 * <ul>
 *   <li>{@link Mode#SHARED_STORE}: both point at the same journal directory; the primary holds its
 *       lock and serves, the backup waits for the lock and serves once the primary is gone;
 *   <li>{@link Mode#REPLICATION}: each has a journal directory of its own; the primary sends every
 *       journal write to the backup over the network, and the backup, once synchronized ({@link
 *       #awaitSynchronized()}), serves when its connection to the primary is lost.
 * </ul>
 *
 * <p>A cluster connection between the two tells clients of the backup, so a client with a failover
 * URL ({@code (tcp://primary,tcp://backup)?ha=true}) moves to it. Duplicate detection's ids are in
 * the journal the backup takes over (shared or replicated): the backup drops what the primary had.
 */
final class HaBrokerProcess implements AutoCloseable {
  /** How the pair keeps one journal. */
  enum Mode {
    SHARED_STORE,
    REPLICATION
  }

  private final Mode mode;
  private final Path dir;
  private final int port;
  private final int otherPort;
  private final boolean primary;
  private final JavaProcess process;

  /** A broker of a shared-store pair: {@code shared} is the journal directory of both. */
  HaBrokerProcess(Path shared, int port, int otherPort, boolean primary) {
    this(Mode.SHARED_STORE, shared, port, otherPort, primary);
  }

  /**
   * @param dir the journal directory: of both brokers ({@link Mode#SHARED_STORE}), or of this one
   *     ({@link Mode#REPLICATION}); the log is written next to it
   */
  HaBrokerProcess(Mode mode, Path dir, int port, int otherPort, boolean primary) {
    this.mode = mode;
    this.dir = dir;
    this.port = port;
    this.otherPort = otherPort;
    this.primary = primary;
    this.process =
        new JavaProcess(
            mode == Mode.REPLICATION
                ? dir.resolve("broker.log")
                : dir.resolveSibling((primary ? "primary" : "backup") + ".log"));
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
    Files.createDirectories(dir);
    process.start(
        "---- start",
        "256m",
        Main.class,
        dir.toString(),
        String.valueOf(port),
        String.valueOf(otherPort),
        primary ? "primary" : "backup",
        mode.name());
    process.awaitLog(primary ? "BROKER ACTIVE" : "BROKER STARTED", Duration.ofSeconds(60));
  }

  /** Waits until this broker serves (a backup: after the primary died and it took the lock). */
  void awaitActive() {
    process.awaitLog("BROKER ACTIVE", Duration.ofSeconds(60));
  }

  /**
   * Waits until this backup of a replication pair has the whole journal of its primary (Artemis'
   * AMQ221024, "Backup server ... is synchronized with primary server"): before, it could not take
   * over without losing messages, and does not.
   */
  void awaitSynchronized() {
    process.awaitLog("AMQ221024", Duration.ofSeconds(60));
  }

  /** {@code kill -9}: the primary host lost. */
  void kill() throws InterruptedException {
    process.kill();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }

  /** The broker: {@code Main DIR PORT OTHER_PORT primary|backup SHARED_STORE|REPLICATION}. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      int port = Integer.parseInt(args[1]);
      int other = Integer.parseInt(args[2]);
      boolean primary = "primary".equals(args[3]);
      Mode mode = Mode.valueOf(args[4]);
      // the HA events (synchronized, failing over, active) in the log; the tests' logback WARN
      ((ch.qos.logback.classic.Logger)
              org.slf4j.LoggerFactory.getLogger("org.apache.activemq.artemis.core.server"))
          .setLevel(ch.qos.logback.classic.Level.INFO);
      ConfigurationImpl c = new ConfigurationImpl();
      c.setName(args[3]);
      c.setPersistenceEnabled(true);
      c.setJournalType(JournalType.NIO);
      c.setJournalDirectory(dir.resolve("journal").toString());
      c.setBindingsDirectory(dir.resolve("bindings").toString());
      c.setPagingDirectory(dir.resolve("paging").toString());
      c.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
      c.setNodeManagerLockDirectory(dir.resolve("lock").toString());
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
      if (mode == Mode.REPLICATION) {
        c.setHAPolicyConfiguration(primary ? replicatedPrimary() : replicaBackup());
      } else if (primary) {
        c.setHAPolicyConfiguration(
            new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(true));
      } else {
        c.setHAPolicyConfiguration(
            new SharedStoreBackupPolicyConfiguration()
                .setAllowFailBack(false)
                .setFailoverOnServerShutdown(true));
      }
      EmbeddedActiveMQ server = GatewayQueues.startBroker(c);
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

    /**
     * The primary of a replication pair (Artemis' classic replication, quorum voting): it stays
     * active when it loses its backup (no vote on replication failure: with no third broker to ask,
     * a vote could only stop it), and does not look for an active broker of its own id at start (no
     * fail-back in these tests).
     */
    private static ReplicatedPolicyConfiguration replicatedPrimary() {
      return new ReplicatedPolicyConfiguration()
          .setCheckForActiveServer(false)
          .setVoteOnReplicationFailure(false);
    }

    /**
     * The backup of a replication pair. When its replication connection is lost it asks the
     * cluster's other active brokers whether the primary is still there (quorum vote). A single
     * pair has none: with a quorum of one broker (the primary itself) no vote is needed and the
     * backup activates as soon as it loses the primary, which is what this test wants, and also
     * what it does when only the network between the two fails: then both are active (split brain),
     * each taking messages the other does not see, and duplicate ids no longer shared.
     *
     * <p>A production pair must not rely on this. It needs a real arbiter: at least three
     * primary/backup pairs in the cluster so a vote has a majority; or Artemis' pluggable lock
     * manager ({@code ReplicationPrimaryPolicyConfiguration} / {@code
     * ReplicationBackupPolicyConfiguration} with a {@code DistributedLockManagerConfiguration}, the
     * reference one on ZooKeeper) so only the holder of the lock is active; or at least {@code
     * network-check-list} pings so an isolated broker stops itself.
     */
    private static ReplicaPolicyConfiguration replicaBackup() {
      ReplicaPolicyConfiguration backup =
          new ReplicaPolicyConfiguration().setAllowFailBack(false).setRestartBackup(false);
      backup.setQuorumSize(1);
      backup.setVoteRetries(1);
      return backup;
    }
  }
}
