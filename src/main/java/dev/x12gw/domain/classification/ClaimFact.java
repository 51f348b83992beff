package dev.x12gw.domain.classification;

/** A fact about the claim behind a finding that a classification rule can require. */
public enum ClaimFact {
  /** No condition. */
  ANY,
  /** The gateway has the 837 claim and it carries no REF*G1 prior authorization (claim or line). */
  NO_PRIOR_AUTH,
  /** The 837 claim carries a REF*G1 prior authorization number. */
  PRIOR_AUTH_SENT,
  /** The gateway has the 837 claim and it carries no REF*9F referral number. */
  NO_REFERRAL,
  /** The 837 claim carries a REF*9F referral number. */
  REFERRAL_SENT,
  /** The gateway has not seen the 837 claim. */
  NO_CLAIM,
  /** The claim is a replacement (CLM05-3 = 7). */
  REPLACEMENT,
  /** The claim is a void (CLM05-3 = 8), or a take-back answers an 837 void of the claim. */
  VOID,
  /** The payer took the payment back with no correction. */
  NO_CORRECTION,
  /** The claim falls under the No Surprises Act. */
  NSA_ELIGIBLE
}
