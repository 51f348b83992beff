package dev.x12gw.domain;

/**
 * 835 loop 2100 CLP outcome worth a record: what the gateway found about one claim payment.
 *
 * <p>Every finding carries the remittance it came from, the claim payment, the matched 837 claim
 * when the gateway has it, and the rule that fired. Its {@link #recordId()} is derived from the
 * finding's identity only, so the same finding always gets the same id.
 */
public sealed interface Finding permits ClaimDenial, UnmatchedRemit {
  RecordType type();

  String recordId();

  RemittanceHeader remittance();

  ClaimPayment payment();

  /** The matched 837 claim, or null when the gateway has not seen it. */
  SubmittedClaim claim();

  Detection detection();
}
