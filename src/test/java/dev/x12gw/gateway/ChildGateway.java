package dev.x12gw.gateway;

import dev.x12gw.TestFiles;
import dev.x12gw.intake.InForce;
import dev.x12gw.store.Database;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The gateway as a separate process, started with the same main as {@code bin/x12gw run} on the
 * project's own configuration (overridden through environment variables, as an operator would), its
 * state in a test directory: so a test can kill it with SIGKILL at any instant and start it again
 * on the same state. By default its store (H2), broker (embedded) and drop (its own SFTP server)
 * are all in that directory; environment variables {@code DB_URL} and {@code BROKER_URL} and a
 * {@link Drop} served by the test put them elsewhere, and then {@link #storeFacts}, {@link
 * #consumeAll}, {@link #upload} and {@link #awaitTakenIn} go there too.
 */
final class ChildGateway implements AutoCloseable {
  /** The drop's password (of the gateway's own SFTP server, or of a {@link Drop} it is given). */
  static final String PASSWORD = "child-test-password";

  /**
   * An SFTP drop served apart from the gateway (a {@link LocalSftpServer} of the test, user {@code
   * gateway}, password {@link #PASSWORD}): it outlives the gateway's process.
   *
   * @param port its loopback port
   * @param knownHosts its host key, as {@link LocalSftpServer#start} wrote it
   * @param root the folder it serves
   */
  record Drop(int port, Path knownHosts, Path root) {}

  final Path var;
  final int sftpPort;
  final int brokerPort;
  private final Path knownHosts;
  private final Path dropRoot;
  private final Path log;
  private Process process;
  private int starts;

  /** The body of each record consumed, by record id (for failure messages). */
  final Map<String, String> bodies = new TreeMap<>();

  /** Settings of this gateway beyond its own state folder (environment variables). */
  private final Map<String, String> environment;

  ChildGateway(Path var) throws IOException {
    this(var, Map.of());
  }

  /**
   * @param environment environment variables set on top of the state folder's (a shared store,
   *     broker or drop)
   */
  ChildGateway(Path var, Map<String, String> environment) throws IOException {
    this(var, environment, null);
  }

  /**
   * @param environment environment variables set on top of the state folder's (a shared store,
   *     broker or drop)
   * @param drop the drop to poll, served apart from the gateway; null: the gateway's own SFTP
   *     server on its state folder
   */
  ChildGateway(Path var, Map<String, String> environment, Drop drop) throws IOException {
    this.var = var;
    this.brokerPort = GatewayHarness.freePort();
    this.log = var.resolve("gateway.log");
    Map<String, String> env = new HashMap<>(environment);
    if (drop == null) {
      this.sftpPort = GatewayHarness.freePort();
      this.knownHosts = LocalGatewayEnvironment.knownHosts(var);
      this.dropRoot = var.resolve("sftp/root");
    } else {
      this.sftpPort = drop.port();
      this.knownHosts = drop.knownHosts();
      this.dropRoot = drop.root();
      env.put("SFTP_LOCAL_SERVER", "false");
      env.put("SFTP_HOST", "127.0.0.1");
      env.put("SFTP_PORT", String.valueOf(drop.port()));
      env.put("SFTP_PASSWORD", PASSWORD);
      env.put("SFTP_KNOWN_HOSTS_FILE", drop.knownHosts().toString());
    }
    this.environment = Map.copyOf(env);
  }

  /** Starts the process and waits until its intake routes run. */
  void start() throws IOException {
    starts++;
    Files.createDirectories(var);
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // on the JVM's default collector (G1), not config/gateway.jvm-options: tried, a fresh-clone CI
    // took 882 s with the throughput collector here (CrashRecoveryIT 403 s) and 842 and 870 s on
    // G1 (373 and 396 s), no clear difference; the crash trials were written and timed on G1.
    // Compiled by C1 only: a child lives for seconds and takes small files, and the tests start
    // one about 45 times; C2's compiling took a core from it (a start 6.6 s, 4.7 s on C1 alone)
    ProcessBuilder pb =
        new ProcessBuilder(
            javaBin,
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-Dx12gw.home=" + TestFiles.projectDir(),
            "-Dlogback.configurationFile=" + TestFiles.projectDir().resolve("config/logback.xml"),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.x12gw.cli.X12gw",
            "run");
    Map<String, String> env = pb.environment();
    env.putAll(LocalGatewayEnvironment.of(var, sftpPort, brokerPort, PASSWORD));
    env.put("SFTP_POLL_INITIAL_DELAY_MS", "100");
    env.put("SFTP_POLL_DELAY_MS", "200");
    env.put("SFTP_READ_LOCK_CHECK_INTERVAL_MS", "200");
    env.put("OUTBOX_POLL_INTERVAL_MS", "100");
    // records counted exactly once are the intake's: no rules learned from denials meanwhile
    env.put("SCRUBBER_LEARN_ENABLED", "false");
    env.putAll(environment);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Files.writeString(
        log,
        "---- start " + starts + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    process = pb.start();
    Process started = process;
    // a test JVM that is stopped (a build aborted) takes its gateway with it
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitLog("Started receive-remittances", Duration.ofSeconds(60));
  }

  /** Uploads a file to the drop as a clearinghouse does (temporary name, then renamed). */
  void upload(String folder, Path file) throws Exception {
    SftpUploader.upload(sftpPort, knownHosts, "gateway", PASSWORD, folder, file);
  }

  /** The log of the current start (since the last {@code ---- start} line). */
  String currentLog() throws IOException {
    String all = Files.readString(log, StandardCharsets.UTF_8);
    return all.substring(all.lastIndexOf("---- start "));
  }

  /** Whether a line of the current start's log contains every one of {@code parts}. */
  boolean hasLine(List<String> parts) {
    try {
      return currentLog().lines().anyMatch(l -> parts.stream().allMatch(l::contains));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The log of every start. */
  String allLog() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Waits until the current start's log has a line containing {@code text}. */
  void awaitLog(String text, Duration timeout) {
    awaitLine(List.of(text), timeout);
  }

  /** Waits until a line of the current start's log contains every one of {@code parts}. */
  void awaitLine(List<String> parts, Duration timeout) {
    Awaitility.await("a line with " + parts + " in " + log)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited:\n" + currentLog());
              }
              return currentLog().lines().anyMatch(l -> parts.stream().allMatch(l::contains));
            });
  }

  /**
   * Waits until a file uploaded to {@code folder} has left it: the gateway moves a file away only
   * once its intake committed (or it was found taken in before).
   */
  void awaitTakenIn(String folder, String name, Duration timeout) {
    Path inbox = dropRoot.resolve(folder).resolve(name);
    Awaitility.await(name + " moved out of " + folder)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !Files.exists(inbox));
  }

  /** Records a file's intake queued when it committed ("NAME: committed; N record(s)"). */
  long queuedBy(String fileName) throws IOException {
    Matcher m =
        Pattern.compile(Pattern.quote(fileName) + ": committed; (\\d+) record")
            .matcher(currentLog());
    if (!m.find()) {
      throw new IllegalStateException(fileName + " was not committed in this start");
    }
    return Long.parseLong(m.group(1));
  }

  /** SIGKILL: no shutdown hook, no flush, no clean close of the store or the broker. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("gateway did not die");
    }
  }

  /** SIGTERM: the gateway shuts down cleanly (Camel, broker, store). */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("gateway did not stop on SIGTERM");
      }
    }
  }

  /**
   * Consumes records from every queue until {@code expected} distinct record ids arrived, then
   * until the queues stay quiet for {@code quiet}: every record id with how often it arrived.
   */
  Map<String, Integer> consumeAll(long expected, Duration timeout, Duration quiet)
      throws JMSException {
    return RecordDrain.consume(brokerUrl(), expected, timeout, quiet, bodies);
  }

  /** The broker this gateway publishes to: {@code BROKER_URL}, or its embedded broker's port. */
  String brokerUrl() {
    return environment.getOrDefault("BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
  }

  /**
   * A connection to this gateway's store: {@code DB_URL} as {@code DB_USER}, or the H2 file in its
   * state folder (open it only while the gateway is stopped: H2 locks the file).
   */
  java.sql.Connection openStore() throws SQLException {
    return DriverManager.getConnection(storeUrl(), storeUser(), storePassword());
  }

  /** {@code DB_URL}, or the H2 file in the gateway's state folder. */
  private String storeUrl() {
    String url = environment.getOrDefault("DB_URL", "");
    return url.isEmpty() ? "jdbc:h2:file:" + var.resolve("db/gateway") : url;
  }

  private String storeUser() {
    return environment.getOrDefault("DB_USER", "x12gw");
  }

  private String storePassword() {
    return environment.getOrDefault("DB_PASSWORD", "");
  }

  /**
   * What the store holds, table by table, as sorted rows of the columns that are facts (surrogate
   * ids and wall-clock times left out): two runs over the same files compare equal. Booleans read
   * {@code TRUE} or {@code FALSE} on either store (PostgreSQL's driver would give {@code t} and
   * {@code f}).
   */
  Map<String, List<String>> storeFacts() throws SQLException {
    Map<String, String> queries = new HashMap<>();
    queries.put(
        "intake_file",
        "select sha256, file_name, flow, outcome, transactions_accepted, transactions_rejected,"
            + " claims, payments from intake_file");
    queries.put(
        "claim",
        "select transaction_type, patient_control_number, total_charge, payer_id,"
            + " billing_provider_npi, frequency_code, transaction_control_number, detail,"
            + " (select count(*) from claim_line l where l.claim_id = c.id) from claim c");
    queries.put(
        "claim_payment",
        "select p.patient_control_number, p.status_code, p.billed_amount, p.paid_amount,"
            + " p.claim_id is null, p.detail, r.trace_number, p.line_count"
            + " from claim_payment p join remittance r on r.id = p.remittance_id");
    queries.put(
        "provider_adjustment",
        "select provider_id, reason_code, reference, amount, case_id is null"
            + " from provider_adjustment");
    queries.put("claim_case", "select status, billed_amount, paid_amount, detail from claim_case");
    queries.put("case_key", "select match_key from case_key");
    queries.put(
        "finding",
        "select finding_key, record_id, record_type, superseded_at is null from finding");
    queries.put(
        "classified_finding",
        "select finding_key, record_id, payer_id, category, denial_family, service_line, amount,"
            + " overturned_by from classified_finding");
    queries.put(
        "outbox",
        "select o.record_id, o.record_type, o.queue, o.payer_id, b.body from outbox o"
            + " left join outbox_body b on b.seq = o.seq");
    Map<String, List<String>> out = new TreeMap<>();
    try (java.sql.Connection c = openStore()) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(q.getValue())) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              int type = md.getColumnType(i);
              boolean bool = type == java.sql.Types.BOOLEAN || type == java.sql.Types.BIT;
              String value = rs.getString(i);
              row.append(value == null || !bool ? value : rs.getBoolean(i) ? "TRUE" : "FALSE")
                  .append('|');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        out.put(q.getKey(), rows);
      }
    }
    return out;
  }

  /**
   * The records in force and the claim lifecycles of this gateway's store ({@link InForce}; on H2
   * only while the gateway is stopped).
   */
  InForce inForce() throws Exception {
    try (Database db = Database.open(storeUrl(), storeUser(), storePassword(), 2)) {
      return InForce.of(db);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
