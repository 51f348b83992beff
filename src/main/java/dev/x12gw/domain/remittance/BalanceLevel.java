package dev.x12gw.domain.remittance;

/** Where an 835 fails to balance. */
public enum BalanceLevel {
  /** Loop 2110: SVC02 − ΣCAS(line) = SVC03. */
  LINE,
  /** Loop 2100: CLP03 − Σ(claim CAS + line CAS) = CLP04. */
  CLAIM,
  /** Transaction: ΣCLP04 − ΣPLB = BPR02. */
  TRANSACTION
}
