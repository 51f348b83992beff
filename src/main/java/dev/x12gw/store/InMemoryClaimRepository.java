package dev.x12gw.store;

import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.ClaimRepository;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.SubmittedClaim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ClaimRepository} in memory, for offline analysis: the same matching behaviour as the H2
 * store (latest claim wins; payments wait for their claim), without keeping payments that matched:
 * only what matching needs is held.
 */
public final class InMemoryClaimRepository implements ClaimRepository {
  private record Key(String patientControlNumber, String payerKey) {}

  private record WaitingPayment(long id, Set<String> payerKeys) {}

  private final Map<Key, StoredClaim> claims = new HashMap<>();
  private final Map<String, List<WaitingPayment>> unmatched = new HashMap<>();
  private long nextId = 1;

  @Override
  public long saveClaim(SubmittedClaim claim) {
    long id = nextId++;
    claims.put(
        new Key(claim.patientControlNumber(), RemittanceHeader.payerKey(claim.payer().id())),
        new StoredClaim(id, claim));
    return id;
  }

  @Override
  public Optional<StoredClaim> findClaim(String patientControlNumber, Set<String> payerKeys) {
    StoredClaim best = null;
    for (String key : payerKeys) {
      StoredClaim c = claims.get(new Key(patientControlNumber, key));
      if (c != null && (best == null || c.id() > best.id())) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public long savePayment(RemittanceHeader remit, ClaimPayment payment, Optional<Long> claimId) {
    long id = nextId++;
    if (claimId.isEmpty()) {
      unmatched
          .computeIfAbsent(payment.patientControlNumber(), k -> new ArrayList<>(1))
          .add(new WaitingPayment(id, remit.payerKeys()));
    }
    return id;
  }

  @Override
  public List<Long> findUnmatchedPayments(String patientControlNumber, String payerKey) {
    List<WaitingPayment> waiting = unmatched.getOrDefault(patientControlNumber, List.of());
    return waiting.stream()
        .filter(w -> w.payerKeys().contains(payerKey))
        .map(WaitingPayment::id)
        .toList();
  }

  @Override
  public void linkPayment(long paymentId, long claimId) {
    unmatched.values().forEach(list -> list.removeIf(w -> w.id() == paymentId));
    unmatched.values().removeIf(List::isEmpty);
  }

  /** Claims held (for tests and statistics). */
  public int claimCount() {
    return claims.size();
  }
}
