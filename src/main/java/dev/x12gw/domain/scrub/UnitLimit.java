package dev.x12gw.domain.scrub;

import dev.x12gw.domain.Text;

/**
 * A medically unlikely edit (MUE-style): the most units of a procedure one patient gets on one day.
 *
 * @param code the procedure code
 * @param maxUnits the most units a day
 * @param rationale the source or why, shown with the finding
 */
public record UnitLimit(String code, int maxUnits, String rationale) {
  public UnitLimit {
    code = Text.requireText(code, "procedure code").toUpperCase(java.util.Locale.ROOT);
    if (maxUnits < 1) {
      throw new IllegalArgumentException(code + ": the unit limit is at least 1: " + maxUnits);
    }
    rationale = Text.orEmpty(rationale);
  }
}
