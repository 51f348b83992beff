package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.bench.X12Generator;
import dev.x12gw.intake.InForce;
import dev.x12gw.store.Database;
import dev.x12gw.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several gateways on one drop, sharing one PostgreSQL store and one broker (each a real process:
 * two gateway JVMs, the broker's JVM, the PostgreSQL server; the SFTP drop served by this test):
 * each file is taken by exactly one node, claims and their remittances read at once on two nodes
 * still meet, a node killed in the middle of a file leaves it to the other after the claim timeout,
 * and what the consumer receives — every record exactly once — and what the store ends with are
 * those of one node taking the same files alone.
 */
class TwoNodesIT {
  private static final String PASSWORD = "two-nodes-drop-password";
  private static final Duration WAIT = Duration.ofSeconds(240);

  @TempDir static Path files;
  private static final List<Path> claimFiles = new ArrayList<>();
  private static final List<Path> remittanceFiles = new ArrayList<>();
  private static Path big;

  @TempDir Path work;

  @BeforeAll
  static void generate() throws Exception {
    // 25 837s and the 25 835s that answer their claims (same seed and batch): 50 files
    for (int batch = 0; batch < 25; batch++) {
      Path claims = files.resolve(String.format("claims-%02d.837", batch));
      new X12Generator(19, 20, batch).write837(claims, 24_000);
      claimFiles.add(claims);
      Path remits = files.resolve(String.format("remits-%02d.835", batch));
      new X12Generator(19, 20, batch).write835(remits, 30_000);
      remittanceFiles.add(remits);
    }
    // a longer file of its own claims, in sets of 25: the one a node is killed in the middle of
    big = files.resolve("big-remits.835");
    new X12Generator(29, 25, 40).write835(big, 600_000);
  }

  /** What a run gave: the records consumed, the store's end state, who took what. */
  private record Outcome(
      Map<String, Integer> received,
      List<String> queued,
      InForce inForce,
      int filesTakenIn,
      Map<String, Integer> filesByNode,
      int commitsLogged,
      String survivorLog,
      int mostFilesAtOnce) {}

  @Test
  void fiftyFilesArrivingTogetherOnTwoNodesEndAsOnOneNode() throws Exception {
    Outcome alone = run(work.resolve("one"), 1, Big.NONE);
    assertThat(alone.received().values()).as("records delivered more than once").containsOnly(1);
    assertThat(alone.received().keySet()).containsExactlyInAnyOrderElementsOf(alone.queued());
    assertThat(alone.received()).hasSizeGreaterThan(100);

    Outcome two = run(work.resolve("two"), 2, Big.NONE);
    assertThat(two.filesTakenIn()).as("intake_file rows: each file once").isEqualTo(50);
    assertThat(two.commitsLogged()).as("files read and committed, both nodes").isEqualTo(50);
    assertThat(two.filesByNode()).as("files taken by each node").hasSize(2);
    assertThat(two.filesByNode().values()).allMatch(n -> n > 0);
    assertThat(two.mostFilesAtOnce())
        .as(
            "files one node read at once (intake.concurrent-files = 3: three pollers of each of its"
                + " two folders; one poller each would make 2)")
        .isBetween(3, 6);
    assertThat(two.received().values()).as("records delivered more than once").containsOnly(1);
    assertThat(two.received().keySet())
        .as("every record queued in the shared store arrived")
        .containsExactlyInAnyOrderElementsOf(two.queued());
    assertThat(two.inForce().records())
        .as("records in force, two nodes against one")
        .containsExactlyElementsOf(alone.inForce().records());
    assertThat(two.inForce().lifecycles())
        .as("claim lifecycles, two nodes against one")
        .containsExactlyElementsOf(alone.inForce().lifecycles());
  }

  @Test
  void aFileOfANodeKilledMidwayIsFinishedByTheOtherNodeAfterTheClaimTimeout() throws Exception {
    Outcome alone = run(work.resolve("one"), 1, Big.READ);
    Outcome killed = run(work.resolve("killed"), 2, Big.KILL_ITS_READER);
    assertThat(killed.filesTakenIn()).isEqualTo(51);
    assertThat(killed.survivorLog())
        .as("the other node took the killed node's file over and resumed it from its sets")
        .containsPattern("big-remits.835: gateway node node-\\d did not renew its claim")
        .containsPattern("resuming; [1-9]\\d* transaction set\\(s\\) were committed");
    assertThat(killed.received().values()).as("records delivered more than once").containsOnly(1);
    assertThat(killed.received().keySet()).containsExactlyInAnyOrderElementsOf(killed.queued());
    assertThat(killed.inForce().records()).containsExactlyElementsOf(alone.inForce().records());
    assertThat(killed.inForce().lifecycles())
        .containsExactlyElementsOf(alone.inForce().lifecycles());
  }

  /** What becomes of the big file in a run. */
  private enum Big {
    /** Not uploaded. */
    NONE,
    /** Uploaded first, read. */
    READ,
    /** Uploaded first; the node reading it is killed once it committed its first set. */
    KILL_ITS_READER
  }

  /**
   * Starts {@code nodes} gateways on a new database, broker and drop, uploads the 50 files at once
   * (after the big file, if any) and waits until every file was taken in and every record consumed.
   */
  private Outcome run(Path dir, int nodes, Big bigFile) throws Exception {
    String url = PostgresServer.get().newDatabase();
    try (BrokerProcess broker =
            new BrokerProcess(dir.resolve("broker"), GatewayHarness.freePort());
        LocalSftpServer drop = LocalSftpServer.startSharedDrop(dir.resolve("drop"), 0, PASSWORD)) {
      broker.start();
      Path knownHosts = LocalSftpServer.sharedDropKnownHosts(dir.resolve("drop"));
      List<ChildGateway> gateways = new ArrayList<>();
      try {
        for (int n = 1; n <= nodes; n++) {
          Map<String, String> env = new HashMap<>();
          env.put("GATEWAY_NODE", "node-" + n);
          env.put("DB_URL", url);
          env.put("DB_USER", PostgresServer.user());
          env.put("DB_PASSWORD", "");
          env.put("BROKER_URL", broker.url());
          env.put("SFTP_LOCAL_SERVER", "false");
          env.put("SFTP_HOST", "127.0.0.1");
          env.put("SFTP_PORT", String.valueOf(drop.port()));
          env.put("SFTP_PASSWORD", PASSWORD);
          env.put("SFTP_KNOWN_HOSTS_FILE", knownHosts.toString());
          env.put("INTAKE_CLAIM_TIMEOUT_MS", "6000");
          env.put("INTAKE_CLAIM_RENEW_INTERVAL_MS", "1000");
          env.put("OUTBOX_RELAY_LEASE_MS", "6000");
          // one node alone reads a file of each folder at a time; two nodes up to three each. A
          // poller
          // takes a file once its size held for a check interval: shorter than the default 1 s,
          // so that small files come faster than one node reads them
          env.put("SFTP_READ_LOCK_CHECK_INTERVAL_MS", "100");
          env.put("INTAKE_CONCURRENT_FILES", nodes == 1 ? "1" : "3");
          env.put("DB_MAX_CONNECTIONS", "12");
          ChildGateway gw = new ChildGateway(dir.resolve("node-" + n), env);
          gateways.add(gw);
          gw.start();
        }
        int expectedFiles = claimFiles.size() + remittanceFiles.size();
        ChildGateway survivor = gateways.get(gateways.size() - 1);
        if (bigFile != Big.NONE) {
          expectedFiles++;
          upload(drop.port(), knownHosts, "inbound/835", big);
          if (bigFile == Big.KILL_ITS_READER) {
            List<String> line = List.of("big-remits.835: transaction set 1 committed");
            Awaitility.await("a node reading the big file")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> gateways.stream().anyMatch(g -> g.hasLine(line)));
            ChildGateway victim =
                gateways.stream().filter(g -> g.hasLine(line)).findFirst().orElseThrow();
            victim.kill();
            survivor = gateways.stream().filter(g -> g != victim).findFirst().orElseThrow();
          }
        }
        // claims and their remittances together, in the order they were made
        for (int i = 0; i < claimFiles.size(); i++) {
          upload(drop.port(), knownHosts, "inbound/837", claimFiles.get(i));
          upload(drop.port(), knownHosts, "inbound/835", remittanceFiles.get(i));
        }
        int files = expectedFiles;
        Path root = dir.resolve("drop/root");
        Awaitility.await("every file taken in and moved away")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> waiting(root) == 0 && takenIn(url) == files);
        assertThat(root.resolve("inbound/837/.error")).doesNotExist();
        assertThat(root.resolve("inbound/835/.error")).doesNotExist();
        List<String> queued = queued(url);
        Map<String, Integer> received =
            RecordDrain.consume(
                broker.url(), queued.size(), WAIT, Duration.ofSeconds(2), new TreeMap<>());
        int commits = 0;
        int atOnce = 0;
        for (ChildGateway gw : gateways) {
          commits += count(gw.allLog(), Pattern.compile(": committed; \\d+ record"));
          atOnce = Math.max(atOnce, mostFilesAtOnce(gw.allLog()));
        }
        InForce inForce;
        try (Database db = Database.open(url, PostgresServer.user(), "", 2)) {
          inForce = InForce.of(db);
        }
        return new Outcome(
            received,
            queued(url),
            inForce,
            takenIn(url),
            filesByNode(url),
            commits,
            survivor.allLog(),
            atOnce);
      } finally {
        for (ChildGateway gw : gateways) {
          gw.stop();
          gw.close();
        }
      }
    }
  }

  private static void upload(int port, Path knownHosts, String folder, Path file) throws Exception {
    SftpUploader.upload(port, knownHosts, "gateway", PASSWORD, folder, file);
  }

  /** Files still in the two inbound folders (not yet moved to {@code .processed/}). */
  private static long waiting(Path root) throws Exception {
    long n = 0;
    for (String folder : List.of("inbound/837", "inbound/835")) {
      try (var files = Files.list(root.resolve(folder))) {
        n += files.filter(Files::isRegularFile).count();
      }
    }
    return n;
  }

  private static int takenIn(String url) throws Exception {
    return Integer.parseInt(
        rows(url, "select count(*) from intake_file where outcome <> 'READING'").get(0));
  }

  private static List<String> queued(String url) throws Exception {
    return rows(url, "select record_id from outbox");
  }

  /** The drop's files each node took (claims done), by node. */
  private static Map<String, Integer> filesByNode(String url) throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    for (String row :
        rows(
            url,
            "select node || '=' || count(*) from file_claim where claim_key like 'drop:%'"
                + " and state = 'DONE' group by node")) {
      String[] kv = row.split("=");
      out.put(kv[0], Integer.parseInt(kv[1]));
    }
    return out;
  }

  private static List<String> rows(String url, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = java.sql.DriverManager.getConnection(url, PostgresServer.user(), "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * The most files one node's log shows being read at the same moment: a file counts from its
   * "reading" line to its "committing" line (or the attempt's failure).
   */
  static int mostFilesAtOnce(String log) {
    Pattern reading = Pattern.compile(" - (\\S+): reading \\d+ bytes");
    java.util.Set<String> open = new java.util.HashSet<>();
    int most = 0;
    for (String line : log.split("\n")) {
      Matcher m = reading.matcher(line);
      if (m.find()) {
        open.add(m.group(1));
        most = Math.max(most, open.size());
      } else if (line.contains("; committing") || line.contains("tried again")) {
        open.removeIf(name -> line.contains(" " + name + ":"));
      }
    }
    return most;
  }

  private static int count(String text, Pattern p) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
