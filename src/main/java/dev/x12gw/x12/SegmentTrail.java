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
  private Level level = Level.HEADER;
  private List<String> headerCopy;

  SegmentTrail() {
    for (Level l : Level.values()) {
      segments.put(l, new ArrayList<>());
    }
  }

  /** Starts a level: it and every level below it are emptied, the segment is its first. */
  void open(Level next, Segment first) {
    clearFrom(next);
    level = next;
    add(first);
  }

  /** Leaves the claim or payment loop: what follows belongs to {@code back} again. */
  void closeItem(Level back) {
    segments.get(Level.ITEM).clear();
    level = back;
  }

  /** A segment of the current level; ST and SE are not kept. */
  void add(Segment s) {
    String id = s.id();
    if (!"ST".equals(id) && !"SE".equals(id)) {
      segments.get(level).add(s.toString());
    }
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
