package dev.x12gw.store;

import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.ClaimRepository;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.RemittanceTrailer;
import dev.x12gw.domain.SubmittedClaim;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ClaimRepository} in memory, for offline analysis: the same matching behaviour as the H2
 * store (latest claim wins; payments wait for their claim). Changes made since {@link #begin()} can
 * be undone with {@link #rollback()}, as a savepoint would. Once no more claims can arrive ({@link
 * #stopWaitingForClaims()}), unmatched payments are no longer kept: memory then does not grow with
 * the remittances read.
 */
public final class InMemoryClaimRepository implements ClaimRepository {
  private record Key(String patientControlNumber, String payerKey) {}

  private record WaitingPayment(long id, Set<String> payerKeys) {}

  private final Map<Key, StoredClaim> claims = new HashMap<>();
  private final Map<String, List<WaitingPayment>> unmatched = new HashMap<>();
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private boolean journaling;
  private boolean waitForClaims = true;
  private long nextId = 1;

  /** Starts recording changes so they can be rolled back. */
  public void begin() {
    undo.clear();
    journaling = true;
  }

  /** Keeps the changes since {@link #begin()}. */
  public void commit() {
    undo.clear();
    journaling = false;
  }

  /** Undoes the changes since {@link #begin()}. */
  public void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    journaling = false;
  }

  /** No claim will be added any more: payments that find none are not kept waiting. */
  public void stopWaitingForClaims() {
    waitForClaims = false;
    unmatched.clear();
  }

  private void record(Runnable undoAction) {
    if (journaling) {
      undo.push(undoAction);
    }
  }

  @Override
  public long saveClaim(SubmittedClaim claim) {
    long id = nextId++;
    Key key = new Key(claim.patientControlNumber(), RemittanceHeader.payerKey(claim.payer().id()));
    StoredClaim previous = claims.put(key, new StoredClaim(id, claim));
    record(
        () -> {
          if (previous == null) {
            claims.remove(key);
          } else {
            claims.put(key, previous);
          }
        });
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
    if (claimId.isEmpty() && waitForClaims) {
      List<WaitingPayment> list =
          unmatched.computeIfAbsent(payment.patientControlNumber(), k -> new ArrayList<>(1));
      WaitingPayment w = new WaitingPayment(id, remit.payerKeys());
      list.add(w);
      record(() -> list.remove(w));
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
    for (Map.Entry<String, List<WaitingPayment>> e : unmatched.entrySet()) {
      List<WaitingPayment> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        WaitingPayment w = list.get(i);
        if (w.id() == paymentId) {
          list.remove(i);
          int at = i;
          record(() -> list.add(at, w));
          return;
        }
      }
    }
  }

  /** PLB and summaries are not needed for matching in memory: nothing is kept. */
  @Override
  public void saveRemittanceTrailer(RemittanceTrailer trailer) {}

  /** Claims held (for tests and statistics). */
  public int claimCount() {
    return claims.size();
  }
}
