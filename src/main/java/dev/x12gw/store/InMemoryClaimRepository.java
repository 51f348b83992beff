package dev.x12gw.store;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.port.ClaimRepository;
import dev.x12gw.domain.reconcile.CaseFile;
import dev.x12gw.domain.reconcile.CaseFile.CaseAdjustment;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.reconcile.ClaimLifecycle;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ClaimRepository} in memory, for offline analysis: the same cases, matching and findings as
 * the H2 store. Changes made since {@link #begin()} can be undone with {@link #rollback()}, as a
 * savepoint would. Once no more claims can arrive ({@link #stopWaitingForClaims()}), a case without
 * a claim is dropped when its transaction set is committed: memory then grows with the claims read,
 * not with the remittances (a reversal in a later file then finds no earlier payment of a claim the
 * analysis never saw, and is reported as taking back the whole reversed amount).
 */
public final class InMemoryClaimRepository implements ClaimRepository {
  /** One case; lists are replaced, never changed in place, so a snapshot is a shallow copy. */
  private static final class Case {
    final long id;
    List<CaseClaim> claims = List.of();
    List<CasePayment> payments = List.of();
    List<CaseAdjustment> adjustments = List.of();
    Map<String, Published> findings = Map.of();
    ClaimLifecycle lifecycle;
    Set<String> keys = Set.of();

    Case(long id) {
      this.id = id;
    }

    Case copy() {
      Case c = new Case(id);
      c.claims = claims;
      c.payments = payments;
      c.adjustments = adjustments;
      c.findings = findings;
      c.lifecycle = lifecycle;
      c.keys = keys;
      return c;
    }
  }

  private static final Case CREATED = new Case(0);

  private final Map<String, Case> byKey = new HashMap<>();
  private final Map<Long, Case> cases = new HashMap<>();
  private final Set<String> remittances = new HashSet<>();

  // journal of the open unit of work
  private boolean journaling;
  private final Map<Long, Case> before = new LinkedHashMap<>();
  private final Map<String, Case> keysBefore = new HashMap<>();
  private final Set<String> remittancesAdded = new HashSet<>();

  private boolean waitForClaims = true;
  private java.util.function.Consumer<java.util.Collection<String>> onDrop = keys -> {};
  private long nextId = 1;

  /**
   * Cases without a claim kept within one transaction set once no claim can arrive: the latest
   * ones, enough for a reversal and its correction, while a huge transaction set does not fill
   * memory. Larger than {@link dev.x12gw.domain.reconcile.Reconciler#REVERSAL_WINDOW}, so a
   * reversal's case is reconciled before it can be dropped.
   */
  static final int CLAIMLESS_WINDOW = 2 * dev.x12gw.domain.reconcile.Reconciler.REVERSAL_WINDOW;

  private final java.util.ArrayDeque<Long> claimless = new java.util.ArrayDeque<>();

  /**
   * Tells who keeps per-finding state (payer intelligence) which findings became final because
   * their case was dropped: their finding keys.
   */
  public void onDrop(java.util.function.Consumer<java.util.Collection<String>> listener) {
    this.onDrop = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** Starts recording changes so they can be rolled back. */
  public void begin() {
    clearJournal();
    journaling = true;
  }

  /** Keeps the changes since {@link #begin()}. */
  public void commit() {
    if (!waitForClaims) {
      for (long id : before.keySet()) {
        Case c = cases.get(id);
        if (c != null && c.claims.isEmpty()) {
          cases.remove(id);
          c.keys.forEach(byKey::remove);
          onDrop.accept(c.findings.keySet());
        }
      }
    }
    clearJournal();
    journaling = false;
  }

  /** Undoes the changes since {@link #begin()}. */
  public void rollback() {
    for (Map.Entry<String, Case> e : keysBefore.entrySet()) {
      if (e.getValue() == null) {
        byKey.remove(e.getKey());
      } else {
        byKey.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<Long, Case> e : before.entrySet()) {
      if (e.getValue() == CREATED) {
        cases.remove(e.getKey());
      } else {
        cases.put(e.getKey(), e.getValue());
        // key entries point at the live object: re-point them at the restored one
        for (String k : e.getValue().keys) {
          byKey.put(k, e.getValue());
        }
      }
    }
    remittances.removeAll(remittancesAdded);
    clearJournal();
    journaling = false;
  }

  private void clearJournal() {
    claimless.clear();
    before.clear();
    keysBefore.clear();
    remittancesAdded.clear();
  }

  /**
   * No claim will be added any more: cases without a claim are not kept past their transaction set.
   */
  public void stopWaitingForClaims() {
    waitForClaims = false;
    for (Case c : List.copyOf(cases.values())) {
      if (c.claims.isEmpty()) {
        cases.remove(c.id);
        c.keys.forEach(byKey::remove);
      }
    }
  }

  private void touch(Case c) {
    if (journaling && !before.containsKey(c.id)) {
      before.put(c.id, c.copy());
    }
  }

  private void putKey(String key, Case c) {
    if (journaling && !keysBefore.containsKey(key)) {
      keysBefore.put(key, byKey.get(key));
    }
    byKey.put(key, c);
  }

  /** The case an item with these keys belongs to, creating or merging as needed. */
  private Placement join(List<String> keys) {
    TreeSet<Long> found = new TreeSet<>();
    for (String k : keys) {
      Case c = byKey.get(k);
      if (c != null) {
        found.add(c.id);
      }
    }
    Case target;
    boolean alone = found.isEmpty();
    if (alone) {
      target = new Case(nextId++);
      if (journaling) {
        before.put(target.id, CREATED);
      }
      cases.put(target.id, target);
    } else {
      target = cases.get(found.first());
      touch(target);
      for (long otherId : found.tailSet(target.id, false)) {
        Case other = cases.get(otherId);
        touch(other);
        target.claims = concat(target.claims, other.claims);
        target.payments = concat(target.payments, other.payments);
        target.adjustments = concat(target.adjustments, other.adjustments);
        Map<String, Published> f = new LinkedHashMap<>(target.findings);
        f.putAll(other.findings);
        target.findings = Map.copyOf(f);
        Set<String> k = new LinkedHashSet<>(target.keys);
        k.addAll(other.keys);
        target.keys = Set.copyOf(k);
        for (String key : other.keys) {
          putKey(key, target);
        }
        cases.remove(otherId);
      }
    }
    Set<String> k = new LinkedHashSet<>(target.keys);
    for (String key : keys) {
      if (byKey.get(key) != target) {
        putKey(key, target);
      }
      k.add(key);
    }
    target.keys = Set.copyOf(k);
    return new Placement(target.id, nextId++, alone);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<T> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static <T> List<T> plus(List<T> a, T item) {
    List<T> out = new ArrayList<>(a.size() + 1);
    out.addAll(a);
    out.add(item);
    return List.copyOf(out);
  }

  @Override
  public Placement saveClaim(SubmittedClaim claim) {
    Placement at = join(ClaimRepository.caseKeys(claim));
    Case c = cases.get(at.caseId());
    c.claims = plus(c.claims, new CaseClaim(at.itemId(), claim));
    return at;
  }

  @Override
  public boolean isDuplicate(RemittanceHeader r) {
    return !r.traceNumber().isEmpty() && remittances.contains(remittanceKey(r));
  }

  private static String remittanceKey(RemittanceHeader r) {
    return String.join(
        "|",
        r.payer().id(),
        r.traceNumber(),
        r.paymentAmount().toPlainString(),
        r.payee().npi(),
        String.valueOf(r.paymentDate()));
  }

  private void rememberRemittance(RemittanceHeader r) {
    if (r.traceNumber().isEmpty()) {
      return;
    }
    String key = remittanceKey(r);
    if (remittances.add(key) && journaling) {
      remittancesAdded.add(key);
    }
  }

  @Override
  public Placement savePayment(RemittanceHeader remit, ClaimPayment payment) {
    rememberRemittance(remit);
    Placement at = join(ClaimRepository.caseKeys(remit, payment));
    Case c = cases.get(at.caseId());
    c.payments = plus(c.payments, new CasePayment(at.itemId(), remit, payment));
    if (!waitForClaims && at.alone()) {
      claimless.add(at.caseId());
      while (claimless.size() > CLAIMLESS_WINDOW) {
        evict(claimless.poll());
      }
    }
    return at;
  }

  /** Drops a case created in this transaction set that still has no claim. */
  private void evict(long id) {
    Case c = cases.get(id);
    if (c == null || !c.claims.isEmpty()) {
      return;
    }
    cases.remove(id);
    onDrop.accept(c.findings.keySet());
    for (String key : c.keys) {
      byKey.remove(key);
      // created in this transaction set: a rollback has nothing to restore for it either
      if (keysBefore.containsKey(key) && keysBefore.get(key) == null) {
        keysBefore.remove(key);
      }
    }
    if (before.get(id) == CREATED) {
      before.remove(id);
    }
  }

  @Override
  public Set<Long> saveRemittanceTrailer(RemittanceTrailer trailer) {
    rememberRemittance(trailer.remittance());
    Set<Long> touched = new LinkedHashSet<>();
    for (ProviderAdjustment a : trailer.adjustments()) {
      List<String> keys = ClaimRepository.caseKeys(trailer.remittance(), a);
      if (keys.isEmpty()) {
        continue;
      }
      Placement at = join(keys);
      Case c = cases.get(at.caseId());
      c.adjustments = plus(c.adjustments, new CaseAdjustment(at.itemId(), trailer.remittance(), a));
      touched.add(at.caseId());
    }
    touched.removeIf(id -> !cases.containsKey(id));
    return touched;
  }

  @Override
  public CaseFile loadCase(long caseId) {
    Case c = cases.get(caseId);
    if (c == null) {
      return new CaseFile(caseId, List.of(), List.of(), List.of()); // merged away or dropped
    }
    return new CaseFile(caseId, c.claims, c.payments, c.adjustments);
  }

  @Override
  public Map<String, Published> currentFindings(long caseId) {
    Case c = cases.get(caseId);
    return c == null ? Map.of() : c.findings;
  }

  @Override
  public void saveFindings(long caseId, List<Finding> added, Collection<String> withdrawnKeys) {
    Case c = cases.get(caseId);
    if (c == null) {
      return; // transaction-level findings: the record id set of the analysis is enough
    }
    touch(c);
    Map<String, Published> f = new LinkedHashMap<>(c.findings);
    withdrawnKeys.forEach(f::remove);
    added.forEach(x -> f.put(x.findingKey(), new Published(x.recordId(), x.type())));
    c.findings = Map.copyOf(f);
  }

  @Override
  public void saveLifecycle(long caseId, ClaimLifecycle lifecycle) {
    Case c = cases.get(caseId);
    if (c != null) {
      touch(c);
      c.lifecycle = lifecycle;
    }
  }

  /** Claims held (for tests and statistics). */
  public int claimCount() {
    return cases.values().stream().mapToInt(c -> c.claims.size()).sum();
  }
}
