package dev.x12gw.domain.classification;

/** The control point where the defect behind a denial entered the revenue cycle. */
public enum RootCause {
  /** Eligibility, demographics, plan and coordination-of-benefits data taken at registration. */
  FRONT_DESK,
  /** Authorization, referral and medical-necessity support before the service. */
  PRE_SERVICE,
  /** What the clinician documented. */
  CLINICAL_DOCUMENTATION,
  /** Procedure and diagnosis codes, modifiers, diagnosis linkage. */
  CODING,
  /** Timely filing, duplicates, claim edits, enrollment paperwork. */
  BILLING,
  /** Payer policy, pricing and underpayment: nothing the provider did. */
  PAYER_BEHAVIOR
}
