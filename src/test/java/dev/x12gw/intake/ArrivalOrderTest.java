package dev.x12gw.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.store.Database;
import dev.x12gw.store.Documents;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.JdbcIntakeTarget;
import dev.x12gw.store.TestStore;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every multi-file scenario of {@code testdata/scenarios/} fed to the gateway's store (H2 and
 * PostgreSQL, one database transaction per file, as the intake routes do) in every possible order:
 * the findings in force at the end (published records whose finding was not superseded) and every
 * claim's lifecycle are the same whatever the order. Only {@code supersedesRecordId}, which tells
 * the history of how a record came about, may differ.
 */
class ArrivalOrderTest {
  private static SmooksX12Parser parser;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  static Stream<Arguments> scenarios() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (TestStore.Backend backend : TestStore.backends()) {
      for (Path d : TestFiles.scenarios()) {
        if (TestFiles.scenarioFiles(d).size() > 1) {
          out.add(Arguments.of(backend, d.getFileName().toString()));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenarios")
  void everyArrivalOrderEndsWithTheSameRecordsAndLifecycles(
      TestStore.Backend backend, String scenario) throws Exception {
    Path dir = TestFiles.testdata("scenarios").resolve(scenario);
    X12FileProcessor processor = TestFiles.processor(parser, dir);
    List<List<Path>> orders = permutations(TestFiles.scenarioFiles(dir));
    Outcome first = null;
    try (TestStore store = backend.open()) {
      for (List<Path> order : orders) {
        store.reset(); // each order starts from an empty store
        Outcome o = run(store.database(), processor, order);
        if (first == null) {
          first = o;
          assertThat(o.lifecycles()).isNotEmpty();
        } else {
          assertThat(o.records())
              .as("records in force after %s", names(order))
              .containsExactlyElementsOf(first.records());
          assertThat(o.lifecycles())
              .as("claim lifecycles after %s", names(order))
              .containsExactlyElementsOf(first.lifecycles());
        }
      }
    }
  }

  record Outcome(TreeSet<String> records, List<String> lifecycles) {}

  private static Outcome run(Database db, X12FileProcessor processor, List<Path> order)
      throws Exception {
    for (Path file : order) {
      String sha = sha256(file);
      db.inTransaction(
          c -> {
            long id = IntakeFiles.start(c, sha, file.getFileName().toString(), "x12");
            processor.process(
                file,
                file.getFileName().toString(),
                sha,
                new JdbcIntakeTarget(c, id, file.getFileName().toString(), Map.of()));
            return null;
          });
    }
    return db.inTransaction(
        c -> {
          TreeSet<String> records = new TreeSet<>();
          List<String> lifecycles = new ArrayList<>();
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "select b.body from outbox o join outbox_body b on b.seq = o.seq"
                          + " join finding f on f.record_id = o.record_id"
                          + " where f.superseded_at is null")) {
            while (rs.next()) {
              // the history (supersedes) may differ; and of an 835 sent twice under two
              // envelopes, the copy that came first is the one on record
              records.add(
                  Documents.unpack(rs.getBytes(1))
                      .replaceAll("\"supersedesRecordId\":(null|\"[^\"]*\")", "")
                      .replaceAll("\"(fileName|interchangeControlNumber)\":\"[^\"]*\"", "")
                      // the payer history a finding is valued against is what arrived before it
                      .replaceAll(
                          "\"(overturnRate|overturnRateBasis|observedDenials|observedOverturned"
                              + "|expectedRecovery|priority)\":(\"[^\"]*\"|[0-9.-]+)",
                          ""));
            }
          }
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "select k.status, k.billed_amount, k.paid_amount, k.recouped_amount,"
                          + " k.open_denied_amount, k.recovered_amount, k.first_denied_on,"
                          + " k.recovered_on, (select min(patient_control_number) from claim"
                          + " where case_id = k.id) from claim_case k order by 9, 1, 3")) {
            while (rs.next()) {
              StringBuilder sb = new StringBuilder();
              for (int i = 1; i <= 9; i++) {
                sb.append(rs.getString(i)).append('|');
              }
              lifecycles.add(sb.toString());
            }
          }
          return new Outcome(records, lifecycles);
        });
  }

  static <T> List<List<T>> permutations(List<T> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<T> rest = new ArrayList<>(items);
      T head = rest.remove(i);
      for (List<T> p : permutations(rest)) {
        List<T> l = new ArrayList<>();
        l.add(head);
        l.addAll(p);
        out.add(l);
      }
    }
    return out;
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
