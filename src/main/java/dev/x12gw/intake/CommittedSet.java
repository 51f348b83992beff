package dev.x12gw.intake;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * ISA/GS/ST transaction set of a file, committed to the store on its own: what it brought, kept so
 * that an attempt interrupted after it (a crash, the database gone) resumes the file after it
 * without storing or publishing it again.
 *
 * @param ordinal the set's place in the file (1 for the first ST)
 * @param duplicate it was a remittance taken in before (reported as DUPLICATE_REMITTANCE)
 * @param matched payments or claims of the set matched to their counterpart
 * @param records records the set queued, by record type
 */
public record CommittedSet(
    int ordinal, boolean duplicate, long matched, Map<String, Long> records) {
  public CommittedSet {
    if (ordinal < 1) {
      throw new IllegalArgumentException("transaction set ordinal must be 1 or more: " + ordinal);
    }
    if (matched < 0) {
      throw new IllegalArgumentException("matched must not be negative: " + matched);
    }
    records = Map.copyOf(Objects.requireNonNull(records, "records"));
  }

  /** The record counts as stored: {@code TYPE=n} pairs separated by commas, in type order. */
  public String recordsText() {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(records)
        .forEach((type, n) -> b.append(b.isEmpty() ? "" : ",").append(type).append('=').append(n));
    return b.toString();
  }

  /** Reads {@link #recordsText()}. */
  public static Map<String, Long> parseRecords(String text) {
    Map<String, Long> records = new TreeMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",")) {
        int eq = pair.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException("not a TYPE=n pair: '" + pair + "'");
        }
        records.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      }
    }
    return records;
  }
}
