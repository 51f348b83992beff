package dev.x12gw.domain.finding;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;

/**
 * 835 outcome worth a record: what the gateway found about a claim, a service line or a remittance.
 *
 * <p>Every finding carries the remittance it came from, the claim payment (null only for
 * transaction-level findings), the matched 837 claim when the gateway has it, the service line for
 * line-level findings, and the rule that fired. {@link #findingKey()} names what the finding is
 * about (stable when the facts change, e.g. when the claim arrives after its remittance); {@link
 * #recordId()} is derived from the key and the finding's facts, so the same facts always give the
 * same id and changed facts give a new record that supersedes the old one.
 */
public sealed interface Finding
    permits ClaimDenial,
        LineDenial,
        Underpayment,
        Recoupment,
        BalancingException,
        UnmatchedRemit,
        DenialOverturned {
  RecordType type();

  String recordId();

  /** What the finding is about, independent of its facts (a name-based id). */
  String findingKey();

  RemittanceHeader remittance();

  /** The claim payment, or null for a transaction-level finding. */
  ClaimPayment payment();

  /** The matched 837 claim, or null when the gateway has not seen it. */
  SubmittedClaim claim();

  /** The service line for a line-level finding, else null. */
  LineMatch line();

  Detection detection();
}
