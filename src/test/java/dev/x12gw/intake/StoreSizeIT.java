package dev.x12gw.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.bench.X12Generator;
import dev.x12gw.store.Database;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.JdbcIntakeTarget;
import dev.x12gw.store.PostgresServer;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes of store per claim payment on H2 and on PostgreSQL: a generated 1 MB 835 taken in as the
 * gateway does (a commit per transaction set), then the store's size printed: H2 with the gateway's
 * options ({@code COMPRESS=TRUE}: {@code DISK_SPACE_USED} of every table, and the file after a
 * clean close), PostgreSQL as {@code pg_total_relation_size} of every table (heap, TOAST, indexes)
 * after a {@code VACUUM}. Nothing is published, so every outbox body is still there.
 */
class StoreSizeIT {
  private static SmooksX12Parser parser;
  @TempDir static Path dir;
  private static Path file;
  private static long payments;

  @BeforeAll
  static void generate() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
    file = dir.resolve("size.835");
    payments = new X12Generator(42, 2000).write835(file, 1_000_000);
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  @Test
  void bytesOfStorePerClaimPayment() throws Exception {
    Path h2File = dir.resolve("h2/gateway");
    String h2 =
        "jdbc:h2:file:" + h2File + ";COMPRESS=TRUE;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE";
    long h2Tables;
    try (Database db = Database.open(h2, "x12gw", "", 2)) {
      db.compactOnClose(true); // as the gateway closes it
      takeIn(db);
      h2Tables =
          sum(
              db,
              "select sum(disk_space_used(table_name)) from information_schema.tables"
                  + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'"
                  + " and table_name <> 'flyway_schema_history'");
    }
    long h2Closed = Files.size(Path.of(h2File + ".mv.db"));

    PostgresServer pg = PostgresServer.get();
    String url = pg.newEmptyDatabase("x12gw_size");
    long pgTables;
    try (Database db = Database.open(url, "x12gw_size", "", 2)) {
      takeIn(db);
    }
    try (Connection c = DriverManager.getConnection(url, "x12gw_size", "");
        Statement st = c.createStatement()) {
      st.execute("vacuum");
      try (ResultSet rs =
          st.executeQuery(
              "select sum(pg_total_relation_size(c.oid)) from pg_class c"
                  + " join pg_namespace n on n.oid = c.relnamespace"
                  + " where n.nspname = current_schema() and c.relkind = 'r'"
                  + " and c.relname <> 'flyway_schema_history'")) {
        rs.next();
        pgTables = rs.getLong(1);
      }
    }
    long input = Files.size(file);
    System.out.printf(
        "%d claim payments, 835 of %d bytes (%d bytes per claim payment)%n"
            + "H2 (COMPRESS=TRUE): tables %d bytes = %d per claim payment; file after a compacting close %d"
            + " bytes = %d per claim payment%n"
            + "PostgreSQL: tables, TOAST and indexes %d bytes = %d per claim payment%n",
        payments,
        input,
        input / payments,
        h2Tables,
        h2Tables / payments,
        h2Closed,
        h2Closed / payments,
        pgTables,
        pgTables / payments);
    assertThat(h2Tables).isPositive();
    assertThat(pgTables).isPositive();
  }

  private static void takeIn(Database db) throws Exception {
    X12FileProcessor processor = TestFiles.processor(parser, null);
    db.inTransaction(
        c -> {
          long id = IntakeFiles.start(c, "5".repeat(64), "size.835", "835");
          processor.process(
              file, "size.835", "5".repeat(64), new JdbcIntakeTarget(c, id, "size.835", Map.of()));
          return null;
        });
  }

  private static long sum(Database db, String sql) throws Exception {
    try (Connection c = db.begin();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
