package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations in their folders: {@code common/} for SQL both databases run, {@code h2/} and
 * {@code postgresql/} for the versions whose SQL differs. An H2 store made when every migration lay
 * in one folder opens without a checksum error, and both databases end with the same tables,
 * columns and view.
 */
class MigrationsTest {
  @Test
  void everyVersionIsInCommonOrInBothVendorFoldersOnce() throws Exception {
    Map<String, String> h2 = versions("h2");
    Map<String, String> pg = versions("postgresql");
    Map<String, String> common = versions("common");
    assertThat(h2.keySet()).isEqualTo(pg.keySet()).doesNotContainAnyElementsOf(common.keySet());
    assertThat(h2).isEqualTo(pg); // the same version has the same description
    List<Integer> all = new ArrayList<>();
    Stream.of(h2, common).forEach(m -> m.keySet().forEach(v -> all.add(Integer.parseInt(v))));
    // the Java migration (packs rows with the code that packs new ones), one class for both
    all.add(12);
    assertThat(V12__CompactStore.class.getSimpleName()).startsWith("V12__");
    assertThat(all).hasSize(all.stream().mapToInt(Integer::intValue).max().orElseThrow());
  }

  @Test
  void anH2StoreMigratedFromTheSingleFolderOfEarlierReleasesOpens(@TempDir Path dir)
      throws Exception {
    // the layout of earlier releases: every migration in one folder, the H2 SQL (up to V11)
    Path flat = Files.createDirectories(dir.resolve("migration"));
    int earlier = 0;
    for (String folder : List.of("common", "h2")) {
      for (Path p : files(folder)) {
        if (version(p) <= 11) {
          Files.copy(p, flat.resolve(p.getFileName()));
          earlier++;
        }
      }
    }
    String url = "jdbc:h2:file:" + dir.resolve("db/gateway");
    var result =
        Flyway.configure()
            .dataSource(url, "x12gw", "")
            .locations("filesystem:" + flat)
            .load()
            .migrate();
    assertThat(result.migrationsExecuted).isEqualTo(earlier);
    int before = historyRows(url);
    // validates the checksums of what was applied (a changed H2 file would fail here), then
    // applies what came after that release: the Java migration V12, then V13 to V20
    Database.open(url, "x12gw", "", 2).close();
    assertThat(historyRows(url)).isEqualTo(before + 9);
  }

  @Test
  void theTextDocumentsOfAnEarlierStoreArePacked(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db/gateway");
    Flyway.configure()
        .dataSource(url, "x12gw", "")
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .target("11")
        .load()
        .migrate();
    String body = "{\"schemaVersion\":1,\"recordId\":\"r-1\",\"note\":\"stored as text\"}";
    try (Connection c = java.sql.DriverManager.getConnection(url, "x12gw", "");
        Statement st = c.createStatement()) {
      st.execute(
          "insert into outbox (seq, record_id, record_type, queue, payer_id, created_at)"
              + " values (7, 'r-1', 'CLAIM_DENIAL', 'x12.denials', 'P1', current_timestamp)");
      st.execute("insert into outbox_body (seq, body) values (7, '" + body + "')");
    }
    try (Database db = Database.open(url, "x12gw", "", 2);
        Connection c = db.begin()) {
      List<Outbox.Entry> pending = Outbox.pending(c, 10);
      assertThat(pending).hasSize(1);
      assertThat(pending.get(0).record().json()).isEqualTo(body);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select body from outbox_body")) {
        rs.next();
        assertThat(rs.getBytes(1)[0]).isEqualTo(Documents.FORMAT_2);
      }
    }
  }

  private static int historyRows(String url) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(url, "x12gw", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from \"flyway_schema_history\"")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void h2AndPostgresqlHaveTheSameTablesColumnsAndView() throws Exception {
    try (TestStore h2 = TestStore.Backend.H2.open();
        TestStore pg = TestStore.Backend.POSTGRESQL.open()) {
      Map<String, String> h2Columns = columns(h2.database());
      assertThat(h2Columns)
          .containsKey("outbox_body.body")
          .containsKey("payer_intelligence.amount");
      assertThat(columns(pg.database())).isEqualTo(h2Columns);
    }
  }

  /**
   * Every index is written for each row, so none repeats another: H2 gives a foreign key an index
   * of its own unless the table is altered to add it, and V5 had indexed two such columns again.
   */
  @Test
  void noTableOfTheH2StoreIsIndexedTwiceOnTheSameColumns() throws Exception {
    List<String> twice = new ArrayList<>();
    try (TestStore h2 = TestStore.Backend.H2.open();
        Connection c = h2.database().begin();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select table_name, columns, count(*) from (select i.table_name, i.index_name,"
                    + " listagg(c.column_name, ',') within group (order by c.ordinal_position)"
                    + " columns from information_schema.indexes i join"
                    + " information_schema.index_columns c on c.table_schema = i.table_schema and"
                    + " c.table_name = i.table_name and c.index_name = i.index_name where"
                    + " i.table_schema = current_schema() group by i.table_name, i.index_name)"
                    + " group by table_name, columns having count(*) > 1")) {
      while (rs.next()) {
        twice.add(rs.getString(1) + "(" + rs.getString(2) + ") x" + rs.getInt(3));
      }
      rs.close();
      ResultSet all =
          st.executeQuery(
              "select count(*) from information_schema.indexes where table_schema ="
                  + " current_schema() and table_name = 'CASE_KEY'");
      all.next();
      assertThat(all.getInt(1)).as("case_key: its primary key and the case_id one").isEqualTo(2);
    }
    assertThat(twice).isEmpty();
  }

  /** Table or view and column, to type (text types as one) and nullability. */
  private static Map<String, String> columns(Database db) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = db.begin();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select table_name, column_name, data_type, is_nullable"
                    + " from information_schema.columns where table_schema = current_schema()"
                    + " and lower(table_name) <> 'flyway_schema_history'")) {
      while (rs.next()) {
        String type = rs.getString(3).toLowerCase(Locale.ROOT);
        if (type.equals("text")) {
          type = "character varying"; // PostgreSQL's text is H2's varchar(1000000000)
        }
        if (type.equals("bytea")) {
          type = "binary varying"; // PostgreSQL's bytea is H2's varbinary(1000000000)
        }
        out.put(
            (rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT),
            type + (rs.getString(4).equals("YES") ? " null" : " not null"));
      }
    }
    return out;
  }

  private static Map<String, String> versions(String folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (Path p : files(folder)) {
      String[] parts = p.getFileName().toString().replace(".sql", "").split("__", 2);
      out.put(parts[0].substring(1), parts[1]);
    }
    return out;
  }

  private static int version(Path migration) {
    return Integer.parseInt(migration.getFileName().toString().split("__", 2)[0].substring(1));
  }

  private static List<Path> files(String folder) throws Exception {
    URL url = MigrationsTest.class.getClassLoader().getResource("db/migration/" + folder);
    assertThat(url).as(folder).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }
}
