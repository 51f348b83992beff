/**
 * 835 against 837, case by case: {@link dev.x12gw.domain.reconcile.Reconciler} takes claims and
 * remittances in any order through the ports; {@link dev.x12gw.domain.reconcile.CaseMatcher}
 * matches a case once into a {@link dev.x12gw.domain.reconcile.MatchedCase}; one class per rule
 * ({@code *Rule}, {@link dev.x12gw.domain.reconcile.DenialDetector}) gives its findings about it,
 * run in record order by {@link dev.x12gw.domain.reconcile.CaseReconciler}; the case file, its
 * lifecycle and the withdrawals of findings that no longer hold live here too.
 */
package dev.x12gw.domain.reconcile;
