package dev.x12gw.domain.claim;

/** 835 CAS position: loop 2100 (claim) or loop 2110 (service line). */
public enum AdjustmentLevel {
  CLAIM,
  LINE
}
