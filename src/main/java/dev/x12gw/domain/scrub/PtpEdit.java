package dev.x12gw.domain.scrub;

import dev.x12gw.domain.Text;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One NCCI procedure-to-procedure edit (CMS PTP table row): the column 2 code is not paid with the
 * column 1 code on one day for one patient, unless the modifier indicator allows a modifier that
 * shows the services were distinct.
 *
 * @param column1 the comprehensive code
 * @param column2 the component code, denied when billed with it
 * @param effective first day the edit applies
 * @param deleted last day it applies, or null
 * @param modifierIndicator 0: no modifier bypasses it; 1: a distinct-service modifier (59, XE, XP,
 *     XS, XU, and the anatomic ones) on either code bypasses it; 9: not applicable (the edit is
 *     deleted)
 * @param rationale the source or why, shown with the finding
 */
public record PtpEdit(
    String column1,
    String column2,
    LocalDate effective,
    LocalDate deleted,
    int modifierIndicator,
    String rationale) {
  public PtpEdit {
    column1 = Text.requireText(column1, "column 1 code").toUpperCase(java.util.Locale.ROOT);
    column2 = Text.requireText(column2, "column 2 code").toUpperCase(java.util.Locale.ROOT);
    Objects.requireNonNull(effective, "effective date");
    if (deleted != null && deleted.isBefore(effective)) {
      throw new IllegalArgumentException(
          column1 + "/" + column2 + ": deleted " + deleted + " before effective " + effective);
    }
    if (modifierIndicator != 0 && modifierIndicator != 1 && modifierIndicator != 9) {
      throw new IllegalArgumentException(
          column1 + "/" + column2 + ": modifier indicator is 0, 1 or 9: " + modifierIndicator);
    }
    rationale = Text.orEmpty(rationale);
  }

  /** True on {@code day} (the edit is in force and not marked not applicable). */
  public boolean inForce(LocalDate day) {
    return modifierIndicator != 9
        && !day.isBefore(effective)
        && (deleted == null || !day.isAfter(deleted));
  }
}
