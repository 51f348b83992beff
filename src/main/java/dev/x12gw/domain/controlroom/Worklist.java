package dev.x12gw.domain.controlroom;

import java.util.List;
import java.util.Objects;

/**
 * A page of the worklist: open findings in descending priority.
 *
 * @param query what was asked
 * @param total how many open findings match the filters (all pages)
 * @param items this page
 */
public record Worklist(WorklistQuery query, long total, List<WorklistItem> items) {
  public Worklist {
    Objects.requireNonNull(query, "query");
    items = List.copyOf(items);
  }
}
