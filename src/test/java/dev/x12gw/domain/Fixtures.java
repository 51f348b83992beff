package dev.x12gw.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Small domain values for tests. */
public final class Fixtures {
  private Fixtures() {}

  public static BigDecimal amount(String s) {
    return new BigDecimal(s);
  }

  public static SubmittedClaim claim(String pcn, String payerId) {
    return SubmittedClaim.basic(
        "837P",
        pcn,
        amount("250.00"),
        new Party(payerId, "PAYER " + payerId),
        new Provider("1234567893", "GOOD HEALTH CLINIC"),
        "11",
        "1",
        null,
        null,
        null,
        List.of(
            SubmittedLine.basic(
                1,
                "L1",
                new Procedure("HC", "99213", List.of()),
                amount("250.00"),
                BigDecimal.ONE,
                LocalDate.of(2026, 10, 15))),
        new SourceRef("claims.837", "000000101", "101", "0001"));
  }

  public static RemittanceHeader remit(String payerId, String trace) {
    return new RemittanceHeader(
        trace,
        LocalDate.of(2026, 11, 20),
        amount("0"),
        new Party(payerId, "PAYER " + payerId),
        Set.of(payerId),
        new Provider("1234567893", "GOOD HEALTH CLINIC"),
        new SourceRef("remit.835", "000000201", "201", "0001"),
        "I",
        "C",
        "ACH",
        null,
        java.util.Map.of(),
        "XX",
        "1234567893",
        java.util.Map.of());
  }

  public static ClaimPayment payment(
      String pcn, String status, String billed, String paid, Adjustment... adjustments) {
    return payment(pcn, status, billed, paid, List.of(adjustments));
  }

  public static ClaimPayment payment(
      String pcn, String status, String billed, String paid, List<Adjustment> adjustments) {
    return new ClaimPayment(
        pcn,
        status,
        amount(billed),
        amount(paid),
        null,
        "12",
        "CCN-" + pcn,
        "11",
        "1",
        null,
        null,
        adjustments,
        List.of(),
        List.of(),
        1,
        "",
        "",
        null,
        null,
        List.of(),
        null,
        null,
        null,
        java.util.Map.of(),
        java.util.Map.of(),
        java.util.Map.of());
  }

  public static Adjustment claimAdj(String group, String reason, String amount) {
    return new Adjustment(AdjustmentLevel.CLAIM, group, reason, amount(amount), null);
  }
}
