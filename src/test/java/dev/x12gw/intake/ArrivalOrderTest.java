package dev.x12gw.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.store.Database;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.JdbcIntakeTarget;
import dev.x12gw.store.TestStore;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    InForce first = null;
    try (TestStore store = backend.open()) {
      for (List<Path> order : orders) {
        store.reset(); // each order starts from an empty store
        InForce o = run(store.database(), processor, order);
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

  private static InForce run(Database db, X12FileProcessor processor, List<Path> order)
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
    return InForce.of(db);
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
