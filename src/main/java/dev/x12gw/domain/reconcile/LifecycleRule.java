package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.ClaimDenial;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.LineDenial;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.RecoupmentKind;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.Remittances;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 837 and 835 over time: derives a case's {@link ClaimLifecycle} (status, net position, events)
 * from its matched payments and what the rules found about them.
 */
public final class LifecycleRule {
  /**
   * The lifecycle of {@code c}.
   *
   * @param payments the findings of every payment, in the case's payment order
   * @param open the denials no later payment paid ({@link OverturnRule})
   * @param recoupments the case's recoupments ({@link RecoupmentRule})
   */
  public ClaimLifecycle derive(
      MatchedCase c,
      List<PaymentFindings> payments,
      OverturnRule.OpenDenials open,
      List<Recoupment> recoupments) {
    List<LifecycleEvent> events = new ArrayList<>();
    BigDecimal recovered = Money.ZERO;
    LocalDate recoveredOn = null;
    LocalDate firstDenied = null;
    boolean underpaid = false;
    FirstPass first = null;
    for (PaymentFindings f : payments) {
      MatchedPayment p = f.payment();
      ClaimPayment pay = p.payment();
      LocalDate date = p.date();
      if (p.isReversal()) {
        events.add(event(date, "REVERSED", pay.paidAmount(), p));
        continue;
      }
      if (!p.adjudicated()) {
        continue;
      }
      for (DenialOverturned o : f.overturns()) {
        recovered = recovered.add(o.recoveredAmount());
        recoveredOn = date;
        events.add(event(date, "RECOVERED", o.recoveredAmount(), p));
      }
      boolean deniedHere = !f.denials().isEmpty();
      if (deniedHere && firstDenied == null) {
        firstDenied = date;
      }
      boolean lowHere = !f.underpayments().isEmpty();
      underpaid |= lowHere;
      String outcome = f.claimDenied() ? "DENIED" : deniedHere ? "PARTIALLY_DENIED" : "PAID";
      if (lowHere && !deniedHere) {
        outcome = "UNDERPAID";
      }
      events.add(event(date, outcome, pay.paidAmount(), p));
      if (first == null) {
        first = firstPass(c, f, outcome);
      }
    }
    BigDecimal recouped = Money.ZERO;
    for (Recoupment r : recoupments) {
      recouped = recouped.add(r.amount());
      LocalDate date = Remittances.adjudicationDate(r.remittance());
      String ref =
          r.kind() == RecoupmentKind.REVERSAL && r.payment().payerClaimControlNumber() != null
              ? r.payment().payerClaimControlNumber()
              : r.remittance().traceNumber();
      events.add(new LifecycleEvent(date, "RECOUPED", r.amount(), ref));
    }
    for (CaseClaim cc : c.claims()) {
      String f = cc.claim().frequencyCode();
      String event = "8".equals(f) ? "VOIDED" : "7".equals(f) ? "RESUBMITTED" : "SUBMITTED";
      events.add(
          new LifecycleEvent(
              cc.claim().batchDate(),
              event,
              cc.claim().totalCharge(),
              cc.claim().patientControlNumber()));
    }
    events.sort(
        Comparator.comparing(
            LifecycleEvent::date, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<MatchedPayment> all = c.payments();
    SubmittedClaim current = c.latestClaim();
    BigDecimal billed =
        current != null
            ? current.totalCharge()
            : all.stream()
                .filter(p -> !p.isReversal())
                .map(p -> p.payment().billedAmount())
                .max(Comparator.naturalOrder())
                .orElse(Money.ZERO);
    BigDecimal paid = Money.ZERO;
    BigDecimal patient = Money.ZERO;
    for (MatchedPayment p : all) {
      paid = paid.add(p.payment().paidAmount());
      if (!p.isReversal() && !p.reversed()) {
        patient = patient.add(p.payment().effectivePatientResponsibility());
      }
    }
    BigDecimal openDenied = Money.ZERO;
    for (ClaimDenial d : open.claims()) {
      openDenied = openDenied.add(d.payment().billedAmount());
    }
    for (LineDenial d : open.lines()) {
      openDenied = openDenied.add(d.line().paid().chargeAmount());
    }
    CaseStatus status;
    LocalDate lastDenial = lastDenialDate(open);
    if (current != null && "8".equals(current.frequencyCode())) {
      status = CaseStatus.CLOSED;
    } else if (all.isEmpty()) {
      status = CaseStatus.SUBMITTED;
    } else if (current == null) {
      status = CaseStatus.UNMATCHED;
    } else if (!open.isEmpty()) {
      boolean resubmitted =
          "7".equals(current.frequencyCode())
              && current.batchDate() != null
              && lastDenial != null
              && current.batchDate().isAfter(lastDenial);
      status =
          resubmitted
              ? CaseStatus.RESUBMITTED
              : open.claims().isEmpty() ? CaseStatus.PARTIALLY_DENIED : CaseStatus.DENIED;
    } else if (all.get(all.size() - 1).isReversal()) {
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
        events,
        first);
  }

  /** The first adjudication of the case: {@code f}, whose lifecycle event is {@code outcome}. */
  private static FirstPass firstPass(MatchedCase c, PaymentFindings f, String outcome) {
    MatchedPayment p = f.payment();
    ClaimPayment pay = p.payment();
    SubmittedClaim claim = p.claim() != null ? p.claim() : c.latestClaim();
    boolean corrected = false;
    for (CaseClaim cc : c.claims()) {
      String freq = cc.claim().frequencyCode();
      LocalDate sent = cc.claim().batchDate();
      if (("7".equals(freq) || "8".equals(freq))
          && (p.date() == null || sent == null || !sent.isAfter(p.date()))) {
        corrected = true;
      }
    }
    int lines = Math.max(1, pay.lines().size());
    int deniedLines;
    BigDecimal denied;
    if (f.claimDenied()) {
      deniedLines = lines;
      denied =
          pay.billedAmount()
              .subtract(pay.paidAmount())
              .subtract(pay.effectivePatientResponsibility());
    } else {
      deniedLines = 0;
      denied = Money.ZERO;
      for (Finding d : f.denials()) {
        if (d instanceof LineDenial ld) {
          deniedLines++;
          denied =
              denied.add(ld.line().paid().chargeAmount().subtract(ld.line().paid().paidAmount()));
        }
      }
      deniedLines = Math.min(deniedLines, lines);
    }
    String npi = claim != null ? claim.billingProvider().npi() : p.remittance().payee().npi();
    return new FirstPass(
        p.date(),
        outcome,
        RemittanceHeader.payerKey(p.remittance().payer().id()),
        npi,
        pay.billedAmount(),
        denied.max(Money.ZERO),
        lines,
        deniedLines,
        corrected,
        null,
        claim,
        pay);
  }

  private static LocalDate lastDenialDate(OverturnRule.OpenDenials open) {
    LocalDate last = null;
    for (Finding f : open.all()) {
      LocalDate d = Remittances.adjudicationDate(f.remittance());
      if (d != null && (last == null || d.isAfter(last))) {
        last = d;
      }
    }
    return last;
  }

  private static LifecycleEvent event(
      LocalDate date, String event, BigDecimal amount, MatchedPayment p) {
    String ref = p.payment().payerClaimControlNumber();
    return new LifecycleEvent(
        date, event, amount, ref != null ? ref : p.remittance().traceNumber());
  }
}
