package dev.x12gw.domain.classification;

/**
 * The clinical service line of a claim or line, from 837 PRV taxonomy codes, procedure ranges,
 * place of service and bill type (rules in {@code config/classification/service-lines.csv}).
 */
public enum ServiceLine {
  AIR_AMBULANCE,
  ANESTHESIA,
  GASTROENTEROLOGY,
  ORTHOPEDICS,
  HOSPITAL_OUTPATIENT_ASC,
  EMERGENCY,
  OTHER
}
