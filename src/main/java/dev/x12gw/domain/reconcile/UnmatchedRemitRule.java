package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.UnmatchedRemit;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.MatchMethod;
import dev.x12gw.domain.remittance.Remittances;
import java.util.ArrayList;
import java.util.List;

/**
 * 835 loop 2100 CLP / 2110 SVC that answers nothing the gateway has: no 837 claim for the payment
 * ({@value #RULE_CLAIM_UNMATCHED}), or no submitted line for a paid line ({@value
 * #RULE_LINE_UNMATCHED}).
 */
public final class UnmatchedRemitRule implements PaymentRule<UnmatchedRemit> {
  public static final String RULE_CLAIM_UNMATCHED = "REMIT_WITHOUT_CLAIM";
  public static final String RULE_LINE_UNMATCHED = "REMIT_LINE_WITHOUT_CLAIM_LINE";

  @Override
  public List<UnmatchedRemit> findings(MatchedCase c, MatchedPayment p) {
    SubmittedClaim claim = p.claim();
    if (claim == null) {
      return List.of(
          new UnmatchedRemit(
              RecordKeys.id(RecordType.UNMATCHED_REMIT, p, null, ""),
              RecordKeys.key(RecordType.UNMATCHED_REMIT, p, null),
              p.remittance(),
              p.payment(),
              null,
              null,
              new Detection(
                  RULE_CLAIM_UNMATCHED,
                  "No 837 claim with this patient control number (CLP01) for payer "
                      + Remittances.describe(p.remittance().payer())
                      + " has been received.")));
    }
    List<UnmatchedRemit> out = new ArrayList<>();
    for (LineMatch m : p.lines()) {
      if (m.method() != MatchMethod.UNMATCHED) {
        continue;
      }
      out.add(
          new UnmatchedRemit(
              RecordKeys.id(RecordType.UNMATCHED_REMIT, p, m, RecordKeys.claimRef(claim)),
              RecordKeys.key(RecordType.UNMATCHED_REMIT, p, m),
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
    return out;
  }
}
