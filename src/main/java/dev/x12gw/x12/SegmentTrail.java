package dev.x12gw.x12;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 837 HL levels and loop 2300, 835 header, loop 2000 and loop 2100: the segments of one transaction
 * set as received, kept per level so that each claim or claim payment can be handed over with the
 * segments it was read from (its evidence) while memory stays bounded by one claim.
 *
 * <p>A claim's segments are the transaction's header (BHT, submitter, receiver; 835: BPR, TRN, REF,
 * DTM, N1 loops), the HL levels above it (billing provider, subscriber, patient; 835: the
 * LX/TS3/TS2 header number) and its own loop, in file order, each without its terminator. ST and SE
 * are not kept: the control numbers travel with the record's source.
 */
final class SegmentTrail {
  /** Which list the segments that follow go to, outermost first. */
  enum Level {
    HEADER,
    BILLING_PROVIDER,
    SUBSCRIBER,
    PATIENT,
    ITEM
  }

  private final Map<Level, List<String>> segments = new EnumMap<>(Level.class);

  /**
   * Each kept segment's position in the transaction set (ST = 1), parallel to {@link #segments}.
   */
  private final Map<Level, int[]> positions = new EnumMap<>(Level.class);

  private Level level = Level.HEADER;
  private List<String> headerCopy;

  SegmentTrail() {
    for (Level l : Level.values()) {
      segments.put(l, new ArrayList<>());
      positions.put(l, new int[16]);
    }
  }

  /** Starts a level: it and every level below it are emptied, the segment is its first. */
  void open(Level next, Segment first) {
    open(next, first, 0);
  }

  /** {@link #open(Level, Segment)} of the segment at {@code position} in the transaction set. */
  void open(Level next, Segment first, int position) {
    clearFrom(next);
    level = next;
    add(first, position);
  }

  /** Leaves the claim or payment loop: what follows belongs to {@code back} again. */
  void closeItem(Level back) {
    segments.get(Level.ITEM).clear();
    level = back;
  }

  /** A segment of the current level; ST and SE are not kept. */
  void add(Segment s) {
    add(s, 0);
  }

  /** {@link #add(Segment)} of the segment at {@code position} in the transaction set. */
  void add(Segment s, int position) {
    String id = s.id();
    if (!"ST".equals(id) && !"SE".equals(id)) {
      List<String> kept = segments.get(level);
      int[] at = positions.get(level);
      if (kept.size() == at.length) {
        at = java.util.Arrays.copyOf(at, at.length * 2);
        positions.put(level, at);
      }
      at[kept.size()] = position;
      kept.add(s.toString());
    }
  }

  /**
   * The positions in the transaction set (ST = 1) of {@link #itemWithContext}'s segments, in the
   * same order; 0 where the binder gave none.
   */
  int[] positionsWithContext() {
    int n = 0;
    for (Level l : Level.values()) {
      n += segments.get(l).size();
    }
    int[] out = new int[n];
    int i = 0;
    for (Level l : Level.values()) {
      int size = segments.get(l).size();
      System.arraycopy(positions.get(l), 0, out, i, size);
      i += size;
    }
    return out;
  }

  /** The transaction's header segments (835: BPR to the last N1 loop), the same for every item. */
  List<String> header() {
    List<String> header = segments.get(Level.HEADER);
    if (headerCopy == null || headerCopy.size() != header.size()) {
      headerCopy = List.copyOf(header);
    }
    return headerCopy;
  }

  /** The current item's segments with the levels above it, without the transaction's header. */
  List<String> itemWithLevels() {
    return from(Level.BILLING_PROVIDER);
  }

  /** The current claim's or payment's segments with every level above it, in file order. */
  List<String> itemWithContext() {
    return from(Level.HEADER);
  }

  private List<String> from(Level outermost) {
    List<String> out = new ArrayList<>();
    for (Level l : Level.values()) {
      if (l.compareTo(outermost) >= 0) {
        out.addAll(segments.get(l));
      }
    }
    return out;
  }

  private void clearFrom(Level outermost) {
    for (Level l : Level.values()) {
      if (l.compareTo(outermost) >= 0) {
        segments.get(l).clear();
      }
    }
  }
}
