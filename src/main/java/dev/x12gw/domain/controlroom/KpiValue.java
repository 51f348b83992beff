package dev.x12gw.domain.controlroom;

import java.math.BigDecimal;

/**
 * One KPI of one segment.
 *
 * @param value the rate (0–1, four places), dollars, days or count; null when it cannot be computed
 *     (no denominator, or the segmentation has no claim-level figures)
 * @param numerator what was counted or summed (null for days)
 * @param denominator the base of a rate, else null
 * @param amount the dollars behind a count (open denials, denials), else null
 */
public record KpiValue(
    BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal amount) {
  /** Not computable. */
  public static final KpiValue NONE = new KpiValue(null, null, null, null);
}
