package dev.x12gw.intake;

import dev.x12gw.x12.ReadResult;
import java.util.Map;

/**
 * The result of taking in one file.
 *
 * @param fileName the file as dropped
 * @param sha256 SHA-256 of its content
 * @param outcome processed, partial or rejected
 * @param read what the reader found
 * @param matched payments matched to a claim (in either arrival order)
 * @param published new records published, by record type
 */
public record FileReport(
    String fileName,
    String sha256,
    FileOutcome outcome,
    ReadResult read,
    long matched,
    Map<String, Long> published) {
  public FileReport {
    published = Map.copyOf(published);
  }

  /** One line for logs: file, outcome and counts (no PHI). */
  public String summary() {
    return String.format(
        "%s: %s, %d transaction set(s) accepted, %d quarantined, %d claim(s), %d payment(s),"
            + " %d matched, records %s",
        fileName,
        outcome,
        read.transactionsAccepted(),
        read.transactionsRejected(),
        read.claims(),
        read.payments(),
        matched,
        new java.util.TreeMap<>(published));
  }
}
