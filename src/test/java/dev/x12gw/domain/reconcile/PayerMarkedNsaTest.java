package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.amount;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.Fixtures;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.NetworkTable;
import dev.x12gw.domain.contract.ProviderScope;
import dev.x12gw.domain.contract.Tolerance;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnderpaymentKind;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.remittance.ClaimPayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 section 3 at the reconciler: a claim payment the payer marked with its own No Surprises
 * Act remark is measured against the NSA target first, whatever contract or network the
 * configuration has for the billing provider (GOOD HEALTH CLINIC, under contract with 87726 here).
 */
class PayerMarkedNsaTest {
  private static final ContractSchedule CONTRACT =
      ContractSchedule.of(
          List.of(
              new ContractRate(
                  "87726",
                  "99213",
                  "",
                  new BigDecimal("110.00"),
                  LocalDate.of(2026, 1, 1),
                  LocalDate.of(2026, 12, 31),
                  "contract.csv:2",
                  new ProviderScope("1234567893", ""))));

  private static NsaPolicy nsa(NsaPolicy.TargetBasis basis, ContractSchedule reference) {
    return new NsaPolicy(
        true,
        Set.of("N859", "N864", "N865", "N866", "N876", "N877"),
        Set.of("N863", "N872", "N873", "N874", "N875"),
        Set.of("A0430", "A0431", "A0435", "A0436"),
        Set.of("23"),
        Set.of("0450"),
        Set.of("MB", "MC"),
        NetworkTable.empty(),
        basis,
        new BigDecimal(100),
        reference);
  }

  private static List<Finding> reconcile(NsaPolicy nsa, String paid, List<String> remarks) {
    BigDecimal adj = amount("250.00").subtract(amount(paid));
    ClaimPayment pay =
        paymentWithLines(
            "PCN1",
            "1",
            "CCN1",
            "250.00",
            paid,
            remarks,
            svc("99213", "250.00", paid, "L1", lineAdj("CO", "45", adj.toPlainString())));
    CaseFile file =
        new CaseFile(
            1,
            List.of(new CaseClaim(1, Fixtures.claim("PCN1", "87726"))),
            List.of(new CasePayment(2, remit("87726", "T1"), pay)),
            List.of());
    return new CaseReconciler(new ReconciliationPolicy(CONTRACT, Tolerance.none(), nsa))
        .reconcile(file)
        .findings();
  }

  private static Underpayment only(List<Finding> findings) {
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0)).isInstanceOf(Underpayment.class);
    return (Underpayment) findings.get(0);
  }

  @Test
  void withoutTheRemarkTheProvidersContractDecides() {
    Underpayment u =
        only(
            reconcile(
                nsa(NsaPolicy.TargetBasis.BILLED_CHARGES, ContractSchedule.empty()),
                "90.00",
                List.of()));
    assertThat(u.kind()).isEqualTo(UnderpaymentKind.BELOW_CONTRACT);
    assertThat(u.contract().source()).isEqualTo("contract.csv:2");
    assertThat(u.expectedAmount()).isEqualByComparingTo("110.00");
  }

  @Test
  void thePayersRemarkPutsTheNsaTargetBeforeTheContract() {
    Underpayment u =
        only(
            reconcile(
                nsa(NsaPolicy.TargetBasis.BILLED_CHARGES, ContractSchedule.empty()),
                "90.00",
                List.of("N864")));
    assertThat(u.kind()).isEqualTo(UnderpaymentKind.NSA_INITIAL_PAYMENT);
    assertThat(u.expectedAmount()).isEqualByComparingTo("250.00");
    assertThat(u.detection().ruleId()).isEqualTo(NsaPaymentRule.RULE_NSA_INITIAL_PAYMENT);
    assertThat(u.detection().rationale())
        .startsWith("Out of network under the No Surprises Act (RARC N864): line 99213")
        .endsWith(
            "The configuration says IN_NETWORK (contract row contract.csv:2) but the payer"
                + " processed the claim under the No Surprises Act (RARC N864): the payer's remark"
                + " decides; check the provider's network status with the payer.");
  }

  @Test
  void aPayerMarkedLinePaidAtItsTargetIsStillHeldToTheContract() {
    // QPA 80.00: the initial payment 90.00 meets the NSA target, but not the contract's 110.00
    ContractSchedule qpa =
        ContractSchedule.of(
            List.of(
                new ContractRate(
                    "87726", "99213", "", new BigDecimal("80.00"), null, null, "qpa.csv:2", null)));
    Underpayment u =
        only(reconcile(nsa(NsaPolicy.TargetBasis.REFERENCE_TABLE, qpa), "90.00", List.of("N864")));
    assertThat(u.kind()).isEqualTo(UnderpaymentKind.BELOW_CONTRACT);
    assertThat(u.expectedAmount()).isEqualByComparingTo("110.00");
  }

  @Test
  void aFinalPaymentIsNotAnInitialPaymentToDispute() {
    Underpayment u =
        only(
            reconcile(
                nsa(NsaPolicy.TargetBasis.BILLED_CHARGES, ContractSchedule.empty()),
                "90.00",
                List.of("N864", "N873")));
    assertThat(u.kind()).isEqualTo(UnderpaymentKind.BELOW_CONTRACT);
  }
}
