package dev.x12gw.gateway;

import com.jcraft.jsch.ChannelSftp;
import dev.x12gw.config.Intelligence;
import dev.x12gw.config.Settings;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.store.Database;
import dev.x12gw.store.FileClaims;
import dev.x12gw.store.StoreCheck;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway process: Camel Main with the YAML routes of {@code routes/}, and what they need
 * started first: the H2 store, the broker (embedded unless {@code broker.url} is set), and the SFTP
 * drop (the gateway's own server unless {@code sftp.host} names a remote clearinghouse).
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Settings settings;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Main main = new Main();
  private ControlRoomServer controlRoom;
  private ControlRoomFactsCache controlRoomFacts;
  private boolean started;
  private boolean closed;

  /** The broker as a failure to connect names it (set by {@link #startBroker}). */
  private String brokerName;

  private Gateway(Settings settings) {
    this.settings = settings;
  }

  /** Starts the infrastructure and prepares Camel; call {@link #start()} or {@link #run()}. */
  public static Gateway prepare(Settings settings) throws Exception {
    Gateway g = new Gateway(settings);
    try {
      g.init();
    } catch (Exception | Error e) {
      g.closeResources();
      throw e;
    }
    return g;
  }

  private void init() throws Exception {
    Path home = settings.home();
    Database database = openDatabase();
    resources.add(database);
    StoreCheck.run(database);

    QueueNames queues = QueueNames.from(settings::get);
    startSftpDrop();
    // the scrubber's outbound SFTP endpoint is the drop's unless configured
    for (String part : List.of("host", "port", "username", "password", "known-hosts-file")) {
      if (settings.get("prebill.outbound." + part, "").isBlank()) {
        settings.derive("prebill.outbound." + part, settings.get("sftp." + part, ""));
      }
    }
    JmsPoolConnectionFactory jms = startBroker(queues);

    SmooksX12Parser parser =
        new SmooksX12Parser(settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"));
    resources.add(parser);
    Intelligence intelligence = Intelligence.load(settings, null);
    intelligence.warnings().forEach(w -> LOG.warn("{}", w));
    X12FileProcessor processor =
        new X12FileProcessor(
            parser,
            new RecordFactory(queues, intelligence.codes()),
            intelligence.policy(),
            intelligence.classifier());

    settings.derive(
        "camel.main.routes-include-pattern",
        "file:" + settings.path("routes.dir", "routes") + "/*.camel.yaml");
    List<String> excluded = new java.util.ArrayList<>();
    if (!settings.getBoolean("control-room.enabled", true)) {
      excluded.add("**/control-room.camel.yaml");
    }
    if (!settings.getBoolean("prebill.enabled", true)) {
      excluded.add("**/scrub-outgoing-claims.camel.yaml");
    }
    if (!settings.getBoolean("patterns.enabled", true)) {
      excluded.add("**/detect-payer-patterns.camel.yaml");
    }
    if (!settings.getBoolean("scrubber.learn.enabled", true)) {
      excluded.add("**/learn-scrub-rules.camel.yaml");
    }
    if (!excluded.isEmpty()) {
      settings.derive("camel.main.routes-exclude-pattern", String.join(",", excluded));
    }
    main.setInitialProperties(settings.resolved());
    main.setOverrideProperties(settings.resolved());
    java.util.Set<String> acknowledged = new java.util.HashSet<>();
    for (String flow : List.of("837", "835")) {
      if (settings.getBoolean("acks." + flow + ".enabled", false)) {
        acknowledged.add(flow);
      }
    }
    String node = nodeName();
    FileClaims claims =
        new FileClaims(
            database,
            node,
            Duration.ofMillis(settings.getLong("intake.claim-timeout-ms", 120_000)));
    GatewayIntake x12Intake =
        new GatewayIntake(
                database,
                processor,
                settings.path("intake.spool-dir", "var/spool"),
                acknowledged,
                claims)
            .keepSegments(settings.getBoolean("evidence.segments", true));
    main.bind("x12Intake", x12Intake);
    main.bind("fileClaimLock", fileClaimLock(claims));
    int concurrentFiles = settings.getInt("intake.concurrent-files", 1);
    if (concurrentFiles < 1 || concurrentFiles > 32) {
      throw new IllegalArgumentException(
          "intake.concurrent-files must be between 1 and 32: " + concurrentFiles);
    }
    if (concurrentFiles > 1 && !database.locksMatchKeys()) {
      LOG.info(
          "intake.concurrent-files = {}: files are downloaded at once but take turns in the H2"
              + " store (they are read at once on PostgreSQL)",
          concurrentFiles);
    }
    main.bind(
        "outboxRelay",
        new OutboxRelay(
            database,
            settings.getInt("outbox.batch-size", 2000),
            jms,
            brokerName,
            node,
            Duration.ofMillis(settings.getLong("outbox.relay-lease-ms", 30_000))));
    main.bind(
        "outboxRetention",
        new OutboxRetention(
            database,
            java.time.Duration.parse(settings.get("outbox.retention", "P7D")),
            java.time.Clock.systemUTC()));
    main.bind("fileRegistry", new FileRegistry(database));
    controlRoom = controlRoomServer();
    dev.x12gw.store.ControlRoomStore controlRoomStore =
        new dev.x12gw.store.ControlRoomStore(database.dataSource());
    controlRoomFacts =
        new ControlRoomFactsCache(
            controlRoomStore,
            java.time.Duration.parse(settings.get("control-room.facts.max-age", "PT5M")),
            java.time.Duration.ofMillis(settings.getLong("control-room.answer-budget-ms", 1000)));
    resources.add(controlRoomFacts);
    PayerPatterns patterns =
        new PayerPatterns(
            database,
            controlRoomFacts,
            new RecordFactory(queues, intelligence.codes()),
            patternPolicy(),
            java.time.Clock.systemDefaultZone());
    main.bind("payerPatterns", patterns);
    Prebill prebill = null;
    Path scrubberDir = settings.path("scrubber.dir", "config/scrubber");
    dev.x12gw.domain.scrub.ScrubRules scrubRules = dev.x12gw.config.ScrubberFiles.load(scrubberDir);
    ScrubFeedback scrubFeedback =
        new ScrubFeedback(
            database,
            scrubRules,
            new RecordFactory(queues, intelligence.codes()),
            settings.getInt("scrubber.learn.min-denials", 3),
            Double.parseDouble(settings.get("scrubber.learn.min-rate", "0.2")),
            settings.path(
                "scrubber.learn.suggestions-file", "var/scrubber/suggested-payer-rules.csv"),
            settings.path("scrubber.backtest-report", "var/scrubber/backtest.json"),
            java.time.Clock.systemUTC());
    main.bind("scrubFeedback", scrubFeedback);
    if (settings.getBoolean("prebill.enabled", true)) {
      prebill =
          new Prebill(
              database,
              x12Intake,
              new dev.x12gw.domain.scrub.Scrubber(scrubRules),
              new RecordFactory(queues, intelligence.codes()),
              settings.get("prebill.mode", "enforce"),
              dev.x12gw.config.ScrubberFiles.modes(scrubberDir),
              java.time.Clock.systemDefaultZone());
      main.bind("prebill", prebill);
    }
    main.bind(
        "controlRoom",
        new ControlRoomApi(
            controlRoomStore,
            controlRoomFacts,
            patterns,
            prebill,
            scrubFeedback,
            new dev.x12gw.controlroom.EvidencePackets(
                new dev.x12gw.store.EvidenceStore(database.dataSource()), intelligence.codes()),
            java.time.Clock.systemDefaultZone()));
    main.bind("jms", JmsComponent.jmsComponent(jms));
    main.addMainListener(
        new MainListenerSupport() {
          @Override
          public void afterStart(BaseMainSupport m) {
            if (controlRoom != null) {
              controlRoomFacts.warmUp(); // the dashboard's first request then finds them read
            }
            try {
              addPollers(
                  m.getCamelContext(),
                  concurrentFiles,
                  settings.getLong("sftp.poll-initial-delay-ms", 1000),
                  settings.getLong("sftp.poll-delay-ms", 1000));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public void afterConfigure(BaseMainSupport m) {
            // the HTTP server before the routes: their platform-http consumers attach to it
            if (controlRoom != null) {
              try {
                m.getCamelContext().addService(controlRoom, true, true);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          }

          @Override
          public void beforeStart(BaseMainSupport m) {
            try {
              // stopped by Camel after its routes: the drop, broker and store outlive them
              m.getCamelContext().addService(new Resources(), true, true);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
    LOG.info("Gateway home {}, node {}", home, node);
  }

  /**
   * {@code intake.concurrent-files}: each route made from the template {@code receive-x12-files}
   * (route group {@code intake}) gets {@code files - 1} more routes of the same parameters ({@code
   * <route id>-2}, ...), so its folder has that many pollers, their first polls staggered over a
   * poll delay. A Camel SFTP consumer reads its files one after the other and needs an endpoint URI
   * of its own (hence the distinct first poll). Two pollers of this node never take the same file
   * ({@link ClaimedFileReadLock}); other nodes are kept off by the file's claim in the store.
   */
  private static void addPollers(
      org.apache.camel.CamelContext camel, int files, long firstPoll, long pollDelay)
      throws Exception {
    if (files < 2) {
      return;
    }
    org.apache.camel.model.Model model =
        camel.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class);
    for (org.apache.camel.model.RouteDefinition route : List.copyOf(model.getRouteDefinitions())) {
      if (!route.isCreatedFromTemplate() || !"intake".equals(route.getGroup())) {
        continue; // the routes of group intake: those made from receive-x12-files
      }
      java.util.Map<String, Object> parameters =
          new java.util.HashMap<>(route.getTemplateParameters());
      parameters.keySet().removeAll(List.of("templateId", "routeId", "uuid", "prefixId"));
      for (int n = 2; n <= files; n++) {
        // a poll of the folder every pollDelay / files ms; and one endpoint URI per poller
        String first = String.valueOf(firstPoll + (n - 1) * pollDelay / files + n);
        parameters.put("firstPoll", first);
        parameters.put("first-poll", first); // Camel keeps the name in both spellings
        model.addRouteFromTemplate(route.getRouteId() + "-" + n, "receive-x12-files", parameters);
      }
      LOG.info(
          "{}: {} pollers of its folder (intake.concurrent-files), routes {}-2 to -{}",
          route.getRouteId(),
          files,
          route.getRouteId(),
          files);
    }
  }

  /**
   * This node's name among the gateways sharing the store ({@code gateway.node}): by default the
   * host name and the installation's folder, the same across restarts, so a gateway started again
   * after a crash takes back at once the files it held (another name would wait for its old claims
   * to time out). Two gateways of one installation folder on one host must be given names.
   */
  private String nodeName() {
    String configured = settings.get("gateway.node", "");
    if (!configured.isBlank()) {
      return configured.trim();
    }
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    String name = host + ":" + settings.home().toAbsolutePath().normalize();
    return name.length() <= 200 ? name : name.substring(name.length() - 200);
  }

  /**
   * The intake routes' read lock: {@code sftp.read-lock} ({@code changed}: the upload finished, or
   * {@code none}) and then this node's claim of the file in the store.
   */
  private ClaimedFileReadLock<ChannelSftp.LsEntry> fileClaimLock(FileClaims claims) {
    String kind = settings.get("sftp.read-lock", "changed");
    SftpChangedExclusiveReadLockStrategy upload = null;
    long checkInterval = settings.getLong("sftp.read-lock-check-interval-ms", 1000);
    if ("changed".equals(kind)) {
      upload = new SftpChangedExclusiveReadLockStrategy();
      upload.setTimeout(settings.getLong("sftp.read-lock-timeout-ms", 60_000));
      upload.setCheckInterval(checkInterval);
      upload.setMinLength(0);
    } else if (!"none".equals(kind)) {
      throw new IllegalStateException(
          "sftp.read-lock is " + kind + ": changed (the upload finished) or none");
    }
    return new ClaimedFileReadLock<>(upload, checkInterval, claims, java.time.Clock.systemUTC());
  }

  /**
   * The gateway's store as {@code settings} name it: {@code db.url}, else the H2 file {@code
   * db.path}; credentials {@code db.user} and {@code db.password}. Also what {@code x12gw report}
   * reads.
   */
  public static Database openStore(Settings settings) throws IOException {
    String url = settings.get("db.url", "");
    if (url.isEmpty()) {
      Path db = settings.path("db.path", "var/db/gateway");
      Files.createDirectories(db.getParent());
      String options = settings.get("db.h2.options", "");
      if (!options.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
        // the gateway closes its store after its routes stopped (and compacts it then); H2's own
        // shutdown hook would close it first, under a file still being read
        options += ";DB_CLOSE_ON_EXIT=FALSE";
      }
      url = "jdbc:h2:file:" + db + options;
    }
    return Database.open(
        url,
        settings.get("db.user", "x12gw"),
        settings.get("db.password", ""),
        settings.getInt("db.max-connections", 8),
        Duration.ofMillis(settings.getLong("db.connection-timeout-ms", 10_000)));
  }

  /** The port the control room listens on, or -1 when it is disabled. */
  public int controlRoomPort() {
    return controlRoom == null ? -1 : controlRoom.port();
  }

  /** {@code patterns.*}: when a payer's rate is a pattern. */
  private dev.x12gw.domain.controlroom.PatternPolicy patternPolicy() {
    return new dev.x12gw.domain.controlroom.PatternPolicy(
        settings.getInt("patterns.baseline-months", 6),
        settings.getLong("patterns.min-volume", 30),
        settings.getLong("patterns.min-findings", 5),
        new java.math.BigDecimal(settings.get("patterns.min-lift", "0.05")),
        Double.parseDouble(settings.get("patterns.alpha", "0.01")),
        settings.getBoolean("patterns.bonferroni", false));
  }

  /** The control room's HTTP server, or null when {@code control-room.enabled} is false. */
  private ControlRoomServer controlRoomServer() {
    if (!settings.getBoolean("control-room.enabled", true)) {
      return null;
    }
    return new ControlRoomServer(
        settings.get("control-room.host", "127.0.0.1"),
        settings.getInt("control-room.port", 8090),
        settings.get("control-room.user", ""),
        settings.get("control-room.password", ""),
        settings.get("control-room.token", ""));
  }

  private Database openDatabase() throws IOException {
    Database database = openStore(settings);
    database.compactOnClose(settings.getBoolean("db.h2.compact-on-close", true));
    return database;
  }

  private void startSftpDrop() throws IOException, java.security.GeneralSecurityException {
    String host = settings.get("sftp.host");
    String mode = settings.get("sftp.local-server", "auto");
    boolean local = "auto".equals(mode) ? isLoopback(host) : Boolean.parseBoolean(mode);
    Path knownHosts = settings.path("sftp.known-hosts-file", "var/sftp/known_hosts");
    settings.derive("sftp.known-hosts-file", knownHosts.toString());
    if (!local) {
      String key = settings.get("sftp.private-key-file", "");
      if (key.isEmpty()) {
        settings.get("sftp.password"); // a remote drop needs a password or a key: fail fast
      } else if (!Files.isReadable(Path.of(key))) {
        throw new IllegalStateException(
            "sftp.private-key-file "
                + key
                + " cannot be read: the gateway logs in to the drop"
                + " with this key (its passphrase from SFTP_PRIVATE_KEY_PASSPHRASE)");
      }
      if (!Files.isRegularFile(knownHosts)) {
        throw new IllegalStateException(
            "sftp.known-hosts-file "
                + knownHosts
                + " is missing: add the clearinghouse's host"
                + " key (ssh-keyscan -p PORT HOST > FILE) so the gateway can verify it");
      }
      LOG.info(
          "SFTP drop: remote {}:{}, user '{}' by {}",
          host,
          settings.get("sftp.port"),
          settings.get("sftp.username"),
          key.isEmpty() ? "password" : "private key " + key);
      return;
    }
    Path dir = settings.path("sftp.local-server.dir", "var/sftp");
    Files.createDirectories(dir);
    String password = settings.get("sftp.password", "");
    if (password.isEmpty()) {
      password = localPassword(dir.resolve("password"));
      settings.derive("sftp.password", password);
    }
    LocalSftpServer server =
        new LocalSftpServer(
            host,
            settings.getInt("sftp.port", 2222),
            Files.createDirectories(dir.resolve("root")),
            dir.resolve("host-key.pem"),
            dir.resolve("authorized_keys"),
            settings.get("sftp.username"),
            password);
    server.start(
        List.of(
            settings.get("sftp.inbound.837"),
            settings.get("sftp.inbound.835"),
            settings.get("sftp.acks.folder")),
        knownHosts);
    resources.add(server);
    settings.derive("sftp.port", String.valueOf(server.port()));
    LOG.info(
        "SFTP drop user '{}'; password from SFTP_PASSWORD or {}",
        settings.get("sftp.username"),
        dir.resolve("password"));
  }

  /** The local drop's password: generated once, kept readable by the owner only. */
  private static String localPassword(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.warn("cannot restrict permissions of {}", file);
    }
    return password;
  }

  private JmsPoolConnectionFactory startBroker(QueueNames queues) throws Exception {
    String url = settings.get("broker.url", "");
    ActiveMQConnectionFactory cf;
    if (url.isEmpty()) {
      EmbeddedBroker broker =
          new EmbeddedBroker(
              settings.path("broker.embedded.data-dir", "var/artemis"),
              settings.get("broker.embedded.tcp-host", "127.0.0.1"),
              settings.getInt("broker.embedded.tcp-port", 61616),
              settings.getInt("broker.embedded.id-cache-size", 100_000),
              settings.getInt("broker.embedded.global-max-size-mb", 64),
              queues.all());
      broker.start();
      resources.add(broker);
      cf = new ActiveMQConnectionFactory(EmbeddedBroker.VM_URL);
      brokerName = "the embedded broker";
    } else {
      Path trustStore =
          settings.find("broker.trust-store").filter(v -> !v.isEmpty()).isPresent()
              ? settings.path("broker.trust-store", "")
              : null;
      cf =
          ExternalBroker.connectionFactory(
              url,
              settings.get("broker.user", null),
              settings.get("broker.password", null),
              trustStore,
              settings.get("broker.trust-store-password", ""));
      brokerName =
          "the broker "
              + ExternalBroker.masked(url)
              + (trustStore == null
                  ? ""
                  : " over TLS (is the broker's certificate, or the CA that signed it, in"
                      + " broker.trust-store "
                      + trustStore
                      + ", for the host name of broker.url?)");
      LOG.info(
          "External broker {}{}",
          ExternalBroker.masked(url),
          trustStore == null ? "" : " over TLS (trust store " + trustStore + ")");
    }
    resources.add(cf);
    JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
    pool.setConnectionFactory(cf);
    pool.setMaxConnections(settings.getInt("broker.max-connections", 2));
    resources.add(pool::stop); // closed before the broker it talks to
    return pool;
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Starts Camel and returns; for tests and embedding. */
  public void start() throws Exception {
    main.start();
    started = true;
  }

  /** Runs until the process is told to stop (Ctrl-C, SIGTERM), then shuts down cleanly. */
  public void run() throws Exception {
    started = true;
    try {
      main.run();
    } finally {
      close();
    }
  }

  public CamelContext camelContext() {
    return main.getCamelContext();
  }

  /** The control room's facts in memory (their first load starts with the gateway). */
  public ControlRoomFactsCache controlRoomFacts() {
    return controlRoomFacts;
  }

  /** The effective settings (with derived values such as the local drop's port). */
  public Settings settings() {
    return settings;
  }

  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      main.stop();
    }
    closeResources();
  }

  private synchronized void closeResources() {
    // resources are closed once, in reverse order of opening
    List<AutoCloseable> open = new ArrayList<>(resources);
    resources.clear();
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}: {}", open.get(i), e.toString());
      }
    }
  }

  /** Lets Camel stop the infrastructure after its routes, also on a signal. */
  private final class Resources extends ServiceSupport {
    @Override
    protected void doStop() {
      closeResources();
    }
  }
}
