package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Text;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The KPIs of one segment (a payer, a month, ..., or {@code all}). */
public record KpiRow(String segment, Map<Metric, KpiValue> values) {
  public KpiRow {
    segment = Text.requireText(segment, "segment");
    EnumMap<Metric, KpiValue> copy = new EnumMap<>(Metric.class);
    copy.putAll(values);
    for (Metric m : Metric.values()) {
      copy.putIfAbsent(m, KpiValue.NONE);
    }
    values = Collections.unmodifiableMap(copy);
  }

  public KpiValue get(Metric m) {
    return values.get(m);
  }
}
