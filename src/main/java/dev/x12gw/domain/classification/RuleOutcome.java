package dev.x12gw.domain.classification;

/**
 * What a classification rule concludes. A null part is taken from the default of the CARC that
 * drives the finding ({@code config/classification/carc-families.csv}).
 *
 * @param family the denial family, or null
 * @param coreScenario CAQH CORE 360 business scenario 1–4, or null
 * @param rootCause where the defect entered, or null
 * @param preventable whether the provider's process could have avoided it, or null
 * @param pathway what to do next, or null
 * @param rationale why, in words a biller understands (never empty)
 */
public record RuleOutcome(
    DenialFamily family,
    Integer coreScenario,
    RootCause rootCause,
    Boolean preventable,
    RecoveryPathway pathway,
    String rationale) {
  public RuleOutcome {
    if (coreScenario != null && (coreScenario < 1 || coreScenario > 4)) {
      throw new IllegalArgumentException("CAQH CORE scenario must be 1 to 4: " + coreScenario);
    }
    if (rationale == null || rationale.isBlank()) {
      throw new IllegalArgumentException("a rule needs a rationale");
    }
    rationale = rationale.strip();
  }

  /** True when every part is set (a CARC default must be complete). */
  public boolean complete() {
    return family != null && rootCause != null && preventable != null && pathway != null;
  }

  /** This outcome with its unset parts taken from another. */
  public RuleOutcome orElse(RuleOutcome base) {
    return new RuleOutcome(
        family != null ? family : base.family,
        family != null ? coreScenario : base.coreScenario,
        rootCause != null ? rootCause : base.rootCause,
        preventable != null ? preventable : base.preventable,
        pathway != null ? pathway : base.pathway,
        rationale);
  }
}
