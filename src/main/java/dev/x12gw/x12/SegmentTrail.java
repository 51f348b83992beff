package dev.x12gw.x12;

import java.util.ArrayList;
import java.util.List;

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
  /** Which list the segments that follow go to. */
  enum Level {
    HEADER,
    BILLING_PROVIDER,
    SUBSCRIBER,
    PATIENT,
    ITEM
  }

  private final List<String> header = new ArrayList<>();
  private final List<String> billingProvider = new ArrayList<>();
  private final List<String> subscriber = new ArrayList<>();
  private final List<String> patient = new ArrayList<>();
  private final List<String> item = new ArrayList<>();
  private Level level = Level.HEADER;
  private List<String> headerCopy;

  /** Starts a level: it and every level below it are emptied, the segment is its first. */
  void open(Level next, Segment first) {
    switch (next) {
      case HEADER -> {
        header.clear();
        billingProvider.clear();
        subscriber.clear();
        patient.clear();
        item.clear();
      }
      case BILLING_PROVIDER -> {
        billingProvider.clear();
        subscriber.clear();
        patient.clear();
        item.clear();
      }
      case SUBSCRIBER -> {
        subscriber.clear();
        patient.clear();
        item.clear();
      }
      case PATIENT -> {
        patient.clear();
        item.clear();
      }
      case ITEM -> item.clear();
    }
    level = next;
    add(first);
  }

  /** Leaves the claim or payment loop: what follows belongs to the level above it again. */
  void closeItem(Level back) {
    item.clear();
    level = back;
  }

  /** A segment of the current level; ST and SE are not kept. */
  void add(Segment s) {
    String id = s.id();
    if ("ST".equals(id) || "SE".equals(id)) {
      return;
    }
    String text = s.toString();
    switch (level) {
      case HEADER -> header.add(text);
      case BILLING_PROVIDER -> billingProvider.add(text);
      case SUBSCRIBER -> subscriber.add(text);
      case PATIENT -> patient.add(text);
      case ITEM -> item.add(text);
    }
  }

  Level level() {
    return level;
  }

  /** The transaction's header segments (835: BPR to the last N1 loop), the same for every item. */
  List<String> header() {
    if (headerCopy == null || headerCopy.size() != header.size()) {
      headerCopy = List.copyOf(header);
    }
    return headerCopy;
  }

  /** The current item's segments with the levels above it, without the transaction's header. */
  List<String> itemWithLevels() {
    List<String> out =
        new ArrayList<>(billingProvider.size() + subscriber.size() + patient.size() + item.size());
    out.addAll(billingProvider);
    out.addAll(subscriber);
    out.addAll(patient);
    out.addAll(item);
    return out;
  }

  /** The current claim's or payment's segments with every level above it, in file order. */
  List<String> itemWithContext() {
    List<String> out =
        new ArrayList<>(
            header.size()
                + billingProvider.size()
                + subscriber.size()
                + patient.size()
                + item.size());
    out.addAll(header);
    out.addAll(billingProvider);
    out.addAll(subscriber);
    out.addAll(patient);
    out.addAll(item);
    return out;
  }
}
