package dev.x12gw.domain;

import dev.x12gw.domain.CaseFile.CaseAdjustment;
import dev.x12gw.domain.CaseFile.CaseClaim;
import dev.x12gw.domain.CaseFile.CasePayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 835 against 837, one claim case at a time: matches every remittance of a case to the claim
 * version it answers and every paid line to its submitted line, pairs reversals with what they
 * reverse and the correction that follows, and derives the case's findings and lifecycle.
 *
 * <p>The result depends only on the case's content, never on the order files arrived in: claims are
 * put in order by creation date (BHT04) and frequency (original, replacement, void), remittances by
 * payment date (BPR16, else DTM*405), trace number and position. A remittance that arrives late is
 * simply placed where it belongs and the case recomputed.
 *
 * <p>Rules, each named in the record it produces:
 *
 * <ul>
 *   <li>{@value #RULE_CLAIM_UNMATCHED} / {@value #RULE_LINE_UNMATCHED} - no claim, or no submitted
 *       line, answers the payment or the paid line.
 *   <li>{@link DenialDetector} rules - claim and line denials. A zero-paid split claim (MA15) whose
 *       other part was paid gives line denials, not a claim denial.
 *   <li>{@value #RULE_BELOW_CONTRACT} / {@value #RULE_DOWNCODED} - paid + patient responsibility
 *       below contract × units, beyond the tolerance.
 *   <li>{@value #RULE_NSA_INITIAL_PAYMENT} - an out-of-network No Surprises Act line (no contract)
 *       whose paid + patient cost sharing is below the configured target, beyond the tolerance. A
 *       claim the payer marked with an NSA remark is measured against the target first, whatever
 *       contract or network status the configuration has for the billing provider.
 *   <li>{@value #RULE_REVERSAL} - a reversal takes back the reversed payment, net of the correction
 *       that follows; {@value #RULE_PLB} - a PLB against the claim takes money back.
 *   <li>{@value #RULE_OVERTURNED} - a later payment pays a denied claim or line.
 *   <li>{@value #RULE_UNBALANCED} - line or claim equations of the 835 do not hold.
 * </ul>
 */
public final class CaseReconciler {
  public static final String RULE_CLAIM_UNMATCHED = "REMIT_WITHOUT_CLAIM";
  public static final String RULE_LINE_UNMATCHED = "REMIT_LINE_WITHOUT_CLAIM_LINE";
  public static final String RULE_BELOW_CONTRACT = "LINE_BELOW_CONTRACT";
  public static final String RULE_DOWNCODED = "LINE_DOWNCODED_BELOW_CONTRACT";
  public static final String RULE_NSA_INITIAL_PAYMENT = "NSA_INITIAL_PAYMENT_BELOW_TARGET";
  public static final String RULE_REVERSAL = "REVERSAL_NET_OF_CORRECTION";
  public static final String RULE_PLB = "PLB_AGAINST_CLAIM";
  public static final String RULE_OVERTURNED = "DENIAL_PAID_LATER";
  public static final String RULE_UNBALANCED = "REMIT_NOT_BALANCED";

  private static final String SPLIT_REMARK = "MA15";

  private final DenialDetector detector = new DenialDetector();
  private final ReconciliationPolicy policy;

  public CaseReconciler(ReconciliationPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Order of claim versions: creation date, then original before replacement before void. */
  static final Comparator<CaseClaim> CLAIM_ORDER =
      Comparator.comparing(
              (CaseClaim c) -> c.claim().batchDate(),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(c -> frequencyRank(c.claim().frequencyCode()))
          .thenComparingLong(CaseClaim::id);

  /** Order of adjudication: payment date, trace, file position. */
  static final Comparator<CasePayment> PAYMENT_ORDER =
      Comparator.comparing(
              (CasePayment p) -> adjudicationDate(p.remittance()),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.remittance().traceNumber())
          .thenComparing(p -> p.remittance().source().interchangeControlNumber())
          .thenComparing(p -> p.remittance().source().transactionControlNumber())
          .thenComparingInt(p -> p.payment().ordinal())
          .thenComparingLong(CasePayment::id);

  /** Findings and lifecycle of a case. */
  public CaseOutcome reconcile(CaseFile file) {
    return new Run(file).run();
  }

  /** One recomputation. */
  private final class Run {
    final List<CaseClaim> claims;
    final List<CasePayment> payments;
    final List<CaseAdjustment> plb;
    final Map<CasePayment, SubmittedClaim> claimOf = new IdentityHashMap<>();
    final Map<CasePayment, List<LineMatch>> linesOf = new IdentityHashMap<>();
    final Map<CasePayment, CasePayment> reversedBy = new IdentityHashMap<>();
    final Map<CasePayment, CasePayment> originalOf = new IdentityHashMap<>();
    final Map<CasePayment, CasePayment> correctionOf = new IdentityHashMap<>();
    final List<Finding> findings = new ArrayList<>();
    final List<LifecycleEvent> events = new ArrayList<>();

    Run(CaseFile file) {
      claims = file.claims().stream().sorted(CLAIM_ORDER).toList();
      payments = file.payments().stream().sorted(PAYMENT_ORDER).toList();
      plb = file.providerAdjustments();
    }

    CaseOutcome run() {
      for (CasePayment p : payments) {
        SubmittedClaim c = claimFor(p);
        claimOf.put(p, c);
        linesOf.put(p, LineMatcher.match(p.payment(), c));
      }
      pairReversals();
      Denials open = new Denials();
      BigDecimal recovered = Money.ZERO;
      LocalDate recoveredOn = null;
      LocalDate firstDenied = null;
      boolean underpaid = false;
      for (CasePayment p : payments) {
        SubmittedClaim claim = claimOf.get(p);
        ClaimPayment pay = p.payment();
        LocalDate date = adjudicationDate(p.remittance());
        if (isReversal(pay) || "25".equals(pay.statusCode())) {
          if (isReversal(pay)) {
            events.add(event(date, "REVERSED", pay.paidAmount(), p));
          }
          unmatched(p, claim);
          balancing(p, claim);
          continue;
        }
        // a payment cannot overturn its own denial: recoveries first, then this payment's denials
        for (DenialOverturned o : overturns(p, open)) {
          findings.add(o);
          recovered = recovered.add(o.recoveredAmount());
          recoveredOn = date;
          events.add(event(date, "RECOVERED", o.recoveredAmount(), p));
        }
        int deniedBefore = findings.size();
        denials(p, claim, open);
        boolean deniedHere = findings.size() > deniedBefore;
        if (deniedHere && firstDenied == null) {
          firstDenied = date;
        }
        boolean lowHere = false;
        if (!reversedBy.containsKey(p)) {
          lowHere = underpayments(p, claim);
          underpaid |= lowHere;
        }
        String outcome =
            open.claim.containsKey(p) ? "DENIED" : deniedHere ? "PARTIALLY_DENIED" : "PAID";
        if (lowHere && !deniedHere) {
          outcome = "UNDERPAID";
        }
        events.add(event(date, outcome, pay.paidAmount(), p));
        unmatched(p, claim);
        balancing(p, claim);
      }
      BigDecimal recouped = recoupments();
      return new CaseOutcome(
          findings, lifecycle(open, firstDenied, recoveredOn, recovered, recouped, underpaid));
    }

    /** The claim version a payment answers. */
    SubmittedClaim claimFor(CasePayment p) {
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
      LocalDate paid = adjudicationDate(p.remittance());
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

    void pairReversals() {
      for (int i = 0; i < payments.size(); i++) {
        CasePayment r = payments.get(i);
        if (!isReversal(r.payment())) {
          continue;
        }
        CasePayment original = null;
        for (int j = i - 1; j >= 0; j--) {
          CasePayment o = payments.get(j);
          if (isReversal(o.payment()) || reversedBy.containsKey(o) || !reverses(r, o)) {
            continue;
          }
          if (original == null
              || (o.payment().paidAmount().compareTo(r.payment().paidAmount().negate()) == 0
                  && original.payment().paidAmount().compareTo(r.payment().paidAmount().negate())
                      != 0)) {
            original = o;
          }
        }
        if (original != null) {
          reversedBy.put(original, r);
          originalOf.put(r, original);
        }
        for (int k = i + 1; k < payments.size(); k++) {
          CasePayment c = payments.get(k);
          if (isReversal(c.payment())
              || correctionOf.containsValue(c)
              || !samePayer(r, c)
              || !corrects(r, c)) {
            continue;
          }
          correctionOf.put(r, c);
          break;
        }
      }
    }

    /** True when reversal {@code r} cancels payment {@code o}: same payer and claim numbers. */
    boolean reverses(CasePayment r, CasePayment o) {
      if (!samePayer(r, o)) {
        return false;
      }
      String rc = r.payment().payerClaimControlNumber();
      String oc = o.payment().payerClaimControlNumber();
      if (rc != null && oc != null) {
        return rc.equals(oc);
      }
      return r.payment().patientControlNumber().equals(o.payment().patientControlNumber());
    }

    /** True when {@code c} is the correction of reversal {@code r}: same CLM01 or its successor. */
    boolean corrects(CasePayment r, CasePayment c) {
      if (r.payment().patientControlNumber().equals(c.payment().patientControlNumber())) {
        return true;
      }
      SubmittedClaim claim = claimOf.get(c);
      return claim != null
          && claim.payerClaimControlNumber() != null
          && claim.payerClaimControlNumber().equals(r.payment().payerClaimControlNumber());
    }

    void unmatched(CasePayment p, SubmittedClaim claim) {
      if (claim == null) {
        add(
            new UnmatchedRemit(
                id(RecordType.UNMATCHED_REMIT, p, null, ""),
                key(RecordType.UNMATCHED_REMIT, p, null),
                p.remittance(),
                p.payment(),
                null,
                null,
                new Detection(
                    RULE_CLAIM_UNMATCHED,
                    "No 837 claim with this patient control number (CLP01) for payer "
                        + describe(p.remittance().payer())
                        + " has been received.")));
        return;
      }
      for (LineMatch m : linesOf.get(p)) {
        if (m.method() != MatchMethod.UNMATCHED) {
          continue;
        }
        add(
            new UnmatchedRemit(
                id(RecordType.UNMATCHED_REMIT, p, m, claimRef(claim)),
                key(RecordType.UNMATCHED_REMIT, p, m),
                p.remittance(),
                p.payment(),
                claim,
                m,
                new Detection(
                    RULE_LINE_UNMATCHED,
                    "Paid line "
                        + m.ordinal()
                        + " ("
                        + m.paid().procedure()
                        + (m.paid().serviceDate() == null ? "" : " on " + m.paid().serviceDate())
                        + ") answers no line of the submitted claim: no matching REF*6R, line"
                        + " number, or procedure and service date.")));
      }
    }

    void balancing(CasePayment p, SubmittedClaim claim) {
      for (BalanceCheck check : Balancing.check(p.payment())) {
        LineMatch m =
            check.level() == BalanceLevel.LINE ? linesOf.get(p).get(check.lineOrdinal() - 1) : null;
        add(
            new BalancingException(
                id(
                    RecordType.BALANCING_EXCEPTION,
                    p,
                    m,
                    check.level().name(),
                    check.expectedAmount().toPlainString(),
                    check.actualAmount().toPlainString(),
                    claimRef(claim)),
                key(RecordType.BALANCING_EXCEPTION, p, m),
                p.remittance(),
                p.payment(),
                claim,
                m,
                check,
                unbalanced(check)));
      }
    }

    void denials(CasePayment p, SubmittedClaim claim, Denials open) {
      ClaimPayment pay = p.payment();
      Detection d = detector.claimDenial(pay);
      if (d != null && !(isSplit(pay) && splitSiblingPaid(p, claim))) {
        ClaimDenial f =
            new ClaimDenial(
                id(RecordType.CLAIM_DENIAL, p, null, claimRef(claim)),
                key(RecordType.CLAIM_DENIAL, p, null),
                p.remittance(),
                pay,
                claim,
                d);
        add(f);
        open.claim.put(p, f);
        return;
      }
      for (LineMatch m : linesOf.get(p)) {
        Detection ld = detector.lineDenial(pay, m.paid());
        if (ld == null) {
          continue;
        }
        LineDenial f =
            new LineDenial(
                id(RecordType.LINE_DENIAL, p, m, claimRef(claim), m.method().name()),
                key(RecordType.LINE_DENIAL, p, m),
                p.remittance(),
                pay,
                claim,
                m,
                ld);
        add(f);
        open.lines.put(m.serviceKey(), f);
      }
    }

    List<DenialOverturned> overturns(CasePayment p, Denials open) {
      List<DenialOverturned> out = new ArrayList<>();
      ClaimPayment pay = p.payment();
      if (pay.paidAmount().signum() <= 0) {
        return out;
      }
      SubmittedClaim claim = claimOf.get(p);
      if (!open.claim.isEmpty()) {
        ClaimDenial denied = open.claim.values().iterator().next();
        out.add(
            overturned(
                p,
                claim,
                null,
                denied.recordId(),
                denied.remittance(),
                pay.paidAmount(),
                "Claim denied on "
                    + dateOrUnknown(denied.remittance())
                    + " ("
                    + denied.detection().ruleId()
                    + ") was paid "
                    + pay.paidAmount().toPlainString()
                    + " on "
                    + dateOrUnknown(p.remittance())
                    + "."));
        open.claim.clear();
        open.lines.clear();
        return out;
      }
      for (LineMatch m : linesOf.get(p)) {
        if (m.paid().paidAmount().signum() <= 0) {
          continue;
        }
        LineDenial denied = open.lines.remove(m.serviceKey());
        if (denied == null) {
          continue;
        }
        out.add(
            overturned(
                p,
                claim,
                m,
                denied.recordId(),
                denied.remittance(),
                m.paid().paidAmount(),
                "Line "
                    + m.submittedProcedure()
                    + " denied on "
                    + dateOrUnknown(denied.remittance())
                    + " was paid "
                    + m.paid().paidAmount().toPlainString()
                    + " on "
                    + dateOrUnknown(p.remittance())
                    + "."));
      }
      return out;
    }

    DenialOverturned overturned(
        CasePayment p,
        SubmittedClaim claim,
        LineMatch m,
        String deniedRecordId,
        RemittanceHeader deniedRemit,
        BigDecimal amount,
        String rationale) {
      return new DenialOverturned(
          id(RecordType.DENIAL_OVERTURNED, p, m, deniedRecordId, amount.toPlainString()),
          key(RecordType.DENIAL_OVERTURNED, p, m),
          p.remittance(),
          p.payment(),
          claim,
          m,
          deniedRecordId,
          adjudicationDate(deniedRemit),
          adjudicationDate(p.remittance()),
          amount,
          new Detection(RULE_OVERTURNED, rationale));
    }

    /** Underpayment findings of a payment in force; true when any was found. */
    boolean underpayments(CasePayment p, SubmittedClaim claim) {
      NsaPolicy nsaPolicy = policy.nsa();
      if (policy.contracts().isEmpty() && !nsaPolicy.enabled()) {
        return false;
      }
      ClaimPayment pay = p.payment();
      NsaAssessment nsa = null;
      if (nsaPolicy.enabled() && !nsaPolicy.isFinalPayment(pay)) {
        NsaAssessment a = nsaPolicy.assess(p.remittance(), pay, claim, policy.contracts());
        if (a.eligible() && a.network() == Network.OUT_OF_NETWORK) {
          nsa = a;
        }
      }
      // the payer's own NSA remark decides: its initial payment is measured against the NSA
      // target first, whatever contract or network rule the configuration has for the provider
      boolean payerMarked = nsa != null && nsa.payerMarked();
      boolean found = false;
      List<LineMatch> lines = linesOf.get(p);
      for (LineMatch m : lines) {
        ServicePayment line = m.paid();
        if (detector.lineDenial(pay, line) != null || Money.isZero(line.chargeAmount())) {
          continue;
        }
        BigDecimal units = m.billedUnits();
        LocalDate date = line.serviceDate() != null ? line.serviceDate() : pay.serviceDate();
        BigDecimal actual = line.paidAmount().add(patientShare(pay, line, lines.size()));
        if (payerMarked && nsaInitialPayment(p, claim, m, nsa, units, actual, date)) {
          found = true;
          continue;
        }
        Procedure submitted = line.submittedProcedure();
        UnderpaymentKind kind = null;
        Optional<ContractRate> rate = Optional.empty();
        if (submitted != null && !submitted.code().equalsIgnoreCase(line.procedure().code())) {
          rate = find(p, claim, submitted, date);
          if (rate.isPresent()) {
            kind = UnderpaymentKind.DOWNCODED;
          }
        }
        if (kind == null) {
          rate = find(p, claim, line.procedure(), date);
          kind = UnderpaymentKind.BELOW_CONTRACT;
        }
        if (rate.isEmpty()) {
          if (nsa != null && !payerMarked) {
            found |= nsaInitialPayment(p, claim, m, nsa, units, actual, date);
          }
          continue;
        }
        BigDecimal expected = Money.normalize(rate.get().allowedAmount().multiply(units));
        BigDecimal variance = expected.subtract(actual);
        if (variance.signum() <= 0 || !policy.tolerance().exceeded(variance, expected)) {
          continue;
        }
        String rationale =
            kind == UnderpaymentKind.DOWNCODED
                ? "Submitted "
                    + submitted
                    + ", paid as "
                    + line.procedure()
                    + ": "
                    + actual.toPlainString()
                    + " (paid + patient responsibility) against "
                    + expected.toPlainString()
                    + " contracted for "
                    + submitted.code()
                    + " ("
                    + rate.get().allowedAmount().toPlainString()
                    + " × "
                    + units.stripTrailingZeros().toPlainString()
                    + ", "
                    + rate.get().source()
                    + ")."
                : "Line "
                    + line.procedure()
                    + " allowed "
                    + actual.toPlainString()
                    + " (paid + patient responsibility) against "
                    + expected.toPlainString()
                    + " contracted ("
                    + rate.get().allowedAmount().toPlainString()
                    + " × "
                    + units.stripTrailingZeros().toPlainString()
                    + ", "
                    + rate.get().source()
                    + ").";
        add(
            new Underpayment(
                id(
                    RecordType.UNDERPAYMENT,
                    p,
                    m,
                    kind.name(),
                    expected.toPlainString(),
                    actual.toPlainString(),
                    rate.get().source(),
                    claimRef(claim),
                    m.method().name()),
                key(RecordType.UNDERPAYMENT, p, m),
                p.remittance(),
                pay,
                claim,
                m,
                kind,
                rate.get(),
                null,
                units,
                expected,
                actual,
                new Detection(
                    kind == UnderpaymentKind.DOWNCODED ? RULE_DOWNCODED : RULE_BELOW_CONTRACT,
                    rationale)));
        found = true;
      }
      return found;
    }

    /**
     * An out-of-network No Surprises Act line paid (with patient cost sharing) below the target;
     * true when found.
     */
    boolean nsaInitialPayment(
        CasePayment p,
        SubmittedClaim claim,
        LineMatch m,
        NsaAssessment nsa,
        BigDecimal units,
        BigDecimal actual,
        LocalDate date) {
      ServicePayment line = m.paid();
      Optional<NsaTarget> target =
          policy
              .nsa()
              .target(p.remittance(), NsaPolicy.provider(p.remittance(), claim), line, units, date);
      if (target.isEmpty()) {
        return false;
      }
      BigDecimal expected = target.get().amount();
      BigDecimal variance = expected.subtract(actual);
      if (variance.signum() <= 0 || !policy.tolerance().exceeded(variance, expected)) {
        return false;
      }
      String rationale =
          "Out of network under the No Surprises Act ("
              + String.join(", ", nsa.basis())
              + "): line "
              + line.procedure()
              + " initial payment "
              + actual.toPlainString()
              + " (paid + patient cost sharing) against "
              + expected.toPlainString()
              + " ("
              + target.get().describe()
              + ")."
              + (nsa.payerDisagrees() ? " " + nsa.disagreement() : "");
      add(
          new Underpayment(
              id(
                  RecordType.UNDERPAYMENT,
                  p,
                  m,
                  UnderpaymentKind.NSA_INITIAL_PAYMENT.name(),
                  expected.toPlainString(),
                  actual.toPlainString(),
                  target.get().describe(),
                  claimRef(claim),
                  m.method().name()),
              key(RecordType.UNDERPAYMENT, p, m),
              p.remittance(),
              p.payment(),
              claim,
              m,
              UnderpaymentKind.NSA_INITIAL_PAYMENT,
              null,
              target.get(),
              units,
              expected,
              actual,
              new Detection(RULE_NSA_INITIAL_PAYMENT, rationale)));
      return true;
    }

    Optional<ContractRate> find(
        CasePayment p, SubmittedClaim claim, Procedure procedure, LocalDate date) {
      return policy
          .contracts()
          .find(
              p.remittance().payerKeys(),
              NsaPolicy.provider(p.remittance(), claim),
              procedure.code(),
              procedure.modifiers(),
              date);
    }

    /** Units the service was billed for: the 837 line, else SVC07, else SVC05, else one. */
    /** Recoupment findings; returns the total taken back. */
    /** True when an 837 void (frequency 8) names the CLP07 a reversal takes back. */
    boolean voided(CasePayment reversal) {
      String ccn = reversal.payment().payerClaimControlNumber();
      return ccn != null
          && claims.stream()
              .anyMatch(
                  c ->
                      "8".equals(c.claim().frequencyCode())
                          && ccn.equals(c.claim().payerClaimControlNumber()));
    }

    BigDecimal recoupments() {
      BigDecimal total = Money.ZERO;
      for (CasePayment r : payments) {
        if (!isReversal(r.payment())) {
          continue;
        }
        CasePayment original = originalOf.get(r);
        CasePayment correction = correctionOf.get(r);
        BigDecimal reversedPaid = r.payment().paidAmount().negate();
        BigDecimal corrected = correction == null ? Money.ZERO : correction.payment().paidAmount();
        BigDecimal taken = Money.normalize(reversedPaid.subtract(corrected));
        if (taken.signum() <= 0) {
          continue;
        }
        total = total.add(taken);
        SubmittedClaim claim = claimOf.get(r) != null ? claimOf.get(r) : latestClaim();
        String rationale =
            "Reversal (CLP02 = 22) on "
                + dateOrUnknown(r.remittance())
                + " took back "
                + reversedPaid.toPlainString()
                + (original == null
                    ? " (the reversed payment is not in the store)"
                    : " paid on " + dateOrUnknown(original.remittance()))
                + (correction == null
                    ? "; no correction has been paid since"
                    : "; the correction on "
                        + dateOrUnknown(correction.remittance())
                        + " paid "
                        + corrected.toPlainString())
                + ": net "
                + taken.toPlainString()
                + " recouped.";
        add(
            new Recoupment(
                id(
                    RecordType.RECOUPMENT,
                    r,
                    null,
                    taken.toPlainString(),
                    correction == null
                        ? ""
                        : RecordIds.paymentIdentity(correction.remittance(), correction.payment()),
                    original == null ? "" : original.remittance().traceNumber(),
                    claimRef(claim) + (correction == null && voided(r) ? "/voided" : "")),
                key(RecordType.RECOUPMENT, r, null),
                r.remittance(),
                r.payment(),
                claim,
                RecoupmentKind.REVERSAL,
                taken,
                original == null ? null : original.payment(),
                original == null ? null : original.remittance(),
                correction == null ? null : correction.payment(),
                null,
                correction == null && voided(r),
                new Detection(RULE_REVERSAL, rationale)));
        events.add(event(adjudicationDate(r.remittance()), "RECOUPED", taken, r));
      }
      for (CaseAdjustment a : plb) {
        ProviderAdjustment adj = a.adjustment();
        if (adj.amount().signum() <= 0) {
          continue;
        }
        CasePayment referenced = referencedPayment(adj);
        SubmittedClaim claim = referenced != null ? claimOf.get(referenced) : latestClaim();
        total = total.add(adj.amount());
        String findingKey =
            RecordIds.of(
                "finding",
                RecordType.RECOUPMENT.name(),
                "PLB",
                a.remittance().payer().id(),
                a.remittance().traceNumber(),
                adj.reason(),
                adj.reference(),
                adj.amount().toPlainString(),
                String.valueOf(adj.fiscalPeriodEnd()));
        add(
            new Recoupment(
                RecordIds.of(
                    RecordType.RECOUPMENT.name(),
                    findingKey,
                    referenced == null
                        ? ""
                        : RecordIds.paymentIdentity(referenced.remittance(), referenced.payment()),
                    claimRef(claim)),
                findingKey,
                a.remittance(),
                referenced == null ? null : referenced.payment(),
                claim,
                RecoupmentKind.PROVIDER_ADJUSTMENT,
                adj.amount(),
                null,
                null,
                null,
                adj,
                false,
                new Detection(
                    RULE_PLB,
                    "PLB "
                        + adj.reason()
                        + " of "
                        + adj.amount().toPlainString()
                        + " on "
                        + dateOrUnknown(a.remittance())
                        + " references claim "
                        + adj.reference()
                        + " (PLB03-2): money taken back at provider level.")));
        events.add(
            new LifecycleEvent(
                adjudicationDate(a.remittance()),
                "RECOUPED",
                adj.amount(),
                a.remittance().traceNumber()));
      }
      return total;
    }

    CasePayment referencedPayment(ProviderAdjustment adj) {
      CasePayment found = null;
      for (CasePayment p : payments) {
        if (adj.reference().equals(p.payment().payerClaimControlNumber())
            || adj.reference().equals(p.payment().patientControlNumber())) {
          found = p;
        }
      }
      return found;
    }

    ClaimLifecycle lifecycle(
        Denials open,
        LocalDate firstDenied,
        LocalDate recoveredOn,
        BigDecimal recovered,
        BigDecimal recouped,
        boolean underpaid) {
      for (CaseClaim c : claims) {
        String f = c.claim().frequencyCode();
        String event = "8".equals(f) ? "VOIDED" : "7".equals(f) ? "RESUBMITTED" : "SUBMITTED";
        events.add(
            new LifecycleEvent(
                c.claim().batchDate(),
                event,
                c.claim().totalCharge(),
                c.claim().patientControlNumber()));
      }
      events.sort(
          Comparator.comparing(
              LifecycleEvent::date, Comparator.nullsFirst(Comparator.naturalOrder())));
      SubmittedClaim current = latestClaim();
      BigDecimal billed =
          current != null
              ? current.totalCharge()
              : payments.stream()
                  .filter(p -> !isReversal(p.payment()))
                  .map(p -> p.payment().billedAmount())
                  .max(Comparator.naturalOrder())
                  .orElse(Money.ZERO);
      BigDecimal paid = Money.ZERO;
      BigDecimal patient = Money.ZERO;
      for (CasePayment p : payments) {
        paid = paid.add(p.payment().paidAmount());
        if (!isReversal(p.payment()) && !reversedBy.containsKey(p)) {
          patient = patient.add(p.payment().effectivePatientResponsibility());
        }
      }
      BigDecimal openDenied = Money.ZERO;
      for (ClaimDenial d : open.claim.values()) {
        openDenied = openDenied.add(d.payment().billedAmount());
      }
      for (LineDenial d : open.lines.values()) {
        openDenied = openDenied.add(d.line().paid().chargeAmount());
      }
      CaseStatus status;
      LocalDate lastDenial = lastDenialDate(open);
      if (current != null && "8".equals(current.frequencyCode())) {
        status = CaseStatus.CLOSED;
      } else if (payments.isEmpty()) {
        status = CaseStatus.SUBMITTED;
      } else if (current == null) {
        status = CaseStatus.UNMATCHED;
      } else if (!open.claim.isEmpty() || !open.lines.isEmpty()) {
        boolean resubmitted =
            "7".equals(current.frequencyCode())
                && current.batchDate() != null
                && lastDenial != null
                && current.batchDate().isAfter(lastDenial);
        status =
            resubmitted
                ? CaseStatus.RESUBMITTED
                : open.claim.isEmpty() ? CaseStatus.PARTIALLY_DENIED : CaseStatus.DENIED;
      } else if (isReversal(payments.get(payments.size() - 1).payment())) {
        status = CaseStatus.REVERSED;
      } else if (underpaid) {
        status = CaseStatus.UNDERPAID;
      } else if (recovered.signum() > 0) {
        status = CaseStatus.RECOVERED;
      } else {
        status = CaseStatus.ADJUDICATED;
      }
      return new ClaimLifecycle(
          status,
          billed,
          paid,
          patient,
          recouped,
          openDenied,
          firstDenied,
          recoveredOn,
          recovered,
          events);
    }

    LocalDate lastDenialDate(Denials open) {
      LocalDate last = null;
      for (Finding f : open.all()) {
        LocalDate d = adjudicationDate(f.remittance());
        if (d != null && (last == null || d.isAfter(last))) {
          last = d;
        }
      }
      return last;
    }

    SubmittedClaim latestClaim() {
      return claims.isEmpty() ? null : claims.get(claims.size() - 1).claim();
    }

    boolean splitSiblingPaid(CasePayment p, SubmittedClaim claim) {
      for (CasePayment o : payments) {
        if (o != p
            && !isReversal(o.payment())
            && isSplit(o.payment())
            && o.payment().paidAmount().signum() > 0
            && o.payment().patientControlNumber().equals(p.payment().patientControlNumber())
            && samePayer(o, p)
            && claimOf.get(o) == claim) {
          return true;
        }
      }
      return false;
    }

    void add(Finding f) {
      findings.add(f);
    }
  }

  /** Denials not yet paid by a later remittance. */
  private static final class Denials {
    final Map<CasePayment, ClaimDenial> claim = new LinkedHashMap<>();
    final Map<String, LineDenial> lines = new LinkedHashMap<>();

    List<Finding> all() {
      List<Finding> all = new ArrayList<>(claim.values());
      all.addAll(lines.values());
      return all;
    }
  }

  /** The rule and rationale of a failed balancing equation. */
  static Detection unbalanced(BalanceCheck check) {
    String level = check.level().name();
    return new Detection(
        RULE_UNBALANCED,
        level.charAt(0)
            + level.substring(1).toLowerCase(java.util.Locale.ROOT)
            + " does not balance by "
            + check.variance().toPlainString()
            + ": "
            + check.equation()
            + ".");
  }

  /**
   * The transaction-level exception of an 835 whose ΣCLP04 − ΣPLB is not BPR02, or null when it
   * balances.
   */
  public static BalancingException transactionImbalance(RemittanceTrailer trailer) {
    BalanceCheck check = Balancing.checkTransaction(trailer);
    if (check == null) {
      return null;
    }
    RemittanceHeader r = trailer.remittance();
    String key =
        RecordIds.of(
            "finding",
            RecordType.BALANCING_EXCEPTION.name(),
            r.payer().id(),
            r.traceNumber(),
            r.paymentAmount().toPlainString(),
            String.valueOf(r.paymentDate()));
    return new BalancingException(
        RecordIds.of(
            RecordType.BALANCING_EXCEPTION.name(), key, check.expectedAmount().toPlainString()),
        key,
        r,
        null,
        null,
        null,
        check,
        unbalanced(check));
  }

  /** CLP02 = 22: reversal of a previous payment. */
  public static boolean isReversal(ClaimPayment p) {
    return "22".equals(p.statusCode());
  }

  /** MIA/MOA remark MA15: the payer split the claim into several CLPs. */
  public static boolean isSplit(ClaimPayment p) {
    return p.remarkCodes().contains(SPLIT_REMARK)
        || (p.outpatientAdjudication() != null
            && p.outpatientAdjudication().remarkCodes().contains(SPLIT_REMARK))
        || (p.inpatientAdjudication() != null
            && p.inpatientAdjudication().remarkCodes().contains(SPLIT_REMARK));
  }

  static boolean samePayer(CasePayment a, CasePayment b) {
    for (String k : a.remittance().payerKeys()) {
      if (b.remittance().payerKeys().contains(k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Patient responsibility of a line: its PR adjustments, plus claim-level PR on a one-line claim.
   */
  static BigDecimal patientShare(ClaimPayment p, ServicePayment line, int lineCount) {
    BigDecimal pr = Money.ZERO;
    for (Adjustment a : line.adjustments()) {
      if (a.isPatientResponsibility()) {
        pr = pr.add(a.amount());
      }
    }
    if (lineCount == 1) {
      for (Adjustment a : p.adjustments()) {
        if (a.isPatientResponsibility()) {
          pr = pr.add(a.amount());
        }
      }
    }
    return pr;
  }

  static LocalDate adjudicationDate(RemittanceHeader r) {
    return r.paymentDate() != null ? r.paymentDate() : r.productionDate();
  }

  static int frequencyRank(String frequency) {
    return switch (frequency) {
      case "7" -> 1;
      case "8" -> 2;
      default -> 0;
    };
  }

  static String dateOrUnknown(RemittanceHeader r) {
    LocalDate d = adjudicationDate(r);
    return d == null ? "(no payment date)" : d.toString();
  }

  static LifecycleEvent event(LocalDate date, String event, BigDecimal amount, CasePayment p) {
    String ref = p.payment().payerClaimControlNumber();
    return new LifecycleEvent(
        date, event, amount, ref != null ? ref : p.remittance().traceNumber());
  }

  /**
   * Identity of the claim a finding was matched to (part of the record id: matching later changes
   * it).
   */
  static String claimRef(SubmittedClaim c) {
    if (c == null) {
      return "";
    }
    return String.join(
        "/",
        c.source().fileName(),
        c.source().interchangeControlNumber(),
        c.source().transactionControlNumber(),
        c.patientControlNumber(),
        c.frequencyCode());
  }

  /** What a finding is about: its type, the claim payment and the line. */
  static String key(RecordType type, CasePayment p, LineMatch m) {
    return RecordIds.of(
        "finding",
        type.name(),
        RecordIds.paymentIdentity(p.remittance(), p.payment()),
        m == null ? "" : "L" + m.ordinal());
  }

  /** Record id: the finding key and the facts that, when they change, make it a new record. */
  static String id(RecordType type, CasePayment p, LineMatch m, String... facts) {
    List<String> parts = new ArrayList<>();
    parts.add(type.name());
    parts.add(key(type, p, m));
    parts.addAll(List.of(facts));
    return RecordIds.of(parts.toArray(String[]::new));
  }

  static String describe(Party payer) {
    if (payer.id().isEmpty()) {
      return payer.name().isEmpty() ? "(unidentified)" : payer.name();
    }
    return payer.id() + (payer.name().isEmpty() ? "" : " (" + payer.name() + ")");
  }
}
