package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.bench.X12Generator;
import java.nio.file.Path;
import java.time.Duration;
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
    // the 837's claims are the ones the 835 answers (same generator seed), so the two files meet
    remittances = files.resolve("crash-remittances.835");
    new X12Generator(7, 500).write835(remittances, 2_000_000);
    claims = files.resolve("crash-claims.837");
    new X12Generator(7, 500).write837(claims, 1_000_000);
  }

  /** One file to upload; the next one is uploaded once this one's read has begun. */
  private record Upload(String folder, Path file) {
    String name() {
      return file.getFileName().toString();
    }
  }

  /** Where to kill: when the log of the {@code upload}-th upload's file shows {@code line}. */
  private record KillPoint(int upload, String line) {}

  /** What an uninterrupted run gave: records by id and the store's facts. */
  private record Outcome(
      Map<String, Integer> records, Map<String, List<String>> store, Map<String, String> bodies) {}

  @Test
  void remittanceFileSurvivesSigkillAtEveryStage() throws Exception {
    List<Upload> uploads = List.of(new Upload("inbound/835", remittances));
    Outcome clean = run(uploads, null, 0);
    assertThat(clean.records()).hasSizeGreaterThan(1000);
    for (String line :
        List.of(
            "reading ",
            "transaction set 1 committed",
            "; committing",
            "committed;",
            "Published ")) {
      assertSame(clean, run(uploads, new KillPoint(0, line), clean.records().size()), line);
    }
  }

  @Test
  void claimFileSurvivesSigkillDuringReadAndCommit() throws Exception {
    // clean claims give no records: what must survive is the store (claims the 835 meets later)
    List<Upload> uploads = List.of(new Upload("inbound/837", claims));
    Outcome clean = run(uploads, null, 0);
    assertThat(clean.store().get("claim")).hasSizeGreaterThan(1000);
    for (String line :
        List.of("reading ", "transaction set 1 committed", "; committing", "committed;")) {
      assertSame(clean, run(uploads, new KillPoint(0, line), clean.records().size()), line);
    }
  }

  @Test
  void claimsAndTheirRemittanceInFlightTogether() throws Exception {
    // the 835 is read while the 837's records are being published
    List<Upload> uploads =
        List.of(new Upload("inbound/837", claims), new Upload("inbound/835", remittances));
    Outcome clean = run(uploads, null, 0);
    assertThat(clean.store().get("claim_payment")).anyMatch(row -> row.contains("|FALSE|"));
    for (String line : List.of("reading ", "transaction set 1 committed", "; committing")) {
      assertSame(clean, run(uploads, new KillPoint(1, line), clean.records().size()), line);
    }
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
   * gateway at {@code kill} (none: an uninterrupted run), starts it again and uploads what was not
   * uploaded yet; then consumes every record and stops the gateway cleanly.
   *
   * @param expected how many records to wait for (an uninterrupted run counts them from the log)
   */
  private Outcome run(List<Upload> uploads, KillPoint kill, long expected) throws Exception {
    Path var = work.resolve(kill == null ? "clean" : "killed-" + System.nanoTime());
    try (ChildGateway gw = new ChildGateway(var)) {
      gw.start();
      int next = 0;
      while (next < uploads.size()) {
        Upload u = uploads.get(next++);
        gw.upload(u.folder(), u.file());
        gw.awaitLog(u.name() + ": reading ", READ);
        if (kill != null && kill.upload() == next - 1) {
          gw.awaitLine(
              kill.line().startsWith("Published")
                  ? List.of(kill.line())
                  : List.of(u.name() + ":", kill.line()),
              READ);
          gw.kill();
          gw.start();
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
        if (kill == null) {
          queued += gw.queuedBy(u.name());
        }
      }
      Map<String, Integer> records = gw.consumeAll(kill == null ? queued : expected, READ, QUIET);
      gw.stop();
      return new Outcome(records, gw.storeFacts(), gw.bodies);
    }
  }
}
