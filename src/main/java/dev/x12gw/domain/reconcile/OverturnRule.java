package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.finding.ClaimDenial;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.LineDenial;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.Remittances;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 835 loop 2100/2110 paying what an earlier remittance denied ({@value #RULE_OVERTURNED}): walks
 * the case's adjudicated payments in order, keeping the denials not yet paid. A later payment with
 * money pays an open claim denial (all of it), else the open line denials of the lines it pays. A
 * payment cannot overturn its own denial: a payment's recoveries come before its denials.
 */
public final class OverturnRule {
  public static final String RULE_OVERTURNED = "DENIAL_PAID_LATER";

  /** Denials not paid by a later remittance: claim denials, then line denials. */
  public record OpenDenials(List<ClaimDenial> claims, List<LineDenial> lines) {
    public OpenDenials {
      claims = List.copyOf(claims);
      lines = List.copyOf(lines);
    }

    /** True when nothing denied is still open. */
    public boolean isEmpty() {
      return claims.isEmpty() && lines.isEmpty();
    }

    /** Every open denial, claims first. */
    public List<Finding> all() {
      List<Finding> all = new ArrayList<>(claims);
      all.addAll(lines);
      return List.copyOf(all);
    }
  }

  /**
   * What the walk gives.
   *
   * @param byPayment the overturns each payment gives, by its position in the case
   * @param open the denials still open after the last payment
   */
  public record Result(List<List<DenialOverturned>> byPayment, OpenDenials open) {
    public Result {
      byPayment = byPayment.stream().map(List::copyOf).toList();
      Objects.requireNonNull(open, "open");
    }

    /** The overturns payment {@code p} gives. */
    public List<DenialOverturned> of(MatchedPayment p) {
      return byPayment.get(p.index());
    }
  }

  /**
   * Overturns of every payment of {@code c}.
   *
   * @param denials the denials ({@link DenialRule}) of each payment, by its position in the case
   */
  public Result apply(MatchedCase c, List<? extends List<? extends Finding>> denials) {
    if (denials.size() != c.payments().size()) {
      throw new IllegalArgumentException("one list of denials per payment");
    }
    Map<Integer, ClaimDenial> openClaims = new LinkedHashMap<>();
    Map<String, LineDenial> openLines = new LinkedHashMap<>();
    List<List<DenialOverturned>> byPayment = new ArrayList<>();
    for (MatchedPayment p : c.payments()) {
      if (!p.adjudicated()) {
        byPayment.add(List.of());
        continue;
      }
      byPayment.add(overturns(p, openClaims, openLines));
      for (Finding f : denials.get(p.index())) {
        if (f instanceof ClaimDenial d) {
          openClaims.put(p.index(), d);
        } else if (f instanceof LineDenial d) {
          openLines.put(d.line().serviceKey(), d);
        }
      }
    }
    return new Result(
        byPayment,
        new OpenDenials(List.copyOf(openClaims.values()), List.copyOf(openLines.values())));
  }

  private static List<DenialOverturned> overturns(
      MatchedPayment p, Map<Integer, ClaimDenial> openClaims, Map<String, LineDenial> openLines) {
    List<DenialOverturned> out = new ArrayList<>();
    ClaimPayment pay = p.payment();
    if (pay.paidAmount().signum() <= 0) {
      return out;
    }
    if (!openClaims.isEmpty()) {
      ClaimDenial denied = openClaims.values().iterator().next();
      out.add(
          overturned(
              p,
              null,
              denied.recordId(),
              denied.remittance(),
              pay.paidAmount(),
              "Claim denied on "
                  + Remittances.dateOrUnknown(denied.remittance())
                  + " ("
                  + denied.detection().ruleId()
                  + ") was paid "
                  + pay.paidAmount().toPlainString()
                  + " on "
                  + Remittances.dateOrUnknown(p.remittance())
                  + "."));
      openClaims.clear();
      openLines.clear();
      return out;
    }
    for (LineMatch m : p.lines()) {
      if (m.paid().paidAmount().signum() <= 0) {
        continue;
      }
      LineDenial denied = openLines.remove(m.serviceKey());
      if (denied == null) {
        continue;
      }
      out.add(
          overturned(
              p,
              m,
              denied.recordId(),
              denied.remittance(),
              m.paid().paidAmount(),
              "Line "
                  + m.submittedProcedure()
                  + " denied on "
                  + Remittances.dateOrUnknown(denied.remittance())
                  + " was paid "
                  + m.paid().paidAmount().toPlainString()
                  + " on "
                  + Remittances.dateOrUnknown(p.remittance())
                  + "."));
    }
    return out;
  }

  private static DenialOverturned overturned(
      MatchedPayment p,
      LineMatch m,
      String deniedRecordId,
      RemittanceHeader deniedRemit,
      BigDecimal amount,
      String rationale) {
    return new DenialOverturned(
        RecordKeys.id(RecordType.DENIAL_OVERTURNED, p, m, deniedRecordId, amount.toPlainString()),
        RecordKeys.key(RecordType.DENIAL_OVERTURNED, p, m),
        p.remittance(),
        p.payment(),
        p.claim(),
        m,
        deniedRecordId,
        Remittances.adjudicationDate(deniedRemit),
        p.date(),
        amount,
        new Detection(RULE_OVERTURNED, rationale));
  }
}
