package dev.x12gw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments claims and claim payments were read from (V15, {@code segment_block}), for evidence
 * packets: one file's items are kept in blocks of up to {@link #ITEMS} items, each block packed
 * once ({@link Documents}), so that the compressor sees many payments at a time — about half the
 * bytes of packing each item alone. A claim or payment row names its block ({@code segment_block})
 * and its place in it ({@code segment_item}).
 *
 * <p>Per-file state: one instance per {@link JdbcClaimRepository}. A block is written when full and
 * when a transaction set commits ({@link #flush}), so it never spans two sets: a quarantined set's
 * savepoint rollback takes its blocks with its rows ({@link #discard} drops the unwritten rest).
 */
final class SegmentBlocks {
  /** Items a block holds at most. */
  static final int ITEMS = 64;

  /** Between segments of an item. */
  private static final char SEGMENT = '\n';

  /** Between items of a block (ASCII record separator: never inside X12 segment text here). */
  private static final char ITEM = '\u001e';

  private final Connection connection;
  private final long intakeFileId;
  private final StringBuilder text = new StringBuilder();
  private int items;
  private int blockNo = -1;

  SegmentBlocks(Connection connection, long intakeFileId) {
    this.connection = connection;
    this.intakeFileId = intakeFileId;
  }

  /** Where an item was put: its row's {@code segment_block} and {@code segment_item}. */
  record Place(int block, int item) {}

  /** Adds an item's segments to the open block; returns where it is. */
  Place add(List<String> segments) throws SQLException {
    if (blockNo < 0) {
      blockNo = lastBlock() + 1;
    }
    if (items > 0) {
      text.append(ITEM);
    }
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        text.append(SEGMENT);
      }
      text.append(segments.get(i));
    }
    Place p = new Place(blockNo, items++);
    if (items == ITEMS) {
      flush();
    }
    return p;
  }

  /** Writes the open block, if it holds anything; the next item opens a new one. */
  void flush() throws SQLException {
    if (items == 0) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "insert into segment_block (intake_file_id, block_no, segments) values (?,?,?)")) {
      ps.setLong(1, intakeFileId);
      ps.setInt(2, blockNo);
      ps.setBytes(3, Documents.pack(text.toString()));
      ps.executeUpdate();
    }
    text.setLength(0);
    items = 0;
    blockNo++;
  }

  /**
   * The open block's items were rolled back with their rows: forgotten, and the block number read
   * again from the store (blocks written since the savepoint are gone too).
   */
  void discard() {
    text.setLength(0);
    items = 0;
    blockNo = -1;
  }

  private int lastBlock() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select coalesce(max(block_no), -1) from segment_block where intake_file_id = ?")) {
      ps.setLong(1, intakeFileId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The segments of item {@code item} of block {@code block} of a file; empty when absent. */
  static List<String> read(Connection c, long intakeFileId, int block, int item)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select segments from segment_block where intake_file_id = ? and block_no = ?")) {
      ps.setLong(1, intakeFileId);
      ps.setInt(2, block);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return List.of();
        }
        String all = Documents.unpack(rs.getBytes(1));
        int start = 0;
        for (int i = 0; i < item; i++) {
          start = all.indexOf(ITEM, start);
          if (start < 0) {
            return List.of();
          }
          start++;
        }
        int end = all.indexOf(ITEM, start);
        String one = end < 0 ? all.substring(start) : all.substring(start, end);
        List<String> out = new ArrayList<>();
        for (String s : one.split(String.valueOf(SEGMENT), -1)) {
          if (!s.isEmpty()) {
            out.add(s);
          }
        }
        return List.copyOf(out);
      }
    }
  }
}
