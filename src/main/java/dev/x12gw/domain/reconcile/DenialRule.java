package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.ClaimDenial;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.LineDenial;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.Remittances;
import java.util.ArrayList;
import java.util.List;

/**
 * 835 loops 2100 CLP and 2110 SVC: the claim denial, else the line denials, of an adjudicated
 * payment, as {@link DenialDetector} decides them. A zero-paid split claim (MA15) whose other part
 * was paid gives line denials, not a claim denial.
 */
public final class DenialRule implements PaymentRule<Finding> {
  private final DenialDetector detector = new DenialDetector();

  /** A {@link ClaimDenial}, else {@link LineDenial}s; empty for a reversal or predetermination. */
  @Override
  public List<Finding> findings(MatchedCase c, MatchedPayment p) {
    if (!p.adjudicated()) {
      return List.of();
    }
    SubmittedClaim claim = p.claim();
    ClaimPayment pay = p.payment();
    Detection d = detector.claimDenial(pay);
    if (d != null && !(Remittances.isSplit(pay) && splitSiblingPaid(c, p))) {
      return List.of(
          new ClaimDenial(
              RecordKeys.id(RecordType.CLAIM_DENIAL, p, null, RecordKeys.claimRef(claim)),
              RecordKeys.key(RecordType.CLAIM_DENIAL, p, null),
              p.remittance(),
              pay,
              claim,
              d));
    }
    List<Finding> out = new ArrayList<>();
    for (LineMatch m : p.lines()) {
      Detection ld = detector.lineDenial(pay, m.paid());
      if (ld == null) {
        continue;
      }
      out.add(
          new LineDenial(
              RecordKeys.id(
                  RecordType.LINE_DENIAL, p, m, RecordKeys.claimRef(claim), m.method().name()),
              RecordKeys.key(RecordType.LINE_DENIAL, p, m),
              p.remittance(),
              pay,
              claim,
              m,
              ld));
    }
    return out;
  }

  /** True when another part of the same split claim (MA15) was paid. */
  static boolean splitSiblingPaid(MatchedCase c, MatchedPayment p) {
    for (MatchedPayment o : c.payments()) {
      if (o.index() != p.index()
          && !o.isReversal()
          && Remittances.isSplit(o.payment())
          && o.payment().paidAmount().signum() > 0
          && o.payment().patientControlNumber().equals(p.payment().patientControlNumber())
          && Remittances.samePayer(o.remittance(), p.remittance())
          && o.claim() == p.claim()) {
        return true;
      }
    }
    return false;
  }
}
