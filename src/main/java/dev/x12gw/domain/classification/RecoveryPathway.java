package dev.x12gw.domain.classification;

/** What the recovery team should do next. */
public enum RecoveryPathway {
  /** Fix the claim and send it again (frequency 7 replacement or a new claim). */
  CORRECT_AND_RESUBMIT,
  /** The claim was right: ask the payer to reconsider, with evidence. */
  APPEAL,
  /** Go beyond the payer's appeal: No Surprises Act open negotiation and federal IDR. */
  ESCALATE_DISPUTE,
  /** Nothing to recover from the payer: write off or bill the patient. */
  CLOSE_OUT
}
