package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.Remittances;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * 835 loop 2100 CLP to 837 loop 2300 CLM within one case: puts claims and payments in order,
 * matches every payment to the claim version it answers and every paid line to its submitted line,
 * and pairs each reversal with what it reverses and the correction that follows.
 *
 * <p>The result depends only on the case's content, never on the order files arrived in: claims are
 * put in order by creation date (BHT04) and frequency (original, replacement, void), remittances by
 * payment date (BPR16, else DTM*405), trace number and position.
 */
public final class CaseMatcher {
  private CaseMatcher() {}

  /** Order of claim versions: creation date, then original before replacement before void. */
  public static final Comparator<CaseClaim> CLAIM_ORDER =
      Comparator.comparing(
              (CaseClaim c) -> c.claim().batchDate(),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(c -> frequencyRank(c.claim().frequencyCode()))
          .thenComparingLong(CaseClaim::id);

  /** Order of adjudication: payment date, trace, file position. */
  public static final Comparator<CasePayment> PAYMENT_ORDER =
      Comparator.comparing(
              (CasePayment p) -> Remittances.adjudicationDate(p.remittance()),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.remittance().traceNumber())
          .thenComparing(p -> p.remittance().source().interchangeControlNumber())
          .thenComparing(p -> p.remittance().source().transactionControlNumber())
          .thenComparingInt(p -> p.payment().ordinal())
          .thenComparingLong(CasePayment::id);

  /** The case matched, for the rules of {@code policy}. */
  public static MatchedCase match(CaseFile file, ReconciliationPolicy policy) {
    List<CaseClaim> claims = file.claims().stream().sorted(CLAIM_ORDER).toList();
    List<CasePayment> payments = file.payments().stream().sorted(PAYMENT_ORDER).toList();
    int n = payments.size();
    SubmittedClaim[] claimOf = new SubmittedClaim[n];
    for (int i = 0; i < n; i++) {
      claimOf[i] = claimFor(claims, payments.get(i));
    }
    int[] reversedBy = none(n);
    int[] original = none(n);
    int[] correction = none(n);
    boolean[] corrects = new boolean[n];
    for (int i = 0; i < n; i++) {
      CasePayment r = payments.get(i);
      if (!Remittances.isReversal(r.payment())) {
        continue;
      }
      int found = MatchedPayment.NONE;
      for (int j = i - 1; j >= 0; j--) {
        CasePayment o = payments.get(j);
        if (Remittances.isReversal(o.payment())
            || reversedBy[j] != MatchedPayment.NONE
            || !reverses(r, o)) {
          continue;
        }
        if (found == MatchedPayment.NONE
            || (o.payment().paidAmount().compareTo(r.payment().paidAmount().negate()) == 0
                && payments
                        .get(found)
                        .payment()
                        .paidAmount()
                        .compareTo(r.payment().paidAmount().negate())
                    != 0)) {
          found = j;
        }
      }
      if (found != MatchedPayment.NONE) {
        reversedBy[found] = i;
        original[i] = found;
      }
      for (int k = i + 1; k < n; k++) {
        CasePayment c = payments.get(k);
        if (Remittances.isReversal(c.payment())
            || corrects[k]
            || !Remittances.samePayer(r.remittance(), c.remittance())
            || !corrects(r, c, claimOf[k])) {
          continue;
        }
        correction[i] = k;
        corrects[k] = true;
        break;
      }
    }
    List<MatchedPayment> matched = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CasePayment p = payments.get(i);
      matched.add(
          new MatchedPayment(
              i,
              p,
              claimOf[i],
              LineMatcher.match(p.payment(), claimOf[i]),
              reversedBy[i],
              original[i],
              correction[i]));
    }
    return new MatchedCase(claims, matched, file.providerAdjustments(), policy);
  }

  /** The claim version a payment answers, or null. */
  static SubmittedClaim claimFor(List<CaseClaim> claims, CasePayment p) {
    ClaimPayment pay = p.payment();
    List<CaseClaim> candidates =
        claims.stream()
            .filter(c -> c.claim().patientControlNumber().equals(pay.patientControlNumber()))
            .filter(
                c ->
                    p.remittance()
                        .payerKeys()
                        .contains(RemittanceHeader.payerKey(c.claim().payer().id())))
            .toList();
    if (candidates.isEmpty()) {
      return null;
    }
    // a claim that names this payment's CLP07 in REF*F8 replaces the claim the payment answered
    List<CaseClaim> notReplacing =
        candidates.stream()
            .filter(
                c ->
                    pay.payerClaimControlNumber() == null
                        || !pay.payerClaimControlNumber()
                            .equals(c.claim().payerClaimControlNumber()))
            .toList();
    List<CaseClaim> pool = notReplacing.isEmpty() ? candidates : notReplacing;
    LocalDate paid = Remittances.adjudicationDate(p.remittance());
    List<CaseClaim> before =
        pool.stream()
            .filter(
                c ->
                    paid == null
                        || c.claim().batchDate() == null
                        || !c.claim().batchDate().isAfter(paid))
            .toList();
    List<CaseClaim> chosen = before.isEmpty() ? pool : before;
    return chosen.get(chosen.size() - 1).claim();
  }

  /** True when reversal {@code r} cancels payment {@code o}: same payer and claim numbers. */
  static boolean reverses(CasePayment r, CasePayment o) {
    if (!Remittances.samePayer(r.remittance(), o.remittance())) {
      return false;
    }
    String rc = r.payment().payerClaimControlNumber();
    String oc = o.payment().payerClaimControlNumber();
    if (rc != null && oc != null) {
      return rc.equals(oc);
    }
    return r.payment().patientControlNumber().equals(o.payment().patientControlNumber());
  }

  /**
   * True when {@code c} (answering {@code claim}) is the correction of reversal {@code r}: same
   * CLM01 or its successor.
   */
  static boolean corrects(CasePayment r, CasePayment c, SubmittedClaim claim) {
    if (r.payment().patientControlNumber().equals(c.payment().patientControlNumber())) {
      return true;
    }
    return claim != null
        && claim.payerClaimControlNumber() != null
        && claim.payerClaimControlNumber().equals(r.payment().payerClaimControlNumber());
  }

  static int frequencyRank(String frequency) {
    return switch (frequency) {
      case "7" -> 1;
      case "8" -> 2;
      default -> 0;
    };
  }

  private static int[] none(int n) {
    int[] a = new int[n];
    Arrays.fill(a, MatchedPayment.NONE);
    return a;
  }
}
