package dev.x12gw.cli;

import dev.x12gw.bench.X12Generator;
import dev.x12gw.gateway.EmbeddedBroker;
import dev.x12gw.gateway.LocalGatewayEnvironment;
import dev.x12gw.gateway.LocalSftpServer;
import dev.x12gw.gateway.SftpUploader;
import dev.x12gw.records.QueueNames;
import dev.x12gw.store.PostgresDatabases;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * {@code x12gw bench --gateway}: the gateway's own path, measured as a user meets it. Starts the
 * gateway as a separate process ({@code x12gw run}, embedded defaults, its state in a fresh
 * folder), uploads generated files to its SFTP drop (temporary name, then renamed), consumes every
 * record from every queue with a plain JMS consumer, and prints drop-to-last-record time, MB/s,
 * records/s, the {@code analyze} time of the same files in the same run (a separate process too,
 * JVM start included) and the ratio, peak heap (from the GC log) and peak RSS, and the store's size
 * while running and after a clean shutdown, per input byte. {@code --days N} drops one file a day
 * for N days (distinct content each) and prints the store size after each; with {@code
 * --day-seconds S} a day lasts S seconds (the next drop waits for it) and the gateway's outbox
 * retention of seven days is set to 7×S seconds, so a month of retention is measured in minutes.
 */
final class GatewayBench {
  private static final Pattern QUEUED = Pattern.compile(": committed; (\\d+) record");
  private static final Pattern PUBLISHED = Pattern.compile("Published (\\d+) record");

  private static final Pattern GC_PEAK = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

  /** A thread dump's header line: name, number (not for the JVM's own threads) and CPU. */
  private static final Pattern THREAD_CPU =
      Pattern.compile("(?m)^\"(.*)\" (#\\d+)?.*? cpu=([0-9.]+)ms");

  private final Path home;
  private final PrintStream out;
  private final String javaOpts;

  GatewayBench(Path home, PrintStream out, String javaOpts) {
    this.home = home;
    this.out = out;
    this.javaOpts = javaOpts;
  }

  /**
   * @param mode {@code 835} (one 835 of claims never sent) or {@code 837+835} (the 837 first, then
   *     the 835 that answers it)
   */
  int run(
      Path dir,
      int sizeMb,
      String mode,
      int days,
      int daySeconds,
      boolean relayBacklog,
      int nodes,
      String dbUrl,
      int filesPerDrop)
      throws Exception {
    Files.createDirectories(dir);
    List<List<Path>> drops = new ArrayList<>();
    for (int day = 0; day < Math.max(1, days); day++) {
      drops.add(files(dir, sizeMb, mode, day, filesPerDrop));
    }
    long inputBytes = 0;
    for (Path f : drops.get(0)) {
      inputBytes += Files.size(f);
    }
    out.printf(
        Locale.ROOT,
        "JDK %s, %d cores; JAVA_OPTS '%s' (the gateway's adds '%s', analyze's nothing); mode %s,"
            + " %d file(s) a drop, %.1f MB a drop%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        javaOpts,
        String.join(" ", dev.x12gw.config.GatewayJvmOptions.read(home, javaOpts)),
        mode,
        drops.get(0).size(),
        inputBytes / 1e6);

    Analyzed analyzed = analyze(dir, drops.get(0));
    double analyzeSeconds = analyzed.seconds();
    Path var = dir.resolve("gateway-var");
    deleteTree(var);
    if (dbUrl != null) {
      out.printf(
          Locale.ROOT,
          "%d gateway node(s) on one drop (served by the bench), one broker (in the bench's JVM,"
              + " a separate process from the gateways) and a new PostgreSQL database; each node"
              + " reads up to %s file(s) of a folder at once (intake.concurrent-files)%n",
          nodes,
          System.getenv().getOrDefault("INTAKE_CONCURRENT_FILES", "1"));
    }
    Map<String, String> env = new java.util.HashMap<>();
    // the records counted are the intake's, each file's from its intake_file row: rules learned
    // from denials (an hourly read of the whole store) would arrive uncounted
    env.put("SCRUBBER_LEARN_ENABLED", "false");
    if (daySeconds > 0) {
      env.put("OUTBOX_RETENTION", Duration.ofSeconds(7L * daySeconds).toString());
      env.put("OUTBOX_PURGE_INTERVAL_MS", String.valueOf(Math.max(1000, daySeconds * 250)));
      out.printf(
          Locale.ROOT,
          "a day lasts %d s: outbox retention 7 days = %s, checked every %s ms%n",
          daySeconds,
          env.get("OUTBOX_RETENTION"),
          env.get("OUTBOX_PURGE_INTERVAL_MS"));
    }
    try (Site gw = new Site(var, env, nodes, dbUrl)) {
      gw.start();
      long totalInput = 0;
      long firstDrop = System.nanoTime();
      for (int day = 0; day < drops.size(); day++) {
        List<Path> drop = drops.get(day);
        long dayStart = firstDrop + TimeUnit.SECONDS.toNanos((long) day * daySeconds);
        long wait = dayStart - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        // the drop's clock starts when its first file is in place (renamed into the folder): the
        // upload before it is the clearinghouse's transfer, timed apart
        LocalDateTime dropped = null;
        long start = 0;
        // the thread dumps only for the one-drop report (a day prints its time and store only)
        Map<String, Double> threadsBefore = days == 0 ? gw.threadCpu() : Map.of();
        double gatewayCpuBefore = gw.cpuSeconds();
        double benchCpuBefore = ownCpuSeconds();
        long uploadStart = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (Path f : drop) {
          gw.upload(f.getFileName().toString().endsWith(".837") ? "inbound/837" : "inbound/835", f);
          names.add(f.getFileName().toString());
          if (dropped == null) {
            dropped = LocalDateTime.now();
            start = System.nanoTime();
          }
        }
        double firstUpload = (start - uploadStart) / 1e9;
        // consumed while the files are read, as a billing system's consumer would
        long received = gw.consumeDrop(names, Duration.ofHours(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        double gatewayCpu = gw.cpuSeconds() - gatewayCpuBefore;
        Map<String, Double> threadsAfter = days == 0 ? gw.threadCpu() : Map.of();
        double benchCpu = ownCpuSeconds() - benchCpuBefore;
        long bytes = 0;
        for (Path f : drop) {
          bytes += Files.size(f);
        }
        totalInput += bytes;
        long store = gw.storeBytes();
        if (days > 0) {
          if (day == 0) {
            out.printf(
                Locale.ROOT,
                "analyze of day 1's files (JVM start included): %.1f s; each day's ratio is to"
                    + " it (day 1: a fresh gateway; from day 2 on: one that ran before)%n",
                analyzeSeconds);
          }
          out.printf(
              Locale.ROOT,
              "day %2d: %d records in %.1f s, ratio to analyze %.2f; store %.1f MB (%.2f bytes per"
                  + " input byte so far)%n",
              day + 1,
              received,
              seconds,
              analyzeSeconds / seconds,
              store / 1e6,
              (double) store / totalInput);
        } else {
          out.printf(
              Locale.ROOT,
              "gateway: drop -> last record %.1f s, %.2f MB/s, %.0f records/s (%d records, each"
                  + " once), %.2f files/s, %.0f claims/s and %.0f claim payments/s%n",
              seconds,
              bytes / 1e6 / seconds,
              received / seconds,
              received,
              drop.size() / seconds,
              gw.read(names, "claim") / seconds,
              gw.read(names, "payment") / seconds);
          out.printf(
              Locale.ROOT,
              "analyze (JVM start included): %.1f s; gateway / analyze speed ratio %.2f%n",
              analyzeSeconds,
              analyzeSeconds / seconds);
          out.printf(
              Locale.ROOT,
              "upload of the first file (the clearinghouse's SFTP transfer, before the drop's"
                  + " clock starts): %.1f s%n",
              firstUpload);
          out.printf(
              Locale.ROOT,
              "CPU: the gateway %.1f s from the upload to the last record (%s), the bench's"
                  + " uploader and consumer %.1f s; analyze %.1f s (JVM start included); gateway /"
                  + " analyze CPU %.1f%n",
              gatewayCpu,
              nodes == 1 ? "its process" : "its " + nodes + " processes",
              benchCpu,
              analyzed.cpuSeconds(),
              gatewayCpu / analyzed.cpuSeconds());
          if (!threadsAfter.isEmpty()) {
            out.println(cpuByThread(threadsBefore, threadsAfter));
          }
          gw.phases(drop, dropped, received).ifPresent(out::println);
          if (drop.size() == 1) {
            java.util.Optional<LocalDateTime> reading =
                gw.readingAt(drop.get(0).getFileName().toString());
            if (reading.isPresent()) {
              double fromReading =
                  seconds - Duration.between(dropped, reading.get()).toMillis() / 1e3;
              out.printf(
                  Locale.ROOT,
                  "gateway from taken in to last record (without the SFTP poll and read-lock"
                      + " wait): %.1f s; ratio to analyze %.2f%n",
                  fromReading,
                  analyzeSeconds / fromReading);
            }
          }
          out.printf(
              Locale.ROOT,
              "store while running: %.1f MB = %.1f bytes per input byte%n",
              store / 1e6,
              (double) store / bytes);
        }
      }
      long rss = gw.peakRssBytes();
      gw.stop();
      long after = gw.storeBytes();
      out.printf(
          Locale.ROOT,
          "store after shutdown: %.1f MB = %.1f bytes per input byte; gateway peak heap %d MB"
              + " (%d MB after the fullest GC), peak RSS %d MB (the largest of its nodes)%n",
          after / 1e6,
          (double) after / totalInput,
          gw.peakHeapMb(1),
          gw.peakHeapMb(2),
          rss / 1_000_000);
    }
    if (relayBacklog && days == 0 && dbUrl == null) {
      relayBacklog(dir, drops.get(0));
    }
    return X12gw.OK;
  }

  /**
   * The relay on its own: the files are taken in with the relay held back (its first tick an hour
   * away), the gateway is stopped and started again, and the relay drains the whole outbox at its
   * first tick; its rate is taken from its own log lines (first to last batch).
   */
  private void relayBacklog(Path dir, List<Path> drop) throws Exception {
    Path var = dir.resolve("backlog-var");
    deleteTree(var);
    long expected = 0;
    try (Site gw = new Site(var, Map.of("OUTBOX_POLL_INTERVAL_MS", "3600000"), 1, null)) {
      gw.start();
      for (Path f : drop) {
        gw.upload(f.getFileName().toString().endsWith(".837") ? "inbound/837" : "inbound/835", f);
        expected += gw.awaitQueued(f.getFileName().toString(), Duration.ofHours(2));
      }
      gw.stop();
    }
    Files.move(var.resolve("gateway.log"), var.resolve("gateway-intake.log"));
    try (Site gw = new Site(var, Map.of(), 1, null)) {
      gw.start();
      long start = System.nanoTime();
      // the relay alone first: nothing consumes until it has published the whole backlog
      long deadline = start + Duration.ofHours(2).toNanos();
      RelayLog relay = RelayLog.of(gw.logText());
      while (relay.published() < expected && System.nanoTime() < deadline) {
        Thread.sleep(100);
        relay = RelayLog.of(gw.logText());
      }
      long received = gw.consume(expected, Duration.ofHours(2));
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "relay backlog: %d records queued with the relay held back; after the restart the"
              + " relay alone (no consumer yet) published them all, %d after its first batch in"
              + " %.1f s = %.0f records/s (batches of outbox.batch-size, durable,"
              + " duplicate-detected, the JVM just started); then %d received once each, %.1f s"
              + " after the restart%n",
          expected,
          relay.afterFirst(),
          relay.seconds(),
          relay.rate(),
          received,
          seconds);
      gw.stop();
    }
  }

  /**
   * The relay's "Published N record(s)" lines of a gateway log: how many in all, and the rate of
   * those after the first batch over the time from the first batch's line to the last's (the first
   * batch's own time is not in the log).
   */
  private record RelayLog(long published, long afterFirst, double seconds) {
    static RelayLog of(String log) {
      LocalDateTime first = null;
      LocalDateTime last = null;
      long published = 0;
      long firstBatch = 0;
      for (String line : log.split("\n")) {
        Matcher m = PUBLISHED.matcher(line);
        if (line.contains("OutboxRelay - Published ") && m.find()) {
          LocalDateTime at = LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T'));
          long n = Long.parseLong(m.group(1));
          if (first == null) {
            first = at;
            firstBatch = n;
          }
          last = at;
          published += n;
        }
      }
      return new RelayLog(
          published,
          published - firstBatch,
          first == null ? 0 : Duration.between(first, last).toMillis() / 1e3);
    }

    double rate() {
      return seconds > 0 ? afterFirst / seconds : 0;
    }
  }

  /**
   * Where the time of a one-file drop went, from the gateway's log lines: drop to taken in (SFTP
   * poll, read lock, download), taken in to commit (read, store, match, classify, queue), commit
   * and sync, and the relay's pace after the commit.
   */
  static java.util.Optional<String> phases(
      String log, List<Path> drop, LocalDateTime dropped, long records) {
    if (drop.size() != 1) {
      return java.util.Optional.empty();
    }
    String name = drop.get(0).getFileName().toString();
    LocalDateTime reading = null;
    LocalDateTime committing = null;
    LocalDateTime committed = null;
    LocalDateTime lastPublished = null;
    long afterCommit = 0;
    for (String line : log.split("\n")) {
      if (line.length() < 23) {
        continue;
      }
      LocalDateTime at;
      try {
        at = LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T'));
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      if (line.contains(name + ": reading ")) {
        reading = at;
      } else if (line.contains(name + ": ") && line.endsWith("; committing")) {
        committing = at;
      } else if (line.contains(name + ": committed;")) {
        committed = at;
      } else if (committed != null && line.contains("OutboxRelay - Published ")) {
        Matcher m = PUBLISHED.matcher(line);
        if (m.find()) {
          afterCommit += Long.parseLong(m.group(1));
          lastPublished = at;
        }
      }
    }
    if (reading == null || committing == null || committed == null) {
      return java.util.Optional.empty();
    }
    double relaySeconds =
        lastPublished == null ? 0 : Duration.between(committed, lastPublished).toMillis() / 1e3;
    return java.util.Optional.of(
        String.format(
            Locale.ROOT,
            "phases: drop -> taken in %.1f s (SFTP poll, read lock, download); read, store, match,"
                + " classify %.1f s; commit and sync %.1f s; relay after the commit %d of %d"
                + " records in %.1f s (%.0f records/s)",
            Duration.between(dropped, reading).toMillis() / 1e3,
            Duration.between(reading, committing).toMillis() / 1e3,
            Duration.between(committing, committed).toMillis() / 1e3,
            afterCommit,
            records,
            relaySeconds,
            relaySeconds > 0 ? afterCommit / relaySeconds : 0));
  }

  /**
   * The files of day {@code day}: {@code files} 835s (and as many 837s whose claims they answer, in
   * mode 837+835) of {@code sizeMb / files} MB each, their claims and EFT traces numbered apart
   * from other files' and days'.
   */
  private static List<Path> files(Path dir, int sizeMb, String mode, int day, int files)
      throws IOException {
    long bytes = sizeMb * 1_000_000L / files;
    long seed = 42 + day;
    List<Path> f837 = new ArrayList<>();
    List<Path> f835 = new ArrayList<>();
    for (int k = 0; k < files; k++) {
      String name =
          files == 1
              ? "gw-day" + day + "-" + sizeMb + "mb"
              : "gw-day" + day + "-" + sizeMb + "mb-" + (k + 1) + "of" + files;
      int batch = files == 1 ? day : day * files + k;
      Path remits = dir.resolve(name + ".835");
      if (!Files.isRegularFile(remits) || Files.size(remits) < bytes) {
        new X12Generator(seed, 2000, batch).write835(remits, bytes);
      }
      f835.add(remits);
      if ("837+835".equals(mode)) {
        Path claims = dir.resolve(name + ".837");
        if (!Files.isRegularFile(claims) || Files.size(claims) < bytes) {
          new X12Generator(seed, 2000, batch).write837(claims, bytes);
        }
        f837.add(claims);
      }
    }
    List<Path> all = new ArrayList<>(f837);
    all.addAll(f835);
    return all;
  }

  /** A run of {@code analyze}: its wall time and the CPU its process used, JVM start included. */
  private record Analyzed(double seconds, double cpuSeconds) {}

  /** {@code x12gw analyze} of the files in a separate JVM, output discarded. */
  private Analyzed analyze(Path dir, List<Path> files) throws Exception {
    List<String> cmd = new ArrayList<>(javaCommand());
    cmd.add("analyze");
    files.forEach(f -> cmd.add(f.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(dir.resolve("analyze.log").toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    // the process's CPU is readable while it lives: the last reading misses at most 20 ms of it
    Duration cpu = Duration.ZERO;
    while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
      cpu = p.info().totalCpuDuration().orElse(cpu);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() > 1) {
      throw new IllegalStateException("analyze failed; see " + dir.resolve("analyze.log"));
    }
    return new Analyzed(seconds, cpu.toNanos() / 1e9);
  }

  /** What the gateway's threads are, by a part of their names (the first that matches). */
  private static final List<Map.Entry<String, Pattern>> THREAD_GROUPS =
      List.of(
          Map.entry("intake", Pattern.compile("sftp://")),
          Map.entry("relay", Pattern.compile("publish-records")),
          Map.entry("JIT compilers", Pattern.compile("^C[12] CompilerThread")),
          Map.entry("GC and VM", Pattern.compile("^(GC Thread|VM Thread|VM Periodic)")),
          Map.entry("H2's writer", Pattern.compile("^H2-")),
          Map.entry("broker", Pattern.compile("activemq|[Aa]rtemis")),
          Map.entry("SFTP drop", Pattern.compile("^sshd-")));

  /**
   * The CPU the drop took, by group of the gateway's threads: each thread's CPU after the drop less
   * before it (a thread that ended in between is not counted).
   */
  static String cpuByThread(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> groups = new java.util.LinkedHashMap<>();
    THREAD_GROUPS.forEach(g -> groups.put(g.getKey(), 0.0));
    groups.put("other", 0.0);
    after.forEach(
        (thread, cpu) -> {
          String group = "other";
          for (Map.Entry<String, Pattern> g : THREAD_GROUPS) {
            if (g.getValue().matcher(thread).find()) {
              group = g.getKey();
              break;
            }
          }
          groups.merge(group, cpu - before.getOrDefault(thread, 0.0), Double::sum);
        });
    StringBuilder line = new StringBuilder("CPU by the gateway's threads (jcmd Thread.print):");
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(
            g -> line.append(String.format(Locale.ROOT, " %s %.1f s,", g.getKey(), g.getValue())));
    line.setLength(line.length() - 1);
    return line.toString();
  }

  /** Each thread of a thread dump ({@code jcmd PID Thread.print}) with its CPU seconds. */
  static Map<String, Double> cpuPerThread(String dump) {
    Map<String, Double> out = new java.util.HashMap<>();
    Matcher m = THREAD_CPU.matcher(dump);
    while (m.find()) {
      out.put(
          m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)),
          Double.parseDouble(m.group(3)) / 1e3);
    }
    return out;
  }

  /** CPU seconds this process (the bench: uploader and consumer) used so far. */
  private static double ownCpuSeconds() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
  }

  private List<String> javaCommand() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : javaOpts.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        cmd.add(o);
      }
    }
    cmd.add("-Dx12gw.home=" + home);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(X12gw.class.getName());
    return cmd;
  }

  static long size(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String dbPassword() {
    return System.getenv().getOrDefault("DB_PASSWORD", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The gateways under measurement and what they share. One node on its embedded defaults (its own
   * drop, broker and H2 store below {@code var}); or, with a PostgreSQL URL, N nodes on one drop
   * served by the bench, one broker in the bench's JVM (a process apart from the gateways) and a
   * new database created for the run.
   */
  private final class Site implements AutoCloseable {
    private final Path var;
    private final Map<String, String> env;
    private final int nodes;
    private final String serverUrl;
    private final String password;
    private final List<Child> children = new ArrayList<>();
    private LocalSftpServer drop;
    private EmbeddedBroker broker;
    private String dbUrl;
    private int sftpPort;
    private Path knownHosts;
    private int brokerPort;
    private ActiveMQConnectionFactory factory;
    private Connection jms;
    private final Set<String> seen = new HashSet<>();
    private long duplicates;

    Site(Path var, Map<String, String> env, int nodes, String serverUrl) throws IOException {
      this.var = Files.createDirectories(var);
      this.env = Map.copyOf(env);
      this.nodes = nodes;
      this.serverUrl = serverUrl;
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      this.password = java.util.HexFormat.of().formatHex(random);
    }

    void start() throws Exception {
      sftpPort = freePort();
      brokerPort = freePort();
      if (serverUrl == null) {
        Path nodeVar = var;
        Map<String, String> childEnv =
            new java.util.HashMap<>(
                LocalGatewayEnvironment.of(nodeVar, sftpPort, brokerPort, password));
        childEnv.putAll(env);
        knownHosts = LocalGatewayEnvironment.knownHosts(nodeVar);
        children.add(new Child(nodeVar, childEnv));
      } else {
        dbUrl =
            PostgresDatabases.create(
                serverUrl, System.getenv("DB_USER"), dbPassword(), "x12gw_bench_");
        out.println("store: database " + dbUrl.replaceAll("\\?.*", ""));
        drop = LocalSftpServer.startSharedDrop(var.resolve("drop"), sftpPort, password);
        knownHosts = LocalSftpServer.sharedDropKnownHosts(var.resolve("drop"));
        broker =
            new EmbeddedBroker(
                var.resolve("broker"),
                "127.0.0.1",
                brokerPort,
                100_000,
                64,
                QueueNames.defaults().all());
        broker.start();
        for (int n = 1; n <= nodes; n++) {
          Path nodeVar = var.resolve("node-" + n);
          Map<String, String> childEnv = new java.util.HashMap<>();
          childEnv.put("GATEWAY_NODE", "bench-node-" + n);
          childEnv.put("DB_URL", dbUrl);
          childEnv.put("BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
          childEnv.put("SFTP_LOCAL_SERVER", "false");
          childEnv.put("SFTP_HOST", "127.0.0.1");
          childEnv.put("SFTP_PORT", String.valueOf(sftpPort));
          childEnv.put("SFTP_PASSWORD", password);
          childEnv.put("SFTP_KNOWN_HOSTS_FILE", knownHosts.toString());
          childEnv.put("INTAKE_SPOOL_DIR", nodeVar.resolve("spool").toString());
          childEnv.putAll(env);
          children.add(new Child(nodeVar, childEnv));
        }
      }
      for (Child c : children) {
        c.start();
      }
      factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
      jms = factory.createConnection();
      jms.start();
    }

    /** The logs of every node, one after the other. */
    String logText() throws IOException {
      StringBuilder all = new StringBuilder();
      for (Child c : children) {
        all.append(c.logText()).append('\n');
      }
      return all.toString();
    }

    long awaitQueued(String fileName, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (String line : logText().split("\n")) {
          Matcher m = QUEUED.matcher(line);
          if (line.contains(fileName + ": committed;") && m.find()) {
            return Long.parseLong(m.group(1));
          }
        }
        children.get(0).process.waitFor(50, TimeUnit.MILLISECONDS);
      }
      throw new IllegalStateException("no record count for " + fileName + " in " + var);
    }

    /** Claims or payments ({@code what}) the files of a drop held, from their summary lines. */
    long read(List<String> names, String what) throws IOException {
      Pattern count = Pattern.compile("(\\d+) " + what + "\\(s\\)");
      long n = 0;
      for (String line : logText().split("\n")) {
        for (String name : names) {
          if (line.contains(" - " + name + ": ") && line.endsWith("; committing")) {
            Matcher m = count.matcher(line);
            if (m.find()) {
              n += Long.parseLong(m.group(1));
            }
          }
        }
      }
      return n;
    }

    java.util.Optional<String> phases(List<Path> drop, LocalDateTime dropped, long records)
        throws IOException {
      return GatewayBench.phases(logText(), drop, dropped, records);
    }

    /** When a node began reading {@code name} (its log line), if one did. */
    java.util.Optional<LocalDateTime> readingAt(String name) throws IOException {
      for (String line : logText().split("\n")) {
        if (line.length() >= 23 && line.contains(name + ": reading ")) {
          return java.util.Optional.of(
              LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')));
        }
      }
      return java.util.Optional.empty();
    }

    void upload(String folder, Path file) throws Exception {
      SftpUploader.upload(sftpPort, knownHosts, "gateway", password, folder, file);
    }

    /**
     * Consumes while the files of a drop are read, until all of them are committed and every record
     * they queued arrived: how many did.
     */
    long consumeDrop(List<String> names, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      long received = 0;
      while (true) {
        Long expected = queuedIfCommitted(names);
        if (expected != null) {
          return received
              + consume(expected - received, Duration.ofNanos(deadline - System.nanoTime()));
        }
        if (System.nanoTime() > deadline || children.stream().noneMatch(Child::alive)) {
          throw new IllegalStateException("the drop was not committed in time; see " + var);
        }
        received += consume(Long.MAX_VALUE, Duration.ofMillis(500));
      }
    }

    /** Records the files queued, once every one of them logged its commit; null before. */
    private Long queuedIfCommitted(List<String> names) throws IOException {
      long queued = 0;
      String text = logText();
      for (String name : names) {
        Matcher m =
            Pattern.compile(Pattern.quote(name) + ": committed; (\\d+) record").matcher(text);
        if (!m.find()) {
          return null;
        }
        queued += Long.parseLong(m.group(1));
      }
      return queued;
    }

    /** Consumes until {@code expected} more distinct records arrived: how many did. */
    long consume(long expected, Duration timeout) throws JMSException {
      int before = seen.size();
      Session s = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
      try {
        List<MessageConsumer> consumers = new ArrayList<>();
        for (String q : QueueNames.defaults().all()) {
          consumers.add(s.createConsumer(s.createQueue(q)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() - before < expected && System.nanoTime() < deadline) {
          boolean any = false;
          for (MessageConsumer c : consumers) {
            Message m;
            while ((m = c.receiveNoWait()) != null) {
              any = true;
              if (!seen.add(m.getStringProperty("recordId"))) {
                duplicates++;
              }
            }
          }
          if (!any) {
            Message m = consumers.get(0).receive(5);
            if (m != null && !seen.add(m.getStringProperty("recordId"))) {
              duplicates++;
            }
          }
        }
      } finally {
        s.close();
      }
      if (duplicates > 0) {
        throw new IllegalStateException(duplicates + " record(s) arrived more than once");
      }
      return seen.size() - before;
    }

    /** The store's size: the H2 files, or the PostgreSQL database's. */
    long storeBytes() throws Exception {
      if (dbUrl == null) {
        return size(var.resolve("db"));
      }
      return PostgresDatabases.size(dbUrl, System.getenv("DB_USER"), dbPassword());
    }

    /** CPU seconds of each thread of the nodes: name and number as a thread dump gives them. */
    Map<String, Double> threadCpu() throws InterruptedException {
      Map<String, Double> out = new java.util.HashMap<>();
      for (int i = 0; i < children.size(); i++) {
        String node = children.size() == 1 ? "" : " (node " + (i + 1) + ")";
        children.get(i).threadCpu().forEach((t, cpu) -> out.put(t + node, cpu));
      }
      return out;
    }

    /** CPU seconds the nodes' processes used so far. */
    double cpuSeconds() {
      double sum = 0;
      for (Child c : children) {
        sum += c.cpuSeconds();
      }
      return sum;
    }

    long peakRssBytes() throws IOException {
      long peak = 0;
      for (Child c : children) {
        peak = Math.max(peak, c.peakRssBytes());
      }
      return peak;
    }

    /** The largest heap of the nodes' GC logs: before a GC (group 1) or after it (group 2). */
    long peakHeapMb(int group) throws IOException {
      long peak = 0;
      for (Child c : children) {
        peak = Math.max(peak, c.peakHeapMb(group));
      }
      return peak;
    }

    void stop() throws Exception {
      closeJms();
      for (Child c : children) {
        c.stop();
      }
    }

    private void closeJms() throws JMSException {
      if (jms != null) {
        jms.close();
        jms = null;
      }
      if (factory != null) {
        factory.close();
        factory = null;
      }
    }

    @Override
    public void close() throws Exception {
      closeJms();
      for (Child c : children) {
        c.close();
      }
      if (broker != null) {
        broker.close();
      }
      if (drop != null) {
        drop.close();
      }
    }
  }

  /** One gateway process under measurement. */
  private final class Child implements AutoCloseable {
    private final Path log;
    private final Path gcLog;
    private final Map<String, String> env;
    private Process process;

    Child(Path var, Map<String, String> env) throws IOException {
      Files.createDirectories(var);
      this.env = Map.copyOf(env);
      this.log = var.resolve("gateway.log");
      this.gcLog = var.resolve("gc.log");
    }

    void start() throws Exception {
      List<String> cmd = new ArrayList<>(javaCommand());
      // as bin/x12gw run starts the gateway
      cmd.addAll(1, dev.x12gw.config.GatewayJvmOptions.read(home, javaOpts));
      cmd.add(1, "-Xlog:gc:file=" + gcLog);
      cmd.add(1, "-Dlogback.configurationFile=" + home.resolve("config/logback.xml"));
      cmd.add("run");
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().putAll(env);
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      process = pb.start();
      await("Started receive-remittances", Duration.ofMinutes(2));
    }

    boolean alive() {
      return process.isAlive();
    }

    private String logText() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void await(String text, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!logText().contains(text)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the gateway exited; see " + log);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no '" + text + "' in " + log);
        }
        process.waitFor(20, TimeUnit.MILLISECONDS);
      }
    }

    double cpuSeconds() {
      return process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    }

    /**
     * Each thread's CPU seconds from {@code jcmd PID Thread.print} (its header lines: {@code "name"
     * #n ... cpu=12.34ms}); empty when the JDK has no jcmd.
     */
    Map<String, Double> threadCpu() throws InterruptedException {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Map<String, Double> out = new java.util.HashMap<>();
      if (!Files.isExecutable(jcmd)) {
        return out;
      }
      try {
        Process p =
            new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                .redirectErrorStream(true)
                .start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        out.putAll(cpuPerThread(dump));
      } catch (IOException e) {
        out.clear();
      }
      return out;
    }

    long peakRssBytes() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
      return -1;
    }

    long peakHeapMb(int group) throws IOException {
      long peak = 0;
      if (Files.isRegularFile(gcLog)) {
        Matcher m = GC_PEAK.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
        while (m.find()) {
          peak = Math.max(peak, Long.parseLong(m.group(group)));
        }
      }
      return peak;
    }

    void stop() throws Exception {
      process.destroy();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("the gateway did not stop on SIGTERM");
      }
    }

    @Override
    public void close() throws Exception {
      if (process != null && process.isAlive()) {
        process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
      }
    }
  }
}
