package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.Recoupment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 835 against 837, one claim case at a time: matches the case once ({@link CaseMatcher}), runs
 * every rule over the {@link MatchedCase} and derives the case's lifecycle.
 *
 * <p>The result depends only on the case's content, never on the order files arrived in: a
 * remittance that arrives late is simply placed where it belongs and the case recomputed.
 *
 * <p>The rules, each named in the record it produces, and the order their findings are recorded in:
 * for each payment in adjudication order, {@link OverturnRule} (a later payment pays a denied claim
 * or line), {@link DenialRule} (claim and line denials, by {@link DenialDetector}), {@link
 * UnderpaymentRule} (below contract, downcoded, and through {@link NsaPaymentRule} below the No
 * Surprises Act target), {@link UnmatchedRemitRule} (no claim or no submitted line), {@link
 * BalanceRule} (the 835's equations do not hold); then {@link RecoupmentRule} (reversals net of
 * their correction, PLB against the claim). {@link LifecycleRule} derives the lifecycle.
 */
public final class CaseReconciler {
  private static final DenialRule DENIALS = new DenialRule();
  private static final OverturnRule OVERTURNS = new OverturnRule();
  private static final UnderpaymentRule UNDERPAYMENTS = new UnderpaymentRule();
  private static final UnmatchedRemitRule UNMATCHED = new UnmatchedRemitRule();
  private static final BalanceRule BALANCE = new BalanceRule();
  private static final RecoupmentRule RECOUPMENTS = new RecoupmentRule();
  private static final LifecycleRule LIFECYCLE = new LifecycleRule();

  private final ReconciliationPolicy policy;

  public CaseReconciler(ReconciliationPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Findings and lifecycle of a case. */
  public CaseOutcome reconcile(CaseFile file) {
    MatchedCase c = CaseMatcher.match(file, policy);
    List<List<Finding>> denials = c.payments().stream().map(p -> DENIALS.findings(c, p)).toList();
    OverturnRule.Result overturns = OVERTURNS.apply(c, denials);
    List<PaymentFindings> payments = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (MatchedPayment p : c.payments()) {
      PaymentFindings f =
          new PaymentFindings(
              p,
              overturns.of(p),
              denials.get(p.index()),
              UNDERPAYMENTS.findings(c, p),
              UNMATCHED.findings(c, p),
              BALANCE.findings(c, p));
      payments.add(f);
      findings.addAll(f.all());
    }
    List<Recoupment> recoupments = RECOUPMENTS.findings(c);
    findings.addAll(recoupments);
    return new CaseOutcome(findings, LIFECYCLE.derive(c, payments, overturns.open(), recoupments));
  }
}
