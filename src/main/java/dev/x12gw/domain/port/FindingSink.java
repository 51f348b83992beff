package dev.x12gw.domain.port;

import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.reconcile.Withdrawal;

/** Port: where findings go (the outbox in the gateway, standard output in offline analysis). */
public interface FindingSink {
  /**
   * @param caseId the claim case the finding is about; 0 for a finding about a whole transaction
   *     set (a remittance that does not balance)
   * @param finding a new finding, or a finding whose facts changed
   * @param supersedes the record id of the finding it replaces (same key, older facts), or null
   */
  void accept(long caseId, Finding finding, String supersedes);

  /** A published finding no longer holds. */
  void withdraw(Withdrawal withdrawal);

  /**
   * The service line a claim is reported under in the control room (the classification's name of
   * it), or null when the sink does not classify. Asked once per case recomputation for the case's
   * first adjudication.
   *
   * @param claim the 837 claim, or null when the gateway has none
   * @param payment the first adjudicating 835 claim payment
   */
  default String serviceLineOf(
      dev.x12gw.domain.claim.SubmittedClaim claim,
      dev.x12gw.domain.remittance.ClaimPayment payment) {
    return null;
  }
}
