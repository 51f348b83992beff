package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.BalancingException;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.port.ClaimRepository;
import dev.x12gw.domain.port.FindingSink;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import dev.x12gw.domain.remittance.Remittances;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Takes in 837 claims and 835 remittances in any order: stores each in its case, recomputes the
 * case with the {@link CaseReconciler}, and hands the findings that are new or changed to the sink.
 * A finding already published with the same facts is not handed again; one whose facts changed (the
 * claim arrived, a correction followed a reversal) is handed with the record it supersedes; one
 * that no longer holds is withdrawn. One instance per unit of work (a file in the gateway).
 */
public final class Reconciler {
  private final ClaimRepository repository;
  private final CaseReconciler cases;
  private final FindingSink sink;
  private RemittanceHeader lastRemittance;
  private boolean lastDuplicate;

  /**
   * How many claim payments a reversal's case waits for its correction before it is reconciled
   * anyway (at the latest at the end of the transaction set). Payers send the correction right
   * after the reversal or group reversals before corrections; the window bounds what is held.
   */
  public static final int REVERSAL_WINDOW = 1_000;

  /** Cases whose last payment was a reversal, with the payment count when it arrived. */
  private final Map<Long, Long> pending = new java.util.LinkedHashMap<>();

  private long paymentCount;

  public Reconciler(ClaimRepository repository, ReconciliationPolicy policy, FindingSink sink) {
    this.repository = Objects.requireNonNull(repository);
    this.cases = new CaseReconciler(policy);
    this.sink = Objects.requireNonNull(sink);
  }

  /**
   * Stores a submitted claim and reconciles its case.
   *
   * @return how many stored payments answer this claim's CLM01
   */
  public int acceptClaim(SubmittedClaim claim) {
    ClaimRepository.Placement at = repository.saveClaim(claim);
    CaseFile file =
        at.alone()
            ? new CaseFile(
                at.caseId(), List.of(new CaseClaim(at.itemId(), claim)), List.of(), List.of())
            : repository.loadCase(at.caseId());
    apply(file, at.alone());
    int answered = 0;
    for (CasePayment p : file.payments()) {
      if (p.payment().patientControlNumber().equals(claim.patientControlNumber())) {
        answered++;
      }
    }
    return answered;
  }

  /** Stores a claim payment (unless its remittance is a re-sent one) and reconciles its case. */
  public PaymentResult acceptPayment(RemittanceHeader remittance, ClaimPayment payment) {
    if (isDuplicate(remittance)) {
      return PaymentResult.DUPLICATE;
    }
    ClaimRepository.Placement at = repository.savePayment(remittance, payment);
    paymentCount++;
    reconcileOverdueReversals();
    if (Remittances.isReversal(payment)) {
      // the correction usually follows: reconcile the reversal and its correction together
      pending.remove(at.caseId());
      pending.put(at.caseId(), paymentCount);
      return at.alone() ? PaymentResult.UNMATCHED : matchedLater(at.caseId(), payment);
    }
    pending.remove(at.caseId());
    CaseFile file =
        at.alone()
            ? new CaseFile(
                at.caseId(),
                List.of(),
                List.of(new CasePayment(at.itemId(), remittance, payment)),
                List.of())
            : repository.loadCase(at.caseId());
    apply(file, at.alone());
    for (CaseClaim c : file.claims()) {
      if (c.claim().patientControlNumber().equals(payment.patientControlNumber())) {
        return PaymentResult.MATCHED;
      }
    }
    return PaymentResult.UNMATCHED;
  }

  /**
   * Stores the transaction-level data of an 835 (provider summaries, PLB), reconciles the cases its
   * PLB adjustments reference, and checks the transaction balances (ΣCLP04 − ΣPLB = BPR02).
   *
   * @return false when the remittance is a re-sent one (nothing stored)
   */
  public boolean acceptRemittanceTrailer(RemittanceTrailer trailer) {
    if (isDuplicate(trailer.remittance())) {
      return false;
    }
    for (long caseId : repository.saveRemittanceTrailer(trailer)) {
      apply(repository.loadCase(caseId), false);
    }
    BalancingException imbalance = BalanceRule.transactionImbalance(trailer);
    if (imbalance != null) {
      sink.accept(0, imbalance, null);
      repository.saveFindings(0, List.of(imbalance), List.of());
    }
    return true;
  }

  /**
   * End of a transaction set: reconciles the cases whose last payment was a reversal, now that the
   * correction that follows it in the same 835 (if any) is stored too.
   */
  public void endTransaction() {
    for (long caseId : List.copyOf(pending.keySet())) {
      reconcilePending(caseId);
    }
    pending.clear();
  }

  private void reconcileOverdueReversals() {
    var it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Long> e = it.next();
      if (paymentCount - e.getValue() < REVERSAL_WINDOW) {
        return; // in arrival order: the rest are younger
      }
      it.remove();
      reconcilePending(e.getKey());
    }
  }

  private void reconcilePending(long caseId) {
    CaseFile file = repository.loadCase(caseId);
    if (!file.claims().isEmpty() || !file.payments().isEmpty()) {
      apply(file, false); // else merged into another case, reconciled with it
    }
  }

  /** A transaction set was rolled back: nothing of it is left to reconcile. */
  public void discardTransaction() {
    pending.clear();
  }

  private PaymentResult matchedLater(long caseId, ClaimPayment payment) {
    for (CaseClaim c : repository.loadCase(caseId).claims()) {
      if (c.claim().patientControlNumber().equals(payment.patientControlNumber())) {
        return PaymentResult.MATCHED;
      }
    }
    return PaymentResult.UNMATCHED;
  }

  private boolean isDuplicate(RemittanceHeader remittance) {
    if (remittance != lastRemittance) {
      lastRemittance = remittance;
      lastDuplicate = repository.isDuplicate(remittance);
    }
    return lastDuplicate;
  }

  private void apply(CaseFile file, boolean fresh) {
    CaseOutcome outcome = cases.reconcile(file);
    Map<String, ClaimRepository.Published> current =
        fresh ? Map.of() : repository.currentFindings(file.caseId());
    List<Finding> added = new ArrayList<>();
    Set<String> produced = new HashSet<>();
    for (Finding f : outcome.findings()) {
      if (!produced.add(f.findingKey())) {
        continue; // the same claim payment twice in one case: one finding
      }
      ClaimRepository.Published was = current.get(f.findingKey());
      if (was != null && f.recordId().equals(was.recordId())) {
        continue;
      }
      added.add(f);
      sink.accept(file.caseId(), f, was == null ? null : was.recordId());
    }
    List<String> withdrawn = new ArrayList<>();
    for (Map.Entry<String, ClaimRepository.Published> e : current.entrySet()) {
      if (!produced.contains(e.getKey())) {
        withdrawn.add(e.getKey());
        sink.withdraw(Withdrawal.of(e.getValue(), file));
      }
    }
    if (!added.isEmpty() || !withdrawn.isEmpty()) {
      repository.saveFindings(file.caseId(), added, withdrawn);
    }
    ClaimLifecycle lifecycle = outcome.lifecycle();
    FirstPass first = lifecycle.firstPass();
    if (first != null) {
      lifecycle = lifecycle.withServiceLine(sink.serviceLineOf(first.claim(), first.payment()));
    }
    repository.saveLifecycle(file.caseId(), lifecycle);
  }
}
