package dev.x12gw.domain.controlroom;

import java.util.List;
import java.util.Objects;

/** The control room's KPIs: one row per segment, in segment order, and the total of the period. */
public record KpiReport(KpiQuery query, List<KpiRow> rows, KpiRow total) {
  public KpiReport {
    Objects.requireNonNull(query, "query");
    rows = List.copyOf(rows);
    Objects.requireNonNull(total, "total");
  }
}
