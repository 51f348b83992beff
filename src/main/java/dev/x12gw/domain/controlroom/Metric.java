package dev.x12gw.domain.controlroom;

/**
 * The control room's KPIs, after HFMA's standardised denial metrics (Claim Integrity Task Force),
 * each with its formula and denominator as computed here. {@code docs/control-room.md} states where
 * a definition is the gateway's assumption.
 */
public enum Metric {
  INITIAL_DENIAL_RATE(
      Unit.RATE,
      "claims denied in full or in part on first adjudication / claims first adjudicated"),
  INITIAL_DENIAL_RATE_DOLLARS(
      Unit.RATE, "dollars denied on first adjudication / billed dollars (CLP03) first adjudicated"),
  LINE_DENIAL_RATE(
      Unit.RATE, "service lines denied on first adjudication / service lines first adjudicated"),
  CLEAN_CLAIM_RATE(
      Unit.RATE,
      "claims paid on first adjudication with nothing denied and no replacement or void before"
          + " / claims first adjudicated"),
  DENIALS(Unit.COUNT, "classified claim and line denials decided in the period (amount at stake)"),
  FINAL_DENIAL_RATE(
      Unit.RATE,
      "denied dollars closed out unrecovered (pathway CLOSE_OUT, or appeal deadline passed without"
          + " an overturn) / billed dollars first adjudicated"),
  WRITE_OFF_SHARE(Unit.RATE, "denials closed out unrecovered / denials"),
  OVERTURN_RATE(
      Unit.RATE, "denials overturned by a later payment / worked denials (pathway not CLOSE_OUT)"),
  RECOVERED(Unit.DOLLARS, "dollars paid by later payments on denied claims and lines"),
  RECOVERY_YIELD(
      Unit.DOLLARS, "recovered dollars − configured labor cost of the worked denials' pathways"),
  DAYS_TO_RESOLUTION_MEDIAN(
      Unit.DAYS,
      "median days from the denial's payment date to its recovery's, or to its close-out (the"
          + " denial's own date for CLOSE_OUT, else the passed appeal deadline)"),
  DAYS_TO_RESOLUTION_P90(Unit.DAYS, "90th percentile (nearest rank) of the same days"),
  OPEN_0_30(Unit.COUNT, "open denials (not overturned, not closed out) aged 0–30 days"),
  OPEN_31_60(Unit.COUNT, "open denials aged 31–60 days"),
  OPEN_61_90(Unit.COUNT, "open denials aged 61–90 days"),
  OPEN_OVER_90(Unit.COUNT, "open denials aged more than 90 days"),
  DEADLINE_WITHIN_14_DAYS(
      Unit.COUNT,
      "open denials whose appeal, NSA open-negotiation or IDR deadline falls within 14 days"),
  UNDERPAYMENT_VARIANCE(Unit.DOLLARS, "Σ (expected − paid) of underpayments decided in the period"),
  RECOUPED(Unit.DOLLARS, "dollars taken back (reversals net of corrections, PLB) in the period"),
  PREVENTABLE_SHARE(Unit.RATE, "denials the provider's process could have avoided / denials");

  /** How a metric's value reads. */
  public enum Unit {
    /** A fraction from 0 to 1 (shown as a percentage). */
    RATE,
    /** Dollars. */
    DOLLARS,
    /** Days. */
    DAYS,
    /** A count (with its dollars). */
    COUNT
  }

  private final Unit unit;
  private final String formula;

  Metric(Unit unit, String formula) {
    this.unit = unit;
    this.formula = formula;
  }

  public Unit unit() {
    return unit;
  }

  /** The formula and its denominator, in words. */
  public String formula() {
    return formula;
  }

  /** The metric's name in lower case with dashes, as in CSV headers and JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
