package dev.x12gw.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches 835 claim payments (CLP01 + payer) to 837 claims (CLM01 + payer) in any arrival order,
 * and hands every finding to the sink. One instance per unit of work (a file in the gateway).
 */
public final class Reconciler {
  private final ClaimRepository repository;
  private final DenialDetector detector;
  private final FindingSink sink;

  public Reconciler(ClaimRepository repository, DenialDetector detector, FindingSink sink) {
    this.repository = Objects.requireNonNull(repository);
    this.detector = Objects.requireNonNull(detector);
    this.sink = Objects.requireNonNull(sink);
  }

  /**
   * Stores a submitted claim and matches the payments that arrived before it.
   *
   * @return how many earlier payments were matched to this claim
   */
  public int acceptClaim(SubmittedClaim claim) {
    long claimId = repository.saveClaim(claim);
    String payerKey = RemittanceHeader.payerKey(claim.payer().id());
    if (payerKey.isEmpty()) {
      return 0;
    }
    List<Long> waiting = repository.findUnmatchedPayments(claim.patientControlNumber(), payerKey);
    waiting.forEach(paymentId -> repository.linkPayment(paymentId, claimId));
    return waiting.size();
  }

  /** Stores the transaction-level data of an 835 (provider summaries, PLB). */
  public void acceptRemittanceTrailer(RemittanceTrailer trailer) {
    repository.saveRemittanceTrailer(trailer);
  }

  /**
   * Stores a claim payment, matches it to its claim when the gateway has one, and emits findings.
   *
   * @return true when the payment matched a stored claim
   */
  public boolean acceptPayment(RemittanceHeader remittance, ClaimPayment payment) {
    Optional<ClaimRepository.StoredClaim> claim =
        repository.findClaim(payment.patientControlNumber(), remittance.payerKeys());
    repository.savePayment(remittance, payment, claim.map(ClaimRepository.StoredClaim::id));
    detector
        .detect(remittance, payment, claim.map(ClaimRepository.StoredClaim::claim).orElse(null))
        .forEach(sink::accept);
    return claim.isPresent();
  }
}
