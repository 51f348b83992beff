package dev.x12gw.records;

import java.util.Objects;

/**
 * Destination queue of each record type (configured as {@code queue.denials}, {@code
 * queue.unmatched-remits} and {@code queue.errors}).
 */
public record QueueNames(String denials, String unmatchedRemits, String errors) {
  public QueueNames {
    Objects.requireNonNull(denials, "queue.denials");
    Objects.requireNonNull(unmatchedRemits, "queue.unmatched-remits");
    Objects.requireNonNull(errors, "queue.errors");
  }

  public static QueueNames defaults() {
    return new QueueNames("x12.denials", "x12.remits.unmatched", "x12.errors");
  }
}
