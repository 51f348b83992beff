package dev.x12gw.domain;

import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.reconcile.CaseFile;
import dev.x12gw.domain.reconcile.CaseFile.CaseAdjustment;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.reconcile.CaseMatcher;
import dev.x12gw.domain.reconcile.MatchedCase;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.ServicePayment;
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
        new Provider("1234567893", "GOOD HEALTH CLINIC", "371234567"),
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
        new Provider("1234567893", "GOOD HEALTH CLINIC", "371234567"),
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
    return clp(pcn, status, "CCN-" + pcn, billed, paid, adjustments, List.of(), List.of());
  }

  public static Adjustment claimAdj(String group, String reason, String amount) {
    return new Adjustment(AdjustmentLevel.CLAIM, group, reason, amount(amount), null);
  }

  public static Adjustment lineAdj(String group, String reason, String amount) {
    return new Adjustment(AdjustmentLevel.LINE, group, reason, amount(amount), null);
  }

  /** An 835 service line on 2026-10-15. */
  public static ServicePayment svc(
      String code, String charge, String paid, String ref6r, Adjustment... adjustments) {
    return svc(new Procedure("HC", code, List.of()), null, charge, paid, ref6r, adjustments);
  }

  public static ServicePayment svc(
      Procedure procedure,
      Procedure submitted,
      String charge,
      String paid,
      String ref6r,
      Adjustment... adjustments) {
    return new ServicePayment(
        procedure,
        amount(charge),
        amount(paid),
        null,
        null,
        submitted,
        null,
        LocalDate.of(2026, 10, 15),
        ref6r,
        null,
        List.of(adjustments),
        List.of(),
        null,
        java.util.Map.of(),
        java.util.Map.of(),
        java.util.Map.of(),
        List.of());
  }

  /** A claim payment with lines; CLP07 given. */
  public static ClaimPayment paymentWithLines(
      String pcn,
      String status,
      String ccn,
      String billed,
      String paid,
      List<String> remarks,
      ServicePayment... lines) {
    return clp(pcn, status, ccn, billed, paid, List.of(), remarks, List.of(lines));
  }

  private static ClaimPayment clp(
      String pcn,
      String status,
      String ccn,
      String billed,
      String paid,
      List<Adjustment> adjustments,
      List<String> remarks,
      List<ServicePayment> lines) {
    return new ClaimPayment(
        pcn,
        status,
        amount(billed),
        amount(paid),
        null,
        "12",
        ccn,
        "11",
        "1",
        null,
        null,
        adjustments,
        remarks,
        lines,
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

  /** A remittance of payer 87726 paid on {@code date}. */
  public static RemittanceHeader remitOn(String trace, LocalDate date) {
    RemittanceHeader r = remit("87726", trace);
    return new RemittanceHeader(
        trace,
        date,
        r.paymentAmount(),
        r.payer(),
        r.payerKeys(),
        r.payee(),
        r.source(),
        r.handlingCode(),
        r.creditDebit(),
        r.paymentMethod(),
        null,
        r.payerReferences(),
        r.payeeIdQualifier(),
        r.payeeId(),
        r.payeeReferences());
  }

  /** A claim of payer 87726 with the given lines, frequency, REF*F8 and creation date. */
  public static SubmittedClaim claimWith(
      String pcn, String frequency, String f8, LocalDate created, SubmittedLine... lines) {
    SubmittedClaim b =
        SubmittedClaim.basic(
            "837P",
            pcn,
            java.util.Arrays.stream(lines)
                .map(SubmittedLine::chargeAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add),
            new Party("87726", "ACME HEALTH PLAN"),
            new Provider("1234567893", "GOOD HEALTH CLINIC", "371234567"),
            "11",
            frequency,
            f8,
            null,
            null,
            List.of(lines),
            new SourceRef("claims.837", "000000101", "101", "0001"));
    return new SubmittedClaim(
        b.transactionType(),
        b.patientControlNumber(),
        b.totalCharge(),
        b.payer(),
        b.billingProvider(),
        b.facilityCode(),
        b.frequencyCode(),
        b.payerClaimControlNumber(),
        b.priorAuthorization(),
        b.statementFrom(),
        b.lines(),
        b.source(),
        "B1",
        created,
        "CH",
        List.of(),
        java.util.Map.of(),
        "P",
        "18",
        "",
        "CI",
        "",
        java.util.Map.of(),
        java.util.Map.of(),
        java.util.Map.of(),
        List.of(),
        List.of(),
        List.of(),
        java.util.Map.of(),
        List.of());
  }

  public static SubmittedLine line(int lx, String ref6r, String code, String charge) {
    return SubmittedLine.basic(
        lx,
        ref6r,
        new Procedure("HC", code, List.of()),
        amount(charge),
        BigDecimal.ONE,
        LocalDate.of(2026, 10, 15));
  }

  /** A stored claim payment: ids only order payments that are otherwise alike. */
  public static CasePayment paid(long id, RemittanceHeader remittance, ClaimPayment payment) {
    return new CasePayment(id, remittance, payment);
  }

  /** The case of {@code claims} (ids 1, 2, ... in this order) and {@code payments}, matched. */
  public static MatchedCase matched(
      ReconciliationPolicy policy, List<SubmittedClaim> claims, CasePayment... payments) {
    return matched(policy, claims, List.of(payments), List.of());
  }

  /** The case with PLB adjustments too. */
  public static MatchedCase matched(
      ReconciliationPolicy policy,
      List<SubmittedClaim> claims,
      List<CasePayment> payments,
      List<CaseAdjustment> adjustments) {
    List<CaseClaim> cs = new java.util.ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      cs.add(new CaseClaim(i + 1, claims.get(i)));
    }
    return CaseMatcher.match(new CaseFile(1, cs, payments, adjustments), policy);
  }

  /** A contract schedule of one rate of payer 87726 for {@code code}, in force in 2026. */
  public static ContractSchedule contract(String code, String allowed) {
    return ContractSchedule.of(
        List.of(
            new ContractRate(
                "87726",
                code,
                "",
                amount(allowed),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "contract.csv:2",
                null)));
  }
}
