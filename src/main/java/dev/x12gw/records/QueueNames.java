package dev.x12gw.records;

import dev.x12gw.domain.finding.RecordQueue;
import dev.x12gw.domain.finding.RecordType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The configured name of every {@link RecordQueue} ({@code queue.denials}, {@code
 * queue.underpayments}, ... in {@code config/application.properties}).
 */
public record QueueNames(Map<RecordQueue, String> names) {
  public QueueNames {
    EnumMap<RecordQueue, String> copy = new EnumMap<>(RecordQueue.class);
    for (RecordQueue q : RecordQueue.values()) {
      String name = names.get(q);
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(q.setting() + " names no queue");
      }
      copy.put(q, name.trim());
    }
    names = java.util.Collections.unmodifiableMap(copy);
  }

  public static QueueNames defaults() {
    return from(setting -> null);
  }

  /** Queue names from settings ({@code queue.*} keys); a missing key takes its default name. */
  public static QueueNames from(Function<String, String> setting) {
    Map<RecordQueue, String> names = new EnumMap<>(RecordQueue.class);
    for (RecordQueue q : RecordQueue.values()) {
      names.put(q, Objects.requireNonNullElse(setting.apply(q.setting()), q.defaultName()));
    }
    return new QueueNames(names);
  }

  /** The queue's configured name. */
  public String of(RecordQueue queue) {
    return names.get(queue);
  }

  /**
   * The queue records of this type go to.
   *
   * @throws IllegalArgumentException for {@code FINDING_WITHDRAWN}, whose queue is that of the
   *     record it withdraws
   */
  public String of(RecordType type) {
    if (type.queue() == null) {
      throw new IllegalArgumentException(type + " goes to the queue of the record it withdraws");
    }
    return of(type.queue());
  }

  /** Every queue, for the broker to declare (each name once). */
  public List<String> all() {
    List<String> out = new ArrayList<>();
    for (String name : names.values()) {
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }
}
