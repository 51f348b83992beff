package dev.x12gw.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the claim and remittance store used for matching. Implemented over H2 for the gateway and
 * in memory for offline analysis; both must behave the same.
 */
public interface ClaimRepository {
  /** A stored 837 claim with the store's id. */
  record StoredClaim(long id, SubmittedClaim claim) {}

  /** Stores a claim and returns its id. */
  long saveClaim(SubmittedClaim claim);

  /** The most recently stored claim with this CLM01 whose payer id is one of {@code payerKeys}. */
  Optional<StoredClaim> findClaim(String patientControlNumber, Set<String> payerKeys);

  /** Stores a claim payment, linked to {@code claimId} when matched; returns its id. */
  long savePayment(RemittanceHeader remittance, ClaimPayment payment, Optional<Long> claimId);

  /** Ids of stored payments with this CLP01, not yet matched, whose payer sent {@code payerKey}. */
  List<Long> findUnmatchedPayments(String patientControlNumber, String payerKey);

  /** Records that a previously unmatched payment belongs to a claim. */
  void linkPayment(long paymentId, long claimId);

  /** Stores what an 835 transaction set says as a whole: provider summaries and PLB. */
  void saveRemittanceTrailer(RemittanceTrailer trailer);
}
