package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.Adjustment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 835 balancing at the three levels of 005010X221A1 (amounts exact, no tolerance):
 *
 * <ul>
 *   <li>line: SVC02 − ΣCAS(line) = SVC03;
 *   <li>claim: CLP03 − Σ(claim CAS + line CAS) = CLP04;
 *   <li>transaction: ΣCLP04 − ΣPLB = BPR02 (a positive PLB amount reduces the payment; BPR02 is the
 *       payment, so a debit (BPR03 = D) is compared as a negative amount).
 * </ul>
 *
 * AMT and QTY are informational and never part of balancing.
 */
public final class Balancing {
  private Balancing() {}

  /** Line and claim equations of one claim payment that do not hold. */
  public static List<BalanceCheck> check(ClaimPayment p) {
    List<BalanceCheck> failed = new ArrayList<>(1);
    BigDecimal allAdjustments = sum(p.adjustments());
    int ordinal = 0;
    for (ServicePayment line : p.lines()) {
      ordinal++;
      BigDecimal lineAdjustments = sum(line.adjustments());
      allAdjustments = allAdjustments.add(lineAdjustments);
      BigDecimal expected = line.chargeAmount().subtract(lineAdjustments);
      if (expected.compareTo(line.paidAmount()) != 0) {
        failed.add(
            new BalanceCheck(
                BalanceLevel.LINE,
                ordinal,
                expected,
                line.paidAmount(),
                "SVC02 "
                    + plain(line.chargeAmount())
                    + " − line adjustments "
                    + plain(lineAdjustments)
                    + " = "
                    + plain(expected)
                    + ", but SVC03 is "
                    + plain(line.paidAmount())));
      }
    }
    BigDecimal expected = p.billedAmount().subtract(allAdjustments);
    if (expected.compareTo(p.paidAmount()) != 0) {
      failed.add(
          new BalanceCheck(
              BalanceLevel.CLAIM,
              0,
              expected,
              p.paidAmount(),
              "CLP03 "
                  + plain(p.billedAmount())
                  + " − claim and line adjustments "
                  + plain(allAdjustments)
                  + " = "
                  + plain(expected)
                  + ", but CLP04 is "
                  + plain(p.paidAmount())));
    }
    return List.copyOf(failed);
  }

  /** The transaction equation, or null when it holds. */
  public static BalanceCheck checkTransaction(RemittanceTrailer t) {
    BigDecimal plb =
        t.adjustments().stream()
            .map(ProviderAdjustment::amount)
            .reduce(Money.ZERO, BigDecimal::add);
    BigDecimal expected = t.claimPaidTotal().subtract(plb);
    BigDecimal actual = t.remittance().paymentAmount();
    if ("D".equals(t.remittance().creditDebit())) {
      actual = actual.negate();
    }
    if (expected.compareTo(actual) == 0) {
      return null;
    }
    return new BalanceCheck(
        BalanceLevel.TRANSACTION,
        0,
        expected,
        actual,
        "ΣCLP04 "
            + plain(t.claimPaidTotal())
            + " − ΣPLB "
            + plain(plb)
            + " = "
            + plain(expected)
            + ", but BPR02 is "
            + plain(actual));
  }

  private static BigDecimal sum(List<Adjustment> adjustments) {
    BigDecimal s = Money.ZERO;
    for (Adjustment a : adjustments) {
      s = s.add(a.amount());
    }
    return s;
  }

  static String plain(BigDecimal v) {
    return Money.normalize(v).toPlainString();
  }
}
