package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.RecoupmentKind;
import dev.x12gw.domain.reconcile.CaseFile.CaseAdjustment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.Remittances;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 835 CLP02 = 22 and PLB: money the payer took back from the case. A reversal takes back the
 * reversed payment, net of the correction that follows ({@value #RULE_REVERSAL}); a PLB against a
 * claim of the case takes money back at provider level ({@value #RULE_PLB}). Reversals come first,
 * in adjudication order, then PLB adjustments.
 */
public final class RecoupmentRule {
  public static final String RULE_REVERSAL = "REVERSAL_NET_OF_CORRECTION";
  public static final String RULE_PLB = "PLB_AGAINST_CLAIM";

  /** Every recoupment of the case. */
  public List<Recoupment> findings(MatchedCase c) {
    List<Recoupment> out = new ArrayList<>();
    for (MatchedPayment r : c.payments()) {
      if (r.isReversal()) {
        reversal(c, r, out);
      }
    }
    for (CaseAdjustment a : c.providerAdjustments()) {
      providerAdjustment(c, a, out);
    }
    return out;
  }

  private static void reversal(MatchedCase c, MatchedPayment r, List<Recoupment> out) {
    MatchedPayment original = c.originalOf(r);
    MatchedPayment correction = c.correctionOf(r);
    BigDecimal reversedPaid = r.payment().paidAmount().negate();
    BigDecimal corrected = correction == null ? Money.ZERO : correction.payment().paidAmount();
    BigDecimal taken = Money.normalize(reversedPaid.subtract(corrected));
    if (taken.signum() <= 0) {
      return;
    }
    SubmittedClaim claim = r.claim() != null ? r.claim() : c.latestClaim();
    String rationale =
        "Reversal (CLP02 = 22) on "
            + Remittances.dateOrUnknown(r.remittance())
            + " took back "
            + reversedPaid.toPlainString()
            + (original == null
                ? " (the reversed payment is not in the store)"
                : " paid on " + Remittances.dateOrUnknown(original.remittance()))
            + (correction == null
                ? "; no correction has been paid since"
                : "; the correction on "
                    + Remittances.dateOrUnknown(correction.remittance())
                    + " paid "
                    + corrected.toPlainString())
            + ": net "
            + taken.toPlainString()
            + " recouped.";
    boolean voided = correction == null && c.voided(r);
    out.add(
        new Recoupment(
            RecordKeys.id(
                RecordType.RECOUPMENT,
                r,
                null,
                taken.toPlainString(),
                correction == null
                    ? ""
                    : RecordIds.paymentIdentity(correction.remittance(), correction.payment()),
                original == null ? "" : original.remittance().traceNumber(),
                RecordKeys.claimRef(claim) + (voided ? "/voided" : "")),
            RecordKeys.key(RecordType.RECOUPMENT, r, null),
            r.remittance(),
            r.payment(),
            claim,
            RecoupmentKind.REVERSAL,
            taken,
            original == null ? null : original.payment(),
            original == null ? null : original.remittance(),
            correction == null ? null : correction.payment(),
            null,
            voided,
            new Detection(RULE_REVERSAL, rationale)));
  }

  private static void providerAdjustment(MatchedCase c, CaseAdjustment a, List<Recoupment> out) {
    ProviderAdjustment adj = a.adjustment();
    if (adj.amount().signum() <= 0) {
      return;
    }
    MatchedPayment referenced = referencedPayment(c, adj);
    SubmittedClaim claim = referenced != null ? referenced.claim() : c.latestClaim();
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
    out.add(
        new Recoupment(
            RecordIds.of(
                RecordType.RECOUPMENT.name(),
                findingKey,
                referenced == null
                    ? ""
                    : RecordIds.paymentIdentity(referenced.remittance(), referenced.payment()),
                RecordKeys.claimRef(claim)),
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
                    + Remittances.dateOrUnknown(a.remittance())
                    + " references claim "
                    + adj.reference()
                    + " (PLB03-2): money taken back at provider level.")));
  }

  /** The last payment of the case whose CLP07 or CLP01 the PLB references (PLB03-2), or null. */
  static MatchedPayment referencedPayment(MatchedCase c, ProviderAdjustment adj) {
    MatchedPayment found = null;
    for (MatchedPayment p : c.payments()) {
      if (adj.reference().equals(p.payment().payerClaimControlNumber())
          || adj.reference().equals(p.payment().patientControlNumber())) {
        found = p;
      }
    }
    return found;
  }
}
