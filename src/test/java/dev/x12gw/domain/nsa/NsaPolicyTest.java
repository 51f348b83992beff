package dev.x12gw.domain.nsa;

import static dev.x12gw.domain.Fixtures.amount;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.Fixtures;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.contract.NetworkBasis;
import dev.x12gw.domain.contract.NetworkDecision;
import dev.x12gw.domain.contract.NetworkRow;
import dev.x12gw.domain.contract.NetworkTable;
import dev.x12gw.domain.contract.ProviderScope;
import dev.x12gw.domain.nsa.NsaPolicy.TargetBasis;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NsaPolicyTest {
  private static final RemittanceHeader REMIT = remit("87726", "T1");
  private static final LocalDate DOS = LocalDate.of(2026, 10, 15);

  /** The shipped defaults of config/application.properties. */
  private static Set<String> revenueCodes() {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 450; i <= 459; i++) {
      out.add(String.format("%04d", i));
    }
    out.add("0981");
    return out;
  }

  private static NsaPolicy policy(
      Map<String, Network> networks,
      TargetBasis basis,
      String percent,
      ContractSchedule reference) {
    return new NsaPolicy(
        true,
        Set.of("N859", "N864", "N865", "N866", "N876", "N877"),
        Set.of("N863", "N872", "N873", "N874", "N875"),
        Set.of("A0430", "A0431", "A0435", "A0436"),
        Set.of("23"),
        revenueCodes(),
        Set.of("09", "16", "AM", "CH", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC"),
        table(networks),
        basis,
        new BigDecimal(percent),
        reference);
  }

  /** Payer-wide configured statuses, as the payer table gives them. */
  private static NetworkTable table(Map<String, Network> networks) {
    List<NetworkRow> rows = new java.util.ArrayList<>();
    networks.forEach(
        (payer, n) ->
            rows.add(new NetworkRow(payer, ProviderScope.ANY, n, null, null, "payers.csv:2")));
    return NetworkTable.of(rows);
  }

  private static NsaPolicy policy() {
    return policy(Map.of(), TargetBasis.BILLED_CHARGES, "100", ContractSchedule.empty());
  }

  private static NsaPolicy policy(Map<String, Network> networks) {
    return policy(networks, TargetBasis.BILLED_CHARGES, "100", ContractSchedule.empty());
  }

  private static ContractRate rate(String payer, String code, String allowed) {
    return new ContractRate(
        payer,
        code,
        "",
        new BigDecimal(allowed),
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        "contract.csv:2",
        ProviderScope.ANY);
  }

  /** A contract with payer 87726: the provider is in network unless the payer table says not. */
  private static final ContractSchedule CONTRACT =
      ContractSchedule.of(List.of(rate("87726", "99213", "110.00")));

  private static final ContractSchedule OTHER_PAYER_CONTRACT =
      ContractSchedule.of(List.of(rate("60054", "99213", "110.00")));

  private static ClaimPayment paid(List<String> remarks, ServicePayment... lines) {
    return paymentWithLines("PCN1", "1", "CCN1", "250.00", "100.00", remarks, lines);
  }

  private static ClaimPayment paid(ServicePayment... lines) {
    return paid(List.of(), lines);
  }

  /** The payment with another CLP06 claim filing indicator. */
  private static ClaimPayment filing(ClaimPayment p, String clp06) {
    return new ClaimPayment(
        p.patientControlNumber(),
        p.statusCode(),
        p.billedAmount(),
        p.paidAmount(),
        p.patientResponsibilityAmount(),
        clp06,
        p.payerClaimControlNumber(),
        p.facilityCode(),
        p.frequencyCode(),
        p.statementFrom(),
        p.statementTo(),
        p.adjustments(),
        p.remarkCodes(),
        p.lines(),
        p.ordinal(),
        p.patientStatusCode(),
        p.drgCode(),
        p.drgWeight(),
        p.dischargeFraction(),
        p.entities(),
        p.inpatientAdjudication(),
        p.outpatientAdjudication(),
        p.receivedDate(),
        p.amounts(),
        p.quantities(),
        p.references());
  }

  /** An 837P claim of payer 87726 with place of service {@code pos} (CLM05-1) and one line. */
  private static SubmittedClaim claim(String pos, String code) {
    return SubmittedClaim.basic(
        "837P",
        "PCN1",
        amount("250.00"),
        new Party("87726", "ACME HEALTH PLAN"),
        new Provider("1234567893", "GOOD HEALTH CLINIC", "371234567"),
        pos,
        "1",
        null,
        null,
        null,
        List.of(Fixtures.line(1, "L1", code, "250.00")),
        new SourceRef("claims.837", "000000101", "101", "0001"));
  }

  /** The claim with an SBR09 claim filing indicator. */
  private static SubmittedClaim sbr09(SubmittedClaim c, String indicator) {
    return new SubmittedClaim(
        c.transactionType(),
        c.patientControlNumber(),
        c.totalCharge(),
        c.payer(),
        c.billingProvider(),
        c.facilityCode(),
        c.frequencyCode(),
        c.payerClaimControlNumber(),
        c.priorAuthorization(),
        c.statementFrom(),
        c.lines(),
        c.source(),
        c.batch(),
        c.batchDate(),
        c.batchType(),
        c.entities(),
        c.taxonomies(),
        c.payerResponsibility(),
        c.subscriberRelationship(),
        c.groupNumber(),
        indicator,
        c.patientRelationship(),
        c.claimElements(),
        c.dates(),
        c.references(),
        c.codes(),
        c.attachments(),
        c.notes(),
        c.amounts(),
        c.otherPayers());
  }

  /** An 835 service line with SVC04 revenue code and LQ*HE remarks. */
  private static ServicePayment revenueLine(
      String code, String revenueCode, String charge, List<String> remarks) {
    return new ServicePayment(
        new Procedure("HC", code, List.of()),
        amount(charge),
        amount("0"),
        revenueCode,
        null,
        null,
        null,
        DOS,
        "L1",
        null,
        List.of(),
        remarks,
        null,
        Map.of(),
        Map.of(),
        Map.of(),
        List.of());
  }

  // --- assess ----------------------------------------------------------------------------------

  @Test
  void theNsaRemarkAloneMakesTheClaimEligibleAndOverrulesAnInNetworkContract() {
    // in network (a contract exists), no claim, an office visit: only N864 speaks for the NSA,
    // and the payer's remark decides the network
    NsaAssessment a =
        policy()
            .assess(REMIT, paid(List.of("N864"), svc("99213", "250", "100", "L1")), null, CONTRACT);
    assertThat(a.eligible()).isTrue();
    assertThat(a.payerMarked()).isTrue();
    assertThat(a.basis()).containsExactly("RARC N864");
    assertThat(a.network()).isEqualTo(Network.OUT_OF_NETWORK);
    assertThat(a.networkDecision().basis()).isEqualTo(NetworkBasis.PAYER_REMARK);
    assertThat(a.networkDecision().source()).isEqualTo("RARC N864");
    assertThat(a.networkDecision().overridden())
        .isEqualTo(
            new NetworkDecision(
                Network.IN_NETWORK, NetworkBasis.CONTRACT_ROW, "contract.csv:2", null));
    assertThat(a.payerDisagrees()).isTrue();
    assertThat(a.disagreement())
        .isEqualTo(
            "The configuration says IN_NETWORK (contract row contract.csv:2) but the payer"
                + " processed the claim under the No Surprises Act (RARC N864): the payer's remark"
                + " decides; check the provider's network status with the payer.");
    assertThat(a.networkConfigured()).isFalse();
  }

  @Test
  void theNsaRemarkOnAnOutOfNetworkClaimAgreesWithTheConfiguration() {
    NsaAssessment a =
        policy(Map.of("87726", Network.OUT_OF_NETWORK))
            .assess(
                REMIT,
                paid(List.of("N866", "N877", "N866"), svc("A0431", "250", "100", "L1")),
                null,
                CONTRACT);
    assertThat(a.payerMarked()).isTrue();
    assertThat(a.payerRemarks()).containsExactly("N866", "N877");
    assertThat(a.networkDecision())
        .isEqualTo(
            new NetworkDecision(
                Network.OUT_OF_NETWORK, NetworkBasis.CONFIGURED, "payers.csv:2", null));
    assertThat(a.payerDisagrees()).isFalse();
    assertThat(a.disagreement()).isEmpty();
    assertThat(a.basis())
        .containsExactly(
            "RARC N866", "RARC N877", "AIR_AMBULANCE A0431", "OUT_OF_NETWORK (payer table)");
  }

  @Test
  void anExcludedPlanKeepsTheConfiguredNetworkEvenWithAnNsaRemark() {
    NsaAssessment a =
        policy()
            .assess(
                REMIT,
                filing(paid(List.of("N864"), svc("99213", "250", "100", "L1")), "MB"),
                null,
                CONTRACT);
    assertThat(a.eligible()).isFalse();
    assertThat(a.payerMarked()).isFalse();
    assertThat(a.networkDecision().basis()).isEqualTo(NetworkBasis.CONTRACT_ROW);
  }

  @Test
  void aRemarkThatIsNotAnNsaSignalDoesNothing() {
    NsaAssessment a =
        policy()
            .assess(REMIT, paid(List.of("N130"), svc("99213", "250", "100", "L1")), null, CONTRACT);
    assertThat(a.eligible()).isFalse();
    assertThat(a.basis()).isEmpty();
  }

  @Test
  void outOfNetworkEmergencyPlaceOfServiceOnTheClaimIsEligible() {
    NsaAssessment a =
        policy()
            .assess(
                REMIT,
                paid(svc("99283", "250", "100", "L1")),
                claim("23", "99283"),
                OTHER_PAYER_CONTRACT);
    assertThat(a.eligible()).isTrue();
    assertThat(a.network()).isEqualTo(Network.OUT_OF_NETWORK);
    assertThat(a.networkConfigured()).isFalse();
    assertThat(a.basis())
        .containsExactly(
            "EMERGENCY_PLACE_OF_SERVICE 23",
            "OUT_OF_NETWORK (no contract row for the billing provider with this payer)");
  }

  @Test
  void theSameEmergencyClaimWithAContractIsNotEligible() {
    NsaAssessment a =
        policy()
            .assess(REMIT, paid(svc("99283", "250", "100", "L1")), claim("23", "99283"), CONTRACT);
    assertThat(a.eligible()).isFalse();
    assertThat(a.network()).isEqualTo(Network.IN_NETWORK);
    assertThat(a.basis()).isEmpty();
  }

  @Test
  void anOfficeVisitOutOfNetworkIsNotEligible() {
    NsaAssessment a =
        policy()
            .assess(
                REMIT,
                paid(svc("99213", "250", "100", "L1")),
                claim("11", "99213"),
                ContractSchedule.empty());
    assertThat(a.eligible()).isFalse();
    assertThat(a.network()).isEqualTo(Network.OUT_OF_NETWORK);
    assertThat(a.basis()).isEmpty();
  }

  @Test
  void theConfiguredNetworkOverridesTheContracts() {
    ClaimPayment pay = paid(svc("99283", "250", "100", "L1"));
    SubmittedClaim er = claim("23", "99283");
    // configured IN: no contract, yet in network
    NsaAssessment in =
        policy(Map.of("87726", Network.IN_NETWORK))
            .assess(REMIT, pay, er, ContractSchedule.empty());
    assertThat(in.eligible()).isFalse();
    assertThat(in.network()).isEqualTo(Network.IN_NETWORK);
    assertThat(in.networkConfigured()).isTrue();
    assertThat(in.basis()).isEmpty();
    // configured OUT: a contract, yet out of network
    NsaAssessment out =
        policy(Map.of("87726", Network.OUT_OF_NETWORK)).assess(REMIT, pay, er, CONTRACT);
    assertThat(out.eligible()).isTrue();
    assertThat(out.network()).isEqualTo(Network.OUT_OF_NETWORK);
    assertThat(out.networkConfigured()).isTrue();
    assertThat(out.basis())
        .containsExactly("EMERGENCY_PLACE_OF_SERVICE 23", "OUT_OF_NETWORK (payer table)");
    // another payer's configuration does not apply
    NsaAssessment other =
        policy(Map.of("60054", Network.IN_NETWORK))
            .assess(REMIT, pay, er, ContractSchedule.empty());
    assertThat(other.eligible()).isTrue();
    assertThat(other.networkConfigured()).isFalse();
  }

  @Test
  void airAmbulanceOutOfNetworkIsEligible() {
    NsaAssessment a =
        policy()
            .assess(
                REMIT, paid(svc("A0431", "25000", "5000", "L1")), null, ContractSchedule.empty());
    assertThat(a.eligible()).isTrue();
    assertThat(a.basis())
        .containsExactly(
            "AIR_AMBULANCE A0431",
            "OUT_OF_NETWORK (no contract row for the billing provider with this payer)");
  }

  @Test
  void airAmbulanceInNetworkIsNotEligible() {
    NsaAssessment a =
        policy(Map.of("87726", Network.IN_NETWORK))
            .assess(
                REMIT, paid(svc("A0431", "25000", "5000", "L1")), null, ContractSchedule.empty());
    assertThat(a.eligible()).isFalse();
    assertThat(a.basis()).isEmpty();
  }

  @Test
  void anEmergencyRevenueCodeOnThe835CountsWithoutThe837() {
    NsaAssessment a =
        policy()
            .assess(
                REMIT,
                paid(revenueLine("99284", "0450", "900", List.of())),
                null,
                ContractSchedule.empty());
    assertThat(a.eligible()).isTrue();
    assertThat(a.basis())
        .containsExactly(
            "EMERGENCY_REVENUE_CODE 0450",
            "OUT_OF_NETWORK (no contract row for the billing provider with this payer)");
    // a revenue code outside 0450-0459 and 0981 is not emergency care
    NsaAssessment clinic =
        policy()
            .assess(
                REMIT,
                paid(revenueLine("99213", "0510", "900", List.of())),
                null,
                ContractSchedule.empty());
    assertThat(clinic.eligible()).isFalse();
  }

  @Test
  void anExcludedPlanIsNeverEligibleEvenWithTheNsaRemark() {
    ClaimPayment medicare =
        filing(paid(List.of("N864"), svc("A0431", "25000", "5000", "L1")), "MB");
    NsaAssessment a =
        policy().assess(REMIT, medicare, claim("23", "A0431"), ContractSchedule.empty());
    assertThat(a.eligible()).isFalse();
    assertThat(a.network()).isEqualTo(Network.OUT_OF_NETWORK);
    assertThat(a.basis()).containsExactly("EXCLUDED_PLAN claim filing indicator MB");
  }

  @Test
  void theClaimsFilingIndicatorCountsWhenClp06IsEmpty() {
    ClaimPayment pay = filing(paid(List.of("N864"), svc("99213", "250", "100", "L1")), "");
    NsaAssessment medicaid =
        policy().assess(REMIT, pay, sbr09(claim("11", "99213"), "MC"), ContractSchedule.empty());
    assertThat(medicaid.eligible()).isFalse();
    assertThat(medicaid.basis()).containsExactly("EXCLUDED_PLAN claim filing indicator MC");
    NsaAssessment commercial =
        policy().assess(REMIT, pay, sbr09(claim("11", "99213"), "CI"), ContractSchedule.empty());
    assertThat(commercial.eligible()).isTrue();
    assertThat(commercial.basis()).containsExactly("RARC N864");
  }

  @Test
  void aDisabledPolicyNeverFindsAClaimEligible() {
    ClaimPayment pay = paid(List.of("N864"), svc("A0431", "25000", "5000", "L1"));
    NsaAssessment a =
        NsaPolicy.disabled().assess(REMIT, pay, claim("23", "A0431"), ContractSchedule.empty());
    assertThat(a.eligible()).isFalse();
    assertThat(a.basis()).isEmpty();
    assertThat(a.network()).isEqualTo(Network.OUT_OF_NETWORK);
    NsaPolicy p = policy();
    NsaPolicy off =
        new NsaPolicy(
            false,
            p.signalRemarks(),
            p.finalPaymentRemarks(),
            p.airAmbulanceCodes(),
            p.emergencyPlaces(),
            p.emergencyRevenueCodes(),
            p.excludedFilingIndicators(),
            p.networks(),
            p.targetBasis(),
            p.targetPercent(),
            p.referenceAmounts());
    assertThat(off.assess(REMIT, pay, claim("23", "A0431"), ContractSchedule.empty()).eligible())
        .isFalse();
  }

  @Test
  void aFinalPaymentIsMarkedByItsRemark() {
    NsaPolicy p = policy();
    assertThat(p.isFinalPayment(paid(List.of("N874"), svc("99283", "250", "100", "L1")))).isTrue();
    // at line level (LQ*HE) too
    assertThat(p.isFinalPayment(paid(revenueLine("99283", "0450", "250", List.of("N874")))))
        .isTrue();
    assertThat(p.isFinalPayment(paid(List.of("N864"), svc("99283", "250", "100", "L1")))).isFalse();
    assertThat(p.isFinalPayment(paid(svc("99283", "250", "100", "L1")))).isFalse();
  }

  // --- target ----------------------------------------------------------------------------------

  @Test
  void billedChargesTargetIsTheLineCharge() {
    Optional<NsaTarget> t =
        policy().target(REMIT, null, svc("99285", "1234.56", "300", "L1"), BigDecimal.ONE, DOS);
    assertThat(t).isPresent();
    assertThat(t.get().basis()).isEqualTo(TargetBasis.BILLED_CHARGES);
    assertThat(t.get().amount()).isEqualTo(new BigDecimal("1234.56"));
    assertThat(t.get().reference()).isNull();
    assertThat(t.get().describe()).isEqualTo("billed charges");
  }

  @Test
  void percentOfBilledIsRoundedHalfUpToCents() {
    NsaPolicy eighty =
        policy(Map.of(), TargetBasis.PERCENT_OF_BILLED, "80", ContractSchedule.empty());
    NsaTarget t =
        eighty.target(REMIT, null, svc("99285", "1234.56", "300", "L1"), BigDecimal.ONE, DOS).get();
    // 1234.56 x 80 % = 987.648
    assertThat(t.amount()).isEqualTo(new BigDecimal("987.65"));
    assertThat(t.basis()).isEqualTo(TargetBasis.PERCENT_OF_BILLED);
    assertThat(t.describe()).isEqualTo("80% of billed charges");
    NsaPolicy seventyFive =
        policy(Map.of(), TargetBasis.PERCENT_OF_BILLED, "75", ContractSchedule.empty());
    // 100.06 x 75 % = 75.045: half up, not half even
    assertThat(
            seventyFive
                .target(REMIT, null, svc("99285", "100.06", "50", "L1"), BigDecimal.ONE, DOS)
                .get()
                .amount())
        .isEqualTo(new BigDecimal("75.05"));
    // 100.02 x 75 % = 75.015
    assertThat(
            seventyFive
                .target(REMIT, null, svc("99285", "100.02", "50", "L1"), BigDecimal.ONE, DOS)
                .get()
                .amount())
        .isEqualTo(new BigDecimal("75.02"));
  }

  @Test
  void referenceTableTargetIsTheRowTimesUnits() {
    ContractRate qpa = rate("87726", "99285", "780.00");
    ContractSchedule table = ContractSchedule.of(List.of(qpa, rate("87726", "A0436", "95.00")));
    NsaPolicy p = policy(Map.of(), TargetBasis.REFERENCE_TABLE, "100", table);
    NsaTarget t =
        p.target(REMIT, null, svc("99285", "2000", "500", "L1"), new BigDecimal("2"), DOS).get();
    assertThat(t.basis()).isEqualTo(TargetBasis.REFERENCE_TABLE);
    assertThat(t.reference()).isEqualTo(qpa);
    assertThat(t.amount()).isEqualTo(new BigDecimal("1560.00"));
    assertThat(t.describe()).isEqualTo("reference amount contract.csv:2");
    assertThat(
            p.target(REMIT, null, svc("A0436", "400", "100", "L1"), new BigDecimal("37.5"), DOS)
                .get()
                .amount())
        // allowed x units is not rounded (as contract rates in UnderpaymentRule): 3562.500
        .isEqualByComparingTo("3562.50");
    // the procedure as submitted (SVC06) when the payer changed it
    ServicePayment recoded =
        svc(
            new Procedure("HC", "99284", List.of()),
            new Procedure("HC", "99285", List.of()),
            "2000",
            "400",
            "L1");
    assertThat(p.target(REMIT, null, recoded, BigDecimal.ONE, DOS).get().amount())
        .isEqualTo(new BigDecimal("780.00"));
  }

  @Test
  void referenceTableTargetIsEmptyWithoutARow() {
    NsaPolicy p =
        policy(
            Map.of(),
            TargetBasis.REFERENCE_TABLE,
            "100",
            ContractSchedule.of(List.of(rate("87726", "99285", "780.00"))));
    assertThat(p.target(REMIT, null, svc("99284", "2000", "500", "L1"), BigDecimal.ONE, DOS))
        .isEmpty();
    // another payer's row does not price this payer's line
    assertThat(
            p.target(
                remit("60054", "T9"), null, svc("99285", "2000", "500", "L1"), BigDecimal.ONE, DOS))
        .isEmpty();
    // outside the row's dates
    assertThat(
            p.target(
                REMIT,
                null,
                svc("99285", "2000", "500", "L1"),
                BigDecimal.ONE,
                LocalDate.of(2027, 1, 2)))
        .isEmpty();
  }

  // --- construction ----------------------------------------------------------------------------

  @Test
  void referenceTableBasisNeedsATable() {
    assertThatThrownBy(
            () -> policy(Map.of(), TargetBasis.REFERENCE_TABLE, "100", ContractSchedule.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nsa target REFERENCE_TABLE needs a reference table");
  }

  @Test
  void targetPercentMustBeAboveZeroAndAtMostOneThousand() {
    assertThatThrownBy(
            () -> policy(Map.of(), TargetBasis.PERCENT_OF_BILLED, "0", ContractSchedule.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nsa target percent must be above 0 and at most 1000: 0");
    assertThatThrownBy(
            () -> policy(Map.of(), TargetBasis.PERCENT_OF_BILLED, "-5", ContractSchedule.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nsa target percent must be above 0 and at most 1000: -5");
    assertThatThrownBy(
            () ->
                policy(
                    Map.of(), TargetBasis.PERCENT_OF_BILLED, "1000.01", ContractSchedule.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nsa target percent must be above 0 and at most 1000: 1000.01");
    assertThat(
            policy(Map.of(), TargetBasis.PERCENT_OF_BILLED, "1000", ContractSchedule.empty())
                .targetPercent())
        .isEqualTo(new BigDecimal("1000"));
  }

  // --- network per provider and payer ----------------------------------------------------------

  private static final Provider ORTHO = new Provider("1758392041", "RIVERBEND", "371122334");
  private static final Provider AIR = new Provider("1647309529", "SKYLIFT", "364455789");
  private static final Set<String> LAKE = Set.of("39026");

  private static final ContractSchedule ORTHO_CONTRACT =
      ContractSchedule.of(
          List.of(
              new ContractRate(
                  "39026",
                  "29881",
                  "",
                  new BigDecimal("2400.00"),
                  LocalDate.of(2026, 1, 1),
                  LocalDate.of(2026, 12, 31),
                  "contract.csv:2",
                  new ProviderScope("1758392041", ""))));

  private static NetworkRow row(String npi, String tin, Network n, String from, String to, int l) {
    return new NetworkRow(
        "39026",
        new ProviderScope(npi, tin),
        n,
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        "networks.csv:" + l);
  }

  private static NsaPolicy withNetworks(NetworkRow... rows) {
    NsaPolicy p = policy();
    return new NsaPolicy(
        true,
        p.signalRemarks(),
        p.finalPaymentRemarks(),
        p.airAmbulanceCodes(),
        p.emergencyPlaces(),
        p.emergencyRevenueCodes(),
        p.excludedFilingIndicators(),
        NetworkTable.of(List.of(rows)),
        p.targetBasis(),
        p.targetPercent(),
        p.referenceAmounts());
  }

  @Test
  void oneProvidersContractDoesNotPutAnotherProviderOfThePayerInNetwork() {
    assertThat(policy().network(LAKE, ORTHO, DOS, ORTHO_CONTRACT))
        .isEqualTo(
            new NetworkDecision(
                Network.IN_NETWORK, NetworkBasis.CONTRACT_ROW, "contract.csv:2", null));
    assertThat(policy().network(LAKE, AIR, DOS, ORTHO_CONTRACT))
        .isEqualTo(NetworkDecision.noContract());
    // the contract has ended by the date of service
    assertThat(policy().network(LAKE, ORTHO, LocalDate.of(2027, 2, 1), ORTHO_CONTRACT).basis())
        .isEqualTo(NetworkBasis.NO_CONTRACT);
  }

  @Test
  void aConfiguredStatusBeatsTheContractsAndTheProvidersRowBeatsThePayerWideOne() {
    NsaPolicy p =
        withNetworks(
            row("1758392041", "", Network.OUT_OF_NETWORK, "2026-07-01", null, 2),
            row("", "364455789", Network.IN_NETWORK, null, "2026-12-31", 3),
            new NetworkRow(
                "39026", ProviderScope.ANY, Network.OUT_OF_NETWORK, null, null, "payers.csv:7"));
    // from July the ortho group is configured out of network despite its contract row
    assertThat(p.network(LAKE, ORTHO, DOS, ORTHO_CONTRACT))
        .isEqualTo(
            new NetworkDecision(
                Network.OUT_OF_NETWORK, NetworkBasis.CONFIGURED, "networks.csv:2", null));
    // before July its row does not apply: the payer-wide status does
    assertThat(p.network(LAKE, ORTHO, LocalDate.of(2026, 3, 1), ORTHO_CONTRACT).source())
        .isEqualTo("payers.csv:7");
    // the air ambulance is configured in network by its TIN
    assertThat(p.network(LAKE, AIR, DOS, ContractSchedule.empty()))
        .isEqualTo(
            new NetworkDecision(
                Network.IN_NETWORK, NetworkBasis.CONFIGURED, "networks.csv:3", null));
    assertThatThrownBy(
            () ->
                NetworkTable.of(
                    List.of(
                        row("1758392041", "", Network.IN_NETWORK, "2026-01-01", null, 2),
                        row("1758392041", "", Network.OUT_OF_NETWORK, "2026-06-01", null, 3))))
        .hasMessageContaining("networks.csv:2")
        .hasMessageContaining("networks.csv:3");
  }

  @Test
  void theMostRecentRowOfAProviderWins() {
    NsaPolicy p =
        withNetworks(
            row("1758392041", "", Network.IN_NETWORK, "2026-01-01", "2026-06-30", 2),
            row("1758392041", "", Network.OUT_OF_NETWORK, "2026-07-01", null, 3),
            row("1758392041", "371122334", Network.IN_NETWORK, "2026-10-01", "2026-10-31", 4));
    assertThat(p.network(LAKE, ORTHO, LocalDate.of(2026, 5, 1), ContractSchedule.empty()).source())
        .isEqualTo("networks.csv:2");
    assertThat(p.network(LAKE, ORTHO, LocalDate.of(2026, 9, 1), ContractSchedule.empty()).source())
        .isEqualTo("networks.csv:3");
    // NPI and TIN beat NPI alone
    assertThat(p.network(LAKE, ORTHO, DOS, ContractSchedule.empty()).source())
        .isEqualTo("networks.csv:4");
  }

  @Test
  void anAirAmbulanceWithoutAContractIsOutOfNetworkThoughAnotherProviderHasOne() {
    RemittanceHeader lake = remit("39026", "LK1");
    ClaimPayment pay = paid(svc("A0431", "18500", "6000", "L1"));
    SubmittedClaim air =
        SubmittedClaim.basic(
            "837P",
            "PCN1",
            amount("18500"),
            new Party("39026", "LAKESHORE"),
            AIR,
            "41",
            "1",
            null,
            null,
            null,
            List.of(Fixtures.line(1, "L1", "A0431", "18500")),
            new SourceRef("claims.837", "000000101", "101", "0001"));
    NsaAssessment a = policy().assess(lake, pay, air, ORTHO_CONTRACT);
    assertThat(a.eligible()).isTrue();
    assertThat(a.payerMarked()).isFalse();
    assertThat(a.networkDecision()).isEqualTo(NetworkDecision.noContract());
    assertThat(a.basis())
        .containsExactly(
            "AIR_AMBULANCE A0431",
            "OUT_OF_NETWORK (no contract row for the billing provider with this payer)");
    // the same claim billed by the ortho group (under contract) is in network: not eligible
    SubmittedClaim byOrtho =
        SubmittedClaim.basic(
            "837P",
            "PCN1",
            amount("18500"),
            new Party("39026", "LAKESHORE"),
            ORTHO,
            "41",
            "1",
            null,
            null,
            null,
            List.of(Fixtures.line(1, "L1", "A0431", "18500")),
            new SourceRef("claims.837", "000000101", "101", "0001"));
    assertThat(policy().assess(lake, pay, byOrtho, ORTHO_CONTRACT).eligible()).isFalse();
  }

  @Test
  void networkDecisionsAreValidated() {
    assertThatThrownBy(
            () -> new NetworkDecision(Network.IN_NETWORK, NetworkBasis.NO_CONTRACT, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new NetworkDecision(Network.IN_NETWORK, NetworkBasis.CONTRACT_ROW, null, null))
        .hasMessageContaining("source");
    assertThatThrownBy(
            () ->
                new NetworkDecision(
                    Network.OUT_OF_NETWORK, NetworkBasis.PAYER_REMARK, "RARC N864", null))
        .hasMessageContaining("overrode");
    assertThat(NetworkDecision.noContract().describe())
        .isEqualTo("OUT_OF_NETWORK (no contract row for the billing provider with this payer)");
  }
}
