package dev.x12gw.domain.scrub;

/**
 * The kinds of scrub rules: the built-in syntax, balancing and code-set checks (WEDI SNIP 2–5),
 * whose rows say only how severe they are and what they prevent, and the payer rules (SNIP 7),
 * whose rows also say which payer and procedures they apply to and with what value.
 */
public enum RuleKind {
  /** 837 CLM02 equals the sum of the service lines' charges (SV102 / SV203). SNIP 3. */
  CLAIM_BALANCE(false),
  /** An NPI (NM108 XX) passes the Luhn check with the 80840 prefix. SNIP 5; value: NM101 roles. */
  NPI_CHECK_DIGIT(false),
  /** A procedure code (SV101-2, qualifier HC) has the CPT or HCPCS Level II form. SNIP 5. */
  PROCEDURE_FORMAT(false),
  /** A diagnosis (HI, qualifiers ABK/ABF) has the ICD-10-CM form. SNIP 5. */
  DIAGNOSIS_FORMAT(false),
  /** The place of service (CLM05-1, SV105) is on the CMS list. SNIP 5. */
  PLACE_OF_SERVICE(false),
  /**
   * A provider taxonomy (PRV03, qualifier PXC) has the NUCC form: nine characters and X. SNIP 5.
   */
  TAXONOMY_FORMAT(false),
  /** An institutional line's revenue code (SV201) is four digits, 0100 to 0999. SNIP 5. */
  REVENUE_CODE(false),
  /**
   * A replacement or void (CLM05-3 7 or 8) names the claim it replaces (REF*F8, the payer's claim
   * control number): the guide's situational rule. SNIP 4.
   */
  REPLACEMENT_REFERENCE(false),
  /**
   * The subscriber is the patient (SBR02 18) exactly when the claim has no patient level (HL 23,
   * loop 2000C with PAT): the guide's situational rule. SNIP 4.
   */
  PATIENT_RELATIONSHIP(false),
  /** A date of service is plausible: not after the claim was created, not before 1900, in order. */
  SERVICE_DATE(false),
  /** A line points (SV107) at diagnoses the claim has (HI). SNIP 4. */
  DIAGNOSIS_POINTER(false),
  /** The same patient, date, procedure and modifiers as a line already submitted. */
  DUPLICATE(false),
  /** Procedure-to-procedure pairs billed on one day (NCCI PTP edits, {@code ncci-ptp.csv}). */
  PTP_BUNDLING(false),
  /** Units of a procedure above its medically unlikely limit for a day ({@code mue.csv}). */
  UNITS_LIMIT(false),
  /** A payer's listed procedures need a prior authorization (REF*G1); value unused. */
  AUTHORIZATION_REQUIRED(true),
  /** A payer's timely filing window; value: days from the date of service. */
  TIMELY_FILING(true),
  /** The subscriber's member id (NM1*IL NM109) matches a payer's pattern; value: a regex. */
  MEMBER_ID_PATTERN(true),
  /** A procedure needs one of the listed modifiers; value: modifiers separated by spaces. */
  MODIFIER_REQUIRED(true),
  /** A payer requires a claim reference (REF qualifier); value: the REF01 qualifier. */
  REFERENCE_REQUIRED(true);

  private final boolean payerRule;

  RuleKind(boolean payerRule) {
    this.payerRule = payerRule;
  }

  /** True for the payer rules of {@code payer-rules.csv}; false for the built-in checks. */
  public boolean payerRule() {
    return payerRule;
  }
}
