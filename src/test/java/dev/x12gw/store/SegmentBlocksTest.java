package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.bench.X12Generator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every stored claim payment finds its own segments in the file's segment blocks (V15): across many
 * blocks and transaction sets, and with a quarantined set whose payments and blocks are rolled back
 * with it.
 */
class SegmentBlocksTest {
  private static long take(TestStore store, Path f) throws Exception {
    return ControlRoomStoreTest.take(store, f, f.getFileName().toString());
  }

  /** Each payment row's own segments: its first CLP is its CLP01. */
  private static int checkPayments(TestStore store, long fileId) throws Exception {
    int n = 0;
    try (Connection c = store.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select p.patient_control_number, p.segment_block, p.segment_item from"
                    + " claim_payment p join remittance r on r.id = p.remittance_id where"
                    + " r.intake_file_id = ?")) {
      ps.setLong(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String pcn = rs.getString(1);
          List<String> own = SegmentBlocks.read(c, fileId, rs.getInt(2), rs.getInt(3));
          assertThat(own.stream().filter(s -> s.startsWith("CLP*")).toList())
              .as("the CLP segments of payment %s's own segments", pcn)
              .hasSize(1)
              .allMatch(s -> s.startsWith("CLP*" + pcn + "*"));
          n++;
        }
      }
    }
    return n;
  }

  private static List<String> blocks(TestStore store, long fileId) throws Exception {
    try (Connection c = store.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select segments from segment_block where intake_file_id = ? order by block_no")) {
      ps.setLong(1, fileId);
      List<String> out = new java.util.ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Documents.unpack(rs.getBytes(1)));
        }
      }
      return out;
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void manyPaymentsEachReadBackTheirOwnSegments(TestStore.Backend backend, @TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("generated.835");
    new X12Generator(7, 40).write835(f, 300_000);
    try (TestStore store = backend.open()) {
      long fileId = take(store, f);
      int payments = checkPayments(store, fileId);
      assertThat(payments).isGreaterThan(3 * SegmentBlocks.ITEMS);
      // blocks close when full and at each transaction set's commit (40 claims a set here)
      assertThat(blocks(store, fileId)).hasSizeGreaterThanOrEqualTo(payments / SegmentBlocks.ITEMS);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void aQuarantinedSetLeavesNoSegments(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      long fileId = take(store, TestFiles.testdata("bad-amount-one-transaction-quarantined.835"));
      assertThat(checkPayments(store, fileId)).isEqualTo(1);
      assertThat(String.join("", blocks(store, fileId)))
          .contains("CLP*PCN5002*")
          .doesNotContain("PCN5001");
    }
  }
}
