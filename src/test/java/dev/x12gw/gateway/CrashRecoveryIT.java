package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.bench.X12Generator;
import dev.x12gw.intake.InForce;
import dev.x12gw.store.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost or published twice after {@code kill -9}: the gateway runs as a child process
 * (the main of {@code bin/x12gw run}), is killed with SIGKILL at an instant named by its own log
 * (the read has begun; the first transaction set is committed and the rest is being read; the
 * outcome is logged and the last commit is under way; the commit returned; records are being
 * published), and is started again on the same store, broker journal and drop. A real JMS consumer
 * must then receive every record of an uninterrupted run exactly once (by record id), and the store
 * must hold the same facts, row for row, as after the uninterrupted run.
 *
 * <p>Each trial runs on one of two {@link Backend}s. On the embedded defaults (an H2 file store,
 * the embedded broker and the gateway's own SFTP server, all in its state folder and all killed
 * with it) the kill points run for a remittance file, a claim file, and a claim file with its
 * remittance read right after it. On the production backends — a database of its own on the test's
 * PostgreSQL server ({@link PostgresServer}), an Artemis broker in a JVM of its own ({@link
 * BrokerProcess}) and an SFTP drop served by this test — they run for the same three ({@code
 * onPostgresql...}). On both, a trial kills the gateway at its stages one after the other, each in
 * the next start of the gateway (so a trial costs the build about two runs, not one per stage): the
 * read's start; the first set committed and the rest being read; records being published (by the
 * resumed attempt); the outcome logged with the last commit under way; then, in a trial of its own,
 * the file committed and not yet moved. On PostgreSQL only the gateway is killed: the database, the
 * broker and the drop keep running, and every restart uses the same ones (checked after each kill:
 * the broker's process is alive, the database answers). On both, a restart after a committed set
 * must resume the file, and the crashed run is compared with an uninterrupted run on the same
 * backend.
 */
class CrashRecoveryIT {
  private static final Duration READ = Duration.ofSeconds(180);
  private static final Duration QUIET = Duration.ofSeconds(2);

  @TempDir static Path files;
  private static Path remittances;
  private static Path claims;

  @TempDir Path work;

  @BeforeAll
  static void generate() throws Exception {
    // the 837's claims are the ones the 835 answers (same generator seed), so the two files meet;
    // five transaction sets: each stage of a trial's chain finds sets left to read in its start
    remittances = files.resolve("crash-remittances.835");
    new X12Generator(7, 250).write835(remittances, 1_000_000);
    claims = files.resolve("crash-claims.837");
    new X12Generator(7, 250).write837(claims, 1_000_000);
  }

  /** One file to upload; the next one is uploaded once this one's read has begun. */
  private record Upload(String folder, Path file) {
    String name() {
      return file.getFileName().toString();
    }
  }

  /** Where to kill: when the log of the {@code upload}-th upload's file shows {@code line}. */
  private record KillPoint(int upload, String line) {}

  /**
   * The file's commit returned ("NAME: committed; N record(s) queued"), the file not yet moved off
   * the drop. (A set's commit logs "NAME: transaction set K committed; ...", without the colon.)
   */
  private static final String AFTER_COMMIT = ": committed;";

  /**
   * The stages a trial kills the gateway at, in this order, each in the next start: the read's
   * start (nothing committed yet: the next start reads the file from its beginning); a set
   * committed while the rest is read (the next start resumes after it); the relay sending to the
   * broker (batches sent again are dropped by the broker's duplicate detection), while the resumed
   * attempt reads on; the last commit under way (it happened or it did not). Each occurs in its
   * start whatever the timing: the file has several sets, and the first commit of a start comes
   * with records to publish. The kill after the file's commit ({@link #AFTER_COMMIT}) ends a start
   * of its own: once it happened, the file has nothing left to read.
   */
  private static final List<String> STAGES =
      List.of("reading ", "transaction set 1 committed", "Published ", "; committing");

  /** {@link #STAGES} of a claim file: clean claims give no records to publish. */
  private static final List<String> STAGES_837 =
      List.of("reading ", "transaction set 1 committed", "; committing");

  /**
   * What a run gave: records by id, the store's facts, the bodies received by record id, and the
   * records in force with the claims' lifecycles.
   */
  private record Outcome(
      Map<String, Integer> records,
      Map<String, List<String>> store,
      Map<String, String> bodies,
      InForce inForce) {}

  @Test
  void remittanceFileSurvivesSigkillAtEveryStage() throws Exception {
    remittanceFileSurvivesSigkillAtEveryStage(Backend.H2_EMBEDDED);
  }

  @Test
  void onPostgresqlRemittanceFileSurvivesSigkillAtEveryStage() throws Exception {
    remittanceFileSurvivesSigkillAtEveryStage(Backend.POSTGRESQL_BROKER_PROCESS);
  }

  private void remittanceFileSurvivesSigkillAtEveryStage(Backend backend) throws Exception {
    List<Upload> uploads = List.of(new Upload("inbound/835", remittances));
    Outcome clean = run(backend, uploads, List.of(), 0);
    assertThat(clean.records()).hasSizeGreaterThan(1000);
    assertSameAfterKills(backend, uploads, clean, STAGES);
  }

  @Test
  void claimFileSurvivesSigkillAtEveryStage() throws Exception {
    claimFileSurvivesSigkillAtEveryStage(Backend.H2_EMBEDDED);
  }

  @Test
  void onPostgresqlClaimFileSurvivesSigkillAtEveryStage() throws Exception {
    claimFileSurvivesSigkillAtEveryStage(Backend.POSTGRESQL_BROKER_PROCESS);
  }

  private void claimFileSurvivesSigkillAtEveryStage(Backend backend) throws Exception {
    // clean claims give no records: what must survive is the store (claims the 835 meets later)
    List<Upload> uploads = List.of(new Upload("inbound/837", claims));
    Outcome clean = run(backend, uploads, List.of(), 0);
    assertThat(clean.store().get("claim")).hasSizeGreaterThan(1000);
    assertSameAfterKills(backend, uploads, clean, STAGES_837);
  }

  /**
   * One trial killing the gateway at each of {@code stages} in turn (each in the next start), then
   * one killing it after the file's commit: both end as the uninterrupted run did.
   */
  private void assertSameAfterKills(
      Backend backend, List<Upload> uploads, Outcome clean, List<String> stages) throws Exception {
    List<KillPoint> kills = stages.stream().map(line -> new KillPoint(0, line)).toList();
    assertSame(
        clean,
        run(backend, uploads, kills, clean.records().size()),
        String.join("', then '", stages));
    assertSame(
        clean,
        run(backend, uploads, List.of(new KillPoint(0, AFTER_COMMIT)), clean.records().size()),
        AFTER_COMMIT);
  }

  @Test
  void claimsAndTheirRemittanceInFlightTogether() throws Exception {
    claimsAndTheirRemittanceInFlightTogether(Backend.H2_EMBEDDED);
  }

  @Test
  void onPostgresqlClaimsAndTheirRemittanceInFlightTogether() throws Exception {
    claimsAndTheirRemittanceInFlightTogether(Backend.POSTGRESQL_BROKER_PROCESS);
  }

  /**
   * The 835 is read while the 837's records are being published (or the 837 is still being read);
   * the 835 is killed at its stages, one per start. On H2 files take turns in the store, so the 835
   * meets the whole 837 in every run and the records are those of the uninterrupted run. On
   * PostgreSQL the two files run at once, and which payments come before their claims differs from
   * run to run (an {@code UNMATCHED_REMIT} then its {@code FINDING_WITHDRAWN}, as in {@code
   * ArrivalOrderTest}): there every record queued must arrive exactly once, and the records in
   * force and the claims' lifecycles must be the uninterrupted run's ({@link InForce}, as {@code
   * TwoNodesIT} compares nodes).
   */
  private void claimsAndTheirRemittanceInFlightTogether(Backend backend) throws Exception {
    List<Upload> uploads =
        List.of(new Upload("inbound/837", claims), new Upload("inbound/835", remittances));
    Outcome clean = run(backend, uploads, List.of(), 0);
    assertThat(clean.store().get("claim_payment")).anyMatch(row -> row.contains("|FALSE|"));
    List<String> stages = List.of("reading ", "transaction set 1 committed", "; committing");
    String killedAt = String.join("', then '", stages);
    List<KillPoint> kills = stages.stream().map(line -> new KillPoint(1, line)).toList();
    if (backend == Backend.H2_EMBEDDED) {
      assertSame(clean, run(backend, uploads, kills, clean.records().size()), killedAt);
      return;
    }
    Outcome crashed = run(backend, uploads, kills, -1);
    assertThat(crashed.records().entrySet())
        .as("records that did not arrive exactly once after a kill at '%s'", killedAt)
        .allMatch(e -> e.getValue() == 1);
    assertThat(crashed.records().keySet())
        .as("records received against the outbox after a kill at '%s'", killedAt)
        .containsExactlyElementsOf(outboxRecordIds(crashed));
    assertThat(crashed.inForce().records())
        .as("records in force after a kill at '%s'", killedAt)
        .containsExactlyElementsOf(clean.inForce().records());
    assertThat(crashed.inForce().lifecycles())
        .as("claim lifecycles after a kill at '%s'", killedAt)
        .containsExactlyElementsOf(clean.inForce().lifecycles());
  }

  /** The record ids of a run's outbox, sorted. */
  private static List<String> outboxRecordIds(Outcome run) {
    return run.store().get("outbox").stream()
        .map(row -> row.substring(0, row.indexOf('|')))
        .sorted()
        .toList();
  }

  private static void assertSame(Outcome clean, Outcome crashed, String killedAt) {
    assertThat(crashed.records().entrySet())
        .as("records that did not arrive exactly once after a kill at '%s'", killedAt)
        .allMatch(e -> e.getValue() == 1);
    assertThat(crashed.records().keySet())
        .as(
            "record ids after a kill at '%s' (records not in the uninterrupted run: %s)",
            killedAt,
            crashed.bodies().entrySet().stream()
                .filter(e -> !clean.records().containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .limit(3)
                .toList())
        .containsExactlyElementsOf(clean.records().keySet());
    for (String table : clean.store().keySet()) {
      List<String> missing = new java.util.ArrayList<>(clean.store().get(table));
      crashed.store().get(table).forEach(missing::remove);
      List<String> extra = new java.util.ArrayList<>(crashed.store().get(table));
      clean.store().get(table).forEach(extra::remove);
      assertThat(missing.size())
          .as(
              "rows of %s missing after a kill at '%s' (%d extra; first difference: %s)",
              table,
              killedAt,
              extra.size(),
              missing.isEmpty() || extra.isEmpty()
                  ? "-"
                  : firstDifference(missing.get(0), extra.get(0)))
          .isZero();
      assertThat(extra).as("rows of %s added after a kill at '%s'", table, killedAt).isEmpty();
    }
  }

  /** Where two rows part: a window of each around the first character that differs. */
  private static String firstDifference(String expected, String actual) {
    int i = 0;
    while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 80);
    return "clean …"
        + expected.substring(from, Math.min(expected.length(), i + 80))
        + "… killed …"
        + actual.substring(from, Math.min(actual.length(), i + 80))
        + "…";
  }

  /**
   * Uploads the files one after the other (each once the previous one's read has begun), kills the
   * gateway at each of {@code kills} in turn (none: an uninterrupted run), each time in the log of
   * the gateway's latest start, and starts it again; uploads what was not uploaded yet; then
   * consumes every record and stops the gateway cleanly.
   *
   * @param kills where to kill, in order (all at the same upload)
   * @param expected how many records to wait for after kills (an uninterrupted run counts them from
   *     the log); negative: as many as the outbox holds once every file was taken in (a server
   *     store, readable while the gateway runs)
   */
  private Outcome run(Backend backend, List<Upload> uploads, List<KillPoint> kills, long expected)
      throws Exception {
    Path dir = work.resolve(kills.isEmpty() ? "clean" : "killed-" + System.nanoTime());
    try (Site site = backend.open(dir)) {
      ChildGateway gw = site.gateway();
      gw.start();
      int next = 0;
      while (next < uploads.size()) {
        Upload u = uploads.get(next++);
        gw.upload(u.folder(), u.file());
        gw.awaitLog(u.name() + ": reading ", READ);
        if (!kills.isEmpty() && kills.get(0).upload() == next - 1) {
          for (KillPoint kill : kills) {
            gw.awaitLine(
                kill.line().startsWith("Published")
                    ? List.of(kill.line())
                    : List.of(u.name() + ":", kill.line()),
                READ);
            gw.kill();
            site.assertOutlivedTheGateway();
            gw.start();
            if (kill.line().equals("transaction set 1 committed")) {
              // the restarted gateway found the set committed before the kill in the same store
              gw.awaitLine(List.of(u.name() + ": resuming; ", " were committed"), READ);
            }
          }
          break;
        }
      }
      while (next < uploads.size()) {
        Upload u = uploads.get(next++);
        gw.upload(u.folder(), u.file());
        gw.awaitLog(u.name() + ": reading ", READ);
      }
      long queued = 0;
      for (Upload u : uploads) {
        // taken in (before the kill, or again after the restart) and moved out of the inbox
        gw.awaitTakenIn(u.folder(), u.name(), READ);
        if (kills.isEmpty()) {
          queued += gw.queuedBy(u.name());
        }
      }
      if (expected < 0) {
        // every file was taken in: what the outbox holds now is all there is to receive
        try (java.sql.Connection c = gw.openStore();
            java.sql.ResultSet rs =
                c.createStatement().executeQuery("select count(*) from outbox")) {
          rs.next();
          expected = rs.getLong(1);
        }
      }
      Map<String, Integer> records =
          gw.consumeAll(kills.isEmpty() ? queued : expected, READ, QUIET);
      gw.stop();
      return new Outcome(records, gw.storeFacts(), gw.bodies, gw.inForce());
    }
  }

  /** Where a trial's gateway keeps its store, publishes its records and finds its files. */
  private enum Backend {
    /**
     * The defaults: an H2 file store, the embedded broker and the gateway's own SFTP server, all in
     * the gateway's state folder and in its process (killed with it, started again with it).
     */
    H2_EMBEDDED {
      @Override
      Site open(Path dir) throws Exception {
        return new Site(new ChildGateway(dir.resolve("gateway")), List.of(), () -> {});
      }
    },

    /**
     * The production backends: a new database on the test's PostgreSQL server, an Artemis broker in
     * a JVM of its own (persistent journal, duplicate detection, as embedded) and an SFTP drop
     * served by this test; the gateway (node {@code crash-node}, so that the restarted one holds
     * the file claim and the relay lease at once) is the only process killed.
     */
    POSTGRESQL_BROKER_PROCESS {
      @Override
      Site open(Path dir) throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
          String url = PostgresServer.get().newDatabase();
          opened.add(() -> PostgresServer.get().drop(url));
          BrokerProcess broker =
              new BrokerProcess(dir.resolve("broker"), GatewayHarness.freePort());
          opened.add(broker);
          broker.start();
          LocalSftpServer sftp =
              LocalSftpServer.startSharedDrop(dir.resolve("drop"), 0, ChildGateway.PASSWORD);
          opened.add(sftp);
          Path knownHosts = LocalSftpServer.sharedDropKnownHosts(dir.resolve("drop"));
          Map<String, String> env = new HashMap<>();
          env.put("GATEWAY_NODE", "crash-node");
          env.put("DB_URL", url);
          env.put("DB_USER", PostgresServer.user());
          env.put("DB_PASSWORD", "");
          env.put("BROKER_URL", broker.url());
          ChildGateway gw =
              new ChildGateway(
                  dir.resolve("gateway"),
                  env,
                  new ChildGateway.Drop(sftp.port(), knownHosts, dir.resolve("drop/root")));
          return new Site(
              gw,
              opened,
              () -> {
                assertThat(broker.isAlive())
                    .as("the broker process after the gateway's kill")
                    .isTrue();
                try (java.sql.Connection c = gw.openStore()) {
                  assertThat(c.isValid(5)).as("the database after the gateway's kill").isTrue();
                }
              });
        } catch (Exception | Error e) {
          Site.closeAll(opened, e);
          throw e;
        }
      }
    };

    /** Opens a store, broker and drop in {@code dir}, and the gateway that uses them (stopped). */
    abstract Site open(Path dir) throws Exception;
  }

  /** A check that a trial's store and broker still run once its gateway was killed. */
  @FunctionalInterface
  private interface SurvivalCheck {
    void run() throws Exception;
  }

  /**
   * A trial's gateway and what it runs on; closing kills the gateway (if still running), then stops
   * the drop and the broker and drops the database (last opened first).
   */
  private record Site(ChildGateway gateway, List<AutoCloseable> around, SurvivalCheck survival)
      implements AutoCloseable {
    /** Fails unless what the gateway runs on outside its own process is still there. */
    void assertOutlivedTheGateway() throws Exception {
      survival.run();
    }

    @Override
    public void close() throws Exception {
      List<AutoCloseable> all = new ArrayList<>(around);
      all.add(gateway);
      closeAll(all, null);
    }

    /**
     * Closes each of {@code closeables}, last first, even when one fails; rethrows the first
     * failure unless {@code pending} (a failure the caller rethrows, which keeps the others).
     */
    static void closeAll(List<AutoCloseable> closeables, Throwable pending) throws Exception {
      Throwable first = pending;
      List<AutoCloseable> lastFirst = new ArrayList<>(closeables);
      java.util.Collections.reverse(lastFirst);
      for (AutoCloseable c : lastFirst) {
        try {
          c.close();
        } catch (Exception | Error e) {
          if (first == null) {
            first = e;
          } else if (first != e) {
            first.addSuppressed(e);
          }
        }
      }
      if (pending == null && first instanceof Exception e) {
        throw e;
      }
      if (pending == null && first instanceof Error e) {
        throw e;
      }
    }
  }
}
