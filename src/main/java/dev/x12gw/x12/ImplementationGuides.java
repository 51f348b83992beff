package dev.x12gw.x12;

import java.util.List;
import java.util.Map;

/**
 * GS01, GS08 and ST01/ST03: which functional identifier and first segment each transaction set has,
 * which transaction set an implementation guide id (ST03/GS08, e.g. 005010X222A1) belongs to, and
 * the guides this gateway reads.
 */
public final class ImplementationGuides {
  private ImplementationGuides() {}

  /** The guides a mapping reads, as messages name them. */
  public static final List<String> SUPPORTED =
      List.of(
          "005010X221A1 (835)",
          "005010X222A1 (837P)",
          "005010X223A2/A3 (837I)",
          "005010X224A2 (837D)");

  /** A transaction set's GS01 functional identifier and the segment that follows its ST. */
  private record SetFacts(String functionalId, String firstSegment) {}

  /** ST01 to its GS01 functional identifier and header segment (X12 table of transaction sets). */
  private static final Map<String, SetFacts> SETS =
      Map.ofEntries(
          Map.entry("835", new SetFacts("HP", "BPR")),
          Map.entry("837", new SetFacts("HC", "BHT")),
          Map.entry("999", new SetFacts("FA", "AK1")),
          Map.entry("997", new SetFacts("FA", "AK1")),
          Map.entry("277", new SetFacts("HN", "BHT")),
          Map.entry("276", new SetFacts("HR", "BHT")),
          Map.entry("270", new SetFacts("HS", "BHT")),
          Map.entry("271", new SetFacts("HB", "BHT")),
          Map.entry("278", new SetFacts("HI", "BHT")),
          Map.entry("834", new SetFacts("BE", "BGN")),
          Map.entry("820", new SetFacts("RA", "BPR")),
          Map.entry("824", new SetFacts("AG", "BGN")));

  /** 005010 guide number (the 3 digits after X) to its transaction set. */
  private static final Map<String, String> GUIDE_SETS =
      Map.ofEntries(
          Map.entry("221", "835"),
          Map.entry("222", "837"),
          Map.entry("223", "837"),
          Map.entry("224", "837"),
          Map.entry("231", "999"),
          Map.entry("212", "277"),
          Map.entry("214", "277"),
          Map.entry("220", "834"),
          Map.entry("218", "820"),
          Map.entry("217", "278"));

  /** The supported guides as one phrase for messages. */
  public static String supported() {
    return String.join(", ", SUPPORTED);
  }

  /** GS01 functional identifier of a transaction set, or null when not known here. */
  public static String functionalId(String transactionSetId) {
    SetFacts f = SETS.get(transactionSetId);
    return f == null ? null : f.functionalId();
  }

  /** The transaction set whose functional identifier is {@code gs01}, for messages. */
  public static String setsOf(String gs01) {
    List<String> sets =
        SETS.entrySet().stream()
            .filter(e -> e.getValue().functionalId().equals(gs01))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    return sets.isEmpty() ? "no transaction set known here" : String.join("/", sets);
  }

  /** Segment id that follows ST in a transaction set, or null when not known here. */
  public static String firstSegment(String transactionSetId) {
    SetFacts f = SETS.get(transactionSetId);
    return f == null ? null : f.firstSegment();
  }

  /** Transaction set whose first segment is {@code segmentId}, for messages ("" when several). */
  public static String setStartingWith(String segmentId) {
    List<String> sets =
        SETS.entrySet().stream()
            .filter(e -> e.getValue().firstSegment().equals(segmentId))
            .map(Map.Entry::getKey)
            .toList();
    return sets.size() == 1 ? sets.get(0) : "";
  }

  /**
   * Transaction set an implementation guide id belongs to ({@code 005010X222A1} → 837), or null
   * when {@code version} names no guide known here (e.g. {@code 005010}, {@code 004010X098A1}).
   */
  public static String setOfGuide(String version) {
    String number = guideNumber(version);
    return number == null ? null : GUIDE_SETS.get(number);
  }

  /** The 3-digit guide number of a 005010 guide id, or null. */
  static String guideNumber(String version) {
    if (version.length() >= 10
        && version.startsWith("005010")
        && version.charAt(6) == 'X'
        && Character.isDigit(version.charAt(7))
        && Character.isDigit(version.charAt(8))
        && Character.isDigit(version.charAt(9))) {
      return version.substring(7, 10);
    }
    return null;
  }

  /**
   * True when GS08 and ST03 name the same guide: equal, the same guide with other addenda
   * (005010X222 and 005010X222A1), or GS08 the bare version of ST03 (005010 and 005010X222A1).
   */
  public static boolean agree(String gs08, String st03) {
    if (gs08.equals(st03)) {
      return true;
    }
    if (gs08.length() >= 6 && st03.startsWith(gs08) && guideNumber(gs08) == null) {
      return true;
    }
    String a = guideNumber(gs08);
    return a != null && a.equals(guideNumber(st03));
  }
}
