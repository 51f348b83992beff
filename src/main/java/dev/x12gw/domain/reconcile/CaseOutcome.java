package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.finding.Finding;
import java.util.List;
import java.util.Objects;

/** What a case comes to: its current findings and its lifecycle. */
public record CaseOutcome(List<Finding> findings, ClaimLifecycle lifecycle) {
  public CaseOutcome {
    findings = List.copyOf(findings);
    Objects.requireNonNull(lifecycle, "lifecycle");
  }
}
