package dev.x12gw.cli;

import dev.x12gw.config.Settings;
import dev.x12gw.gateway.Gateway;
import dev.x12gw.store.ControlRoomFill;
import dev.x12gw.store.Database;
import dev.x12gw.store.PostgresDatabases;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code x12gw bench --control-room}: how fast the control room answers over a large store. Fills a
 * new store (an H2 file in a new temporary folder, or a new database on the PostgreSQL server of
 * {@code --db-url}) with N generated classified findings and their claim cases ({@link
 * ControlRoomFill}), starts the gateway on it in this JVM (its intake idle: nothing is dropped),
 * and times real HTTP requests to the control room's REST API, each endpoint the dashboard calls:
 * the first request (cold) and the median and largest of the next ones (warm). Prints a table and
 * PASS or FAIL of each against one second. Not part of the test suite.
 */
final class ControlRoomBench {
  /** An answer is expected within this. */
  static final long BUDGET_MS = 1000;

  private final Path home;
  private final Path configFile;
  private final PrintStream out;

  ControlRoomBench(Path home, Path configFile, PrintStream out) {
    this.home = home;
    this.configFile = configFile;
    this.out = out;
  }

  /** One endpoint's measurements. */
  record Timing(String path, double coldMs, double medianMs, double maxMs, long bytes) {
    Timing {
      if (coldMs < 0 || medianMs < 0 || maxMs < 0 || bytes < 0) {
        throw new IllegalArgumentException("timings and sizes must not be negative");
      }
    }

    boolean pass() {
      return coldMs < BUDGET_MS && maxMs < BUDGET_MS;
    }
  }

  int run(Path dir, long findings, int runs, String serverUrl, boolean keep, Path store)
      throws Exception {
    if (store != null && (serverUrl != null || !Files.isDirectory(store.resolve("db")))) {
      throw new IllegalArgumentException(
          "--store takes the folder of an H2 store an earlier --keep run printed: " + store);
    }
    Files.createDirectories(dir);
    Path var = store != null ? store : Files.createTempDirectory(dir, "control-room-");
    Settings settings = Settings.load(home, configFile);
    String dbUrl = null;
    if (serverUrl != null) {
      dbUrl =
          PostgresDatabases.create(
              serverUrl,
              System.getenv("DB_USER"),
              System.getenv().getOrDefault("DB_PASSWORD", ""),
              "x12gw_crbench_");
      settings.derive("db.url", dbUrl);
      settings.derive("db.user", System.getenv().getOrDefault("DB_USER", ""));
      settings.derive("db.password", System.getenv().getOrDefault("DB_PASSWORD", ""));
    } else {
      settings.derive("db.url", "");
      settings.derive("db.path", var.resolve("db/gateway").toString());
    }
    settings.derive("sftp.local-server.dir", var.resolve("sftp").toString());
    settings.derive("sftp.known-hosts-file", var.resolve("sftp/known_hosts").toString());
    settings.derive("sftp.port", "0");
    settings.derive("broker.embedded.data-dir", var.resolve("artemis").toString());
    settings.derive("broker.embedded.tcp-port", String.valueOf(freePort()));
    settings.derive("intake.spool-dir", var.resolve("spool").toString());
    settings.derive("control-room.host", "127.0.0.1");
    settings.derive("control-room.port", "0");
    // the payer pattern timer would read the whole store while requests are timed
    settings.derive("patterns.initial-delay-ms", "86400000");

    out.printf(
        Locale.ROOT,
        "JDK %s, %d cores, max heap %d MB; store: %s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        dbUrl == null
            ? "H2 file in " + var
            : "PostgreSQL database " + dbUrl.replaceAll("\\?.*", "").replaceAll(".*/", ""));

    if (store == null) {
      fill(var, findings, settings, dbUrl);
    } else {
      out.printf(Locale.ROOT, "store reused (not filled): %.1f MB%n", storeBytes(var, null) / 1e6);
    }

    // a request slower than a minute is measured, not a stack trace of the thread serving it
    org.slf4j.Logger blocked =
        org.slf4j.LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
    if (blocked instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(ch.qos.logback.classic.Level.ERROR);
    }
    List<Timing> timings = new ArrayList<>();
    long started = System.nanoTime();
    try (Gateway gateway = Gateway.prepare(settings)) {
      gateway.start();
      out.printf(
          Locale.ROOT,
          "gateway started in %.1f s, control room on 127.0.0.1:%d; %d warm request(s) per"
              + " endpoint after the first%n",
          (System.nanoTime() - started) / 1e9,
          gateway.controlRoomPort(),
          runs);
      long loadWait = System.nanoTime();
      var snapshot = gateway.controlRoomFacts().awaitLoad();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      out.printf(
          Locale.ROOT,
          "control room facts read at start: %,d claim cases and %,d findings in %,d ms (%.1f s"
              + " after the start returned); heap in use after a GC %d MB%n",
          snapshot.facts().claims(),
          snapshot.facts().findings(),
          snapshot.loadMillis(),
          (System.nanoTime() - loadWait) / 1e9,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String base = "http://127.0.0.1:" + gateway.controlRoomPort();
      List<String> paths = paths(ControlRoomFill.payerIds().get(0));
      // the first request of each endpoint, one after the other: nothing of it is cached yet
      long[][] cold = new long[paths.size()][];
      for (int i = 0; i < paths.size(); i++) {
        cold[i] = get(http, base + paths.get(i));
        out.printf(Locale.ROOT, "  cold %-42s %9.0f ms%n", paths.get(i), cold[i][0] / 1e6);
      }
      for (int i = 0; i < paths.size(); i++) {
        double[] warm = new double[runs];
        for (int r = 0; r < runs; r++) {
          warm[r] = get(http, base + paths.get(i))[0] / 1e6;
        }
        Arrays.sort(warm);
        timings.add(
            new Timing(paths.get(i), cold[i][0] / 1e6, warm[runs / 2], warm[runs - 1], cold[i][1]));
      }
    }
    report(timings);
    if (!keep && dbUrl == null && store == null) {
      deleteTree(var);
    } else {
      out.println("store kept: " + (dbUrl == null ? var : dbUrl.replaceAll("\\?.*", "")));
    }
    return timings.stream().allMatch(Timing::pass) ? X12gw.OK : X12gw.QUARANTINED;
  }

  /** Fills the new store with {@code findings} generated findings and prints what it took. */
  private void fill(Path var, long findings, Settings settings, String dbUrl) throws Exception {
    LocalDate asOf = LocalDate.now();
    long start = System.nanoTime();
    ControlRoomFill.Filled filled;
    try (Database db = Gateway.openStore(settings)) {
      db.compactOnClose(true);
      long[] last = {0};
      filled =
          new ControlRoomFill(db, asOf, 42)
              .fill(
                  findings,
                  n -> {
                    if (n - last[0] >= 100_000 || n >= findings) {
                      last[0] = n;
                      out.printf(
                          Locale.ROOT,
                          "  %,d findings written, %.0f s%n",
                          n,
                          (System.nanoTime() - start) / 1e9);
                    }
                  });
    }
    double fillSeconds = (System.nanoTime() - start) / 1e9;
    long bytes = storeBytes(var, dbUrl);
    out.printf(
        Locale.ROOT,
        "filled: %,d findings (%,d denials, %,d underpayments, %,d recoupments) of %,d claim"
            + " cases (%,d denied on first adjudication) in %.1f s (%,.0f rows/s, statistics"
            + " and %s included); store %.1f MB%n",
        filled.findings(),
        filled.denials(),
        filled.underpayments(),
        filled.recoupments(),
        filled.claims(),
        filled.firstDenied(),
        fillSeconds,
        (filled.findings() + filled.claims()) / fillSeconds,
        dbUrl == null ? "H2's compacting close" : "commit",
        bytes / 1e6);
  }

  /** Every request the dashboard makes, {@code payer} a payer of the generated store. */
  static List<String> paths(String payer) {
    return List.of(
        "/api/v1/kpis",
        "/api/v1/kpis?by=month",
        "/api/v1/kpis?by=payer",
        "/api/v1/kpis?by=provider",
        "/api/v1/kpis?by=family",
        "/api/v1/kpis?by=service-line",
        "/api/v1/kpis?by=root-cause",
        "/api/v1/kpis?by=carc",
        "/api/v1/worklist",
        "/api/v1/worklist?payer=" + payer,
        "/api/v1/worklist?pathway=APPEAL",
        "/api/v1/worklist?family=AUTHORIZATION",
        "/api/v1/worklist?deadlineWithinDays=14",
        "/api/v1/worklist?offset=1000",
        "/api/v1/heatmap",
        "/api/v1/patterns");
  }

  /** Nanoseconds to the last byte of the answer, and its size. */
  private static long[] get(HttpClient http, String url) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build();
    long start = System.nanoTime();
    HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    long nanos = System.nanoTime() - start;
    if (res.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + res.statusCode() + ": " + new String(res.body(), "UTF-8"));
    }
    return new long[] {nanos, res.body().length};
  }

  private void report(List<Timing> timings) {
    out.printf(
        Locale.ROOT,
        "%n  %-42s %9s %9s %9s %10s  %s%n",
        "endpoint",
        "cold ms",
        "median ms",
        "max ms",
        "bytes",
        "< " + BUDGET_MS + " ms");
    for (Timing t : timings) {
      out.printf(
          Locale.ROOT,
          "  %-42s %9.0f %9.0f %9.0f %,10d  %s%n",
          t.path(),
          t.coldMs(),
          t.medianMs(),
          t.maxMs(),
          t.bytes(),
          t.pass() ? "PASS" : "FAIL");
    }
    long failed = timings.stream().filter(t -> !t.pass()).count();
    out.printf(
        Locale.ROOT,
        "%n%s: %d of %d endpoint(s) answered every request within %d ms%n",
        failed == 0 ? "PASS" : "FAIL",
        timings.size() - failed,
        timings.size(),
        BUDGET_MS);
  }

  private static long storeBytes(Path var, String dbUrl) throws Exception {
    if (dbUrl == null) {
      return GatewayBench.size(var.resolve("db"));
    }
    return PostgresDatabases.size(
        dbUrl, System.getenv("DB_USER"), System.getenv().getOrDefault("DB_PASSWORD", ""));
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
