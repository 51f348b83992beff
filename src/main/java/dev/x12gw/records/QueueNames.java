package dev.x12gw.records;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Destination queue of each record type (configured as {@code queue.denials}, {@code
 * queue.underpayments}, {@code queue.exceptions}, {@code queue.resolutions}, {@code
 * queue.unmatched-remits} and {@code queue.errors}).
 */
public record QueueNames(
    String denials,
    String underpayments,
    String exceptions,
    String resolutions,
    String unmatchedRemits,
    String errors) {
  public QueueNames {
    Objects.requireNonNull(denials, "queue.denials");
    Objects.requireNonNull(underpayments, "queue.underpayments");
    Objects.requireNonNull(exceptions, "queue.exceptions");
    Objects.requireNonNull(resolutions, "queue.resolutions");
    Objects.requireNonNull(unmatchedRemits, "queue.unmatched-remits");
    Objects.requireNonNull(errors, "queue.errors");
  }

  public static QueueNames defaults() {
    return new QueueNames(
        "x12.denials",
        "x12.underpayments",
        "x12.exceptions",
        "x12.resolutions",
        "x12.remits.unmatched",
        "x12.errors");
  }

  /** Queue names from settings ({@code queue.*} keys). */
  public static QueueNames from(Function<String, String> setting) {
    return new QueueNames(
        setting.apply("queue.denials"),
        setting.apply("queue.underpayments"),
        setting.apply("queue.exceptions"),
        setting.apply("queue.resolutions"),
        setting.apply("queue.unmatched-remits"),
        setting.apply("queue.errors"));
  }

  /** Every queue, for the broker to declare. */
  public List<String> all() {
    return List.of(denials, underpayments, exceptions, resolutions, unmatchedRemits, errors);
  }
}
