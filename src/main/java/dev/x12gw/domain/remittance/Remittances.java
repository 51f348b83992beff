package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.Party;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 835 loop 2100 CLP and its header: what a claim payment's codes say (reversal, split,
 * predetermination), when it was adjudicated, and who paid it.
 */
public final class Remittances {
  private static final String SPLIT_REMARK = "MA15";

  private Remittances() {}

  /** CLP02 = 22: reversal of a previous payment. */
  public static boolean isReversal(ClaimPayment p) {
    return "22".equals(p.statusCode());
  }

  /** CLP02 = 25: predetermination pricing only, nothing adjudicated. */
  public static boolean isPredetermination(ClaimPayment p) {
    return "25".equals(p.statusCode());
  }

  /** MIA/MOA remark MA15: the payer split the claim into several CLPs. */
  public static boolean isSplit(ClaimPayment p) {
    return p.remarkCodes().contains(SPLIT_REMARK)
        || (p.outpatientAdjudication() != null
            && p.outpatientAdjudication().remarkCodes().contains(SPLIT_REMARK))
        || (p.inpatientAdjudication() != null
            && p.inpatientAdjudication().remarkCodes().contains(SPLIT_REMARK));
  }

  /** True when two remittances share a payer identifier (loop 1000A N1*PR / REF*2U). */
  public static boolean samePayer(RemittanceHeader a, RemittanceHeader b) {
    for (String k : a.payerKeys()) {
      if (b.payerKeys().contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** The date of adjudication: BPR16, else the production date (DTM*405). */
  public static LocalDate adjudicationDate(RemittanceHeader r) {
    return r.paymentDate() != null ? r.paymentDate() : r.productionDate();
  }

  /** The adjudication date in words. */
  public static String dateOrUnknown(RemittanceHeader r) {
    LocalDate d = adjudicationDate(r);
    return d == null ? "(no payment date)" : d.toString();
  }

  /**
   * Patient responsibility of a line: its PR adjustments, plus claim-level PR on a one-line claim.
   */
  public static BigDecimal patientShare(ClaimPayment p, ServicePayment line, int lineCount) {
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

  /** A payer in words: its id and name. */
  public static String describe(Party payer) {
    if (payer.id().isEmpty()) {
      return payer.name().isEmpty() ? "(unidentified)" : payer.name();
    }
    return payer.id() + (payer.name().isEmpty() ? "" : " (" + payer.name() + ")");
  }
}
