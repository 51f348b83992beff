package dev.x12gw.domain.classification;

/** What kind of problem a denial, underpayment or recoupment is (835 CAS group + CARC + RARC). */
public enum DenialFamily {
  ELIGIBILITY,
  AUTHORIZATION,
  MEDICAL_NECESSITY,
  CODING,
  BUNDLING,
  MISSING_INFORMATION,
  DOCUMENTATION,
  TIMELY_FILING,
  DUPLICATE,
  COORDINATION_OF_BENEFITS,
  NON_COVERED,
  CONTRACTUAL,
  PROVIDER_ENROLLMENT,
  PATIENT_RESPONSIBILITY,
  OTHER
}
