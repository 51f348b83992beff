package dev.x12gw.domain.nsa;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.contract.NetworkBasis;
import dev.x12gw.domain.contract.NetworkDecision;
import dev.x12gw.domain.contract.NetworkRow;
import dev.x12gw.domain.contract.NetworkTable;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * No Surprises Act (federal IDR) rules: which claims qualify and what an out-of-network initial
 * payment is measured against.
 *
 * <p>A claim qualifies when its plan is not excluded (Medicare, Medicaid, TRICARE, VA, workers'
 * compensation and the like, by CLP06 / SBR09 claim filing indicator) and either the payer says so
 * (an NSA remark code such as N864, N865, N866, N876, N877) or the provider is out of network and
 * the service is emergency care (place of service, emergency revenue code) or air ambulance
 * (HCPCS). The network is decided per billing provider, payer and date of service: a configured
 * status (the network table for the provider, else the payer table for every provider), else in
 * network when the provider has a contract row with the payer in effect on the date, else out of
 * network. When the payer marks the claim with an NSA remark, the claim is eligible whatever the
 * configuration says, and an in-network configuration is overruled ({@link
 * NetworkBasis#PAYER_REMARK}).
 *
 * @param enabled false turns detection off
 * @param signalRemarks RARCs by which the payer states the claim is under the NSA
 * @param finalPaymentRemarks RARCs of a final payment (open negotiation, IDR, state law, All-Payer
 *     Model): such a payment is not an initial payment to dispute
 * @param airAmbulanceCodes HCPCS codes of air ambulance services
 * @param emergencyPlaces places of service of emergency care (23 = emergency room, hospital)
 * @param emergencyRevenueCodes 837I/835 revenue codes of emergency care (0450-0459, 0981)
 * @param excludedFilingIndicators claim filing indicators of plans the NSA IDR does not cover
 * @param networks configured network statuses per payer and provider ({@code networks.csv}, and the
 *     {@code network} column of {@code payers.csv} for every provider of a payer)
 * @param targetBasis what an initial payment should reach
 * @param targetPercent percent of billed charges for {@link TargetBasis#PERCENT_OF_BILLED}
 * @param referenceAmounts reference allowed amounts (e.g. QPA) per payer and procedure
 */
public record NsaPolicy(
    boolean enabled,
    Set<String> signalRemarks,
    Set<String> finalPaymentRemarks,
    Set<String> airAmbulanceCodes,
    Set<String> emergencyPlaces,
    Set<String> emergencyRevenueCodes,
    Set<String> excludedFilingIndicators,
    NetworkTable networks,
    TargetBasis targetBasis,
    BigDecimal targetPercent,
    ContractSchedule referenceAmounts) {

  /** What an out-of-network initial payment should reach. */
  public enum TargetBasis {
    /** Billed charges (the line's charge). */
    BILLED_CHARGES,
    /** A percent of billed charges. */
    PERCENT_OF_BILLED,
    /** A table of reference allowed amounts per payer and procedure (e.g. the QPA). */
    REFERENCE_TABLE
  }

  private static final BigDecimal HUNDRED = new BigDecimal(100);

  public NsaPolicy {
    signalRemarks = upper(signalRemarks);
    finalPaymentRemarks = upper(finalPaymentRemarks);
    airAmbulanceCodes = upper(airAmbulanceCodes);
    emergencyPlaces = Set.copyOf(emergencyPlaces);
    emergencyRevenueCodes = Set.copyOf(emergencyRevenueCodes);
    excludedFilingIndicators = upper(excludedFilingIndicators);
    Objects.requireNonNull(networks, "networks");
    Objects.requireNonNull(targetBasis, "target basis");
    Objects.requireNonNull(targetPercent, "target percent");
    if (targetPercent.signum() <= 0 || targetPercent.compareTo(new BigDecimal(1000)) > 0) {
      throw new IllegalArgumentException(
          "nsa target percent must be above 0 and at most 1000: " + targetPercent);
    }
    Objects.requireNonNull(referenceAmounts, "reference amounts");
    if (targetBasis == TargetBasis.REFERENCE_TABLE && referenceAmounts.isEmpty()) {
      throw new IllegalArgumentException("nsa target REFERENCE_TABLE needs a reference table");
    }
  }

  /** Detection off. */
  public static NsaPolicy disabled() {
    return new NsaPolicy(
        false,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        NetworkTable.empty(),
        TargetBasis.BILLED_CHARGES,
        HUNDRED,
        ContractSchedule.empty());
  }

  private static Set<String> upper(Set<String> codes) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : codes) {
      out.add(c.trim().toUpperCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** True when the payer marked this payment as final (not an initial payment to dispute). */
  public boolean isFinalPayment(ClaimPayment pay) {
    return pay.allRemarkCodes().stream()
        .anyMatch(r -> finalPaymentRemarks.contains(r.toUpperCase(Locale.ROOT)));
  }

  /**
   * A billing provider's network status with a payer on a date, from the configuration: the network
   * table row for the provider, else the payer table's status for every provider ({@link
   * NetworkBasis#CONFIGURED}); else in network when the provider has a contract row with the payer
   * in effect on the date ({@link NetworkBasis#CONTRACT_ROW}); else out of network ({@link
   * NetworkBasis#NO_CONTRACT}).
   *
   * @param provider the 837 billing provider (NM1*85, REF*EI), else the 835 payee; null when
   *     unknown
   * @param date the date of service, or null
   */
  public NetworkDecision network(
      Collection<String> payerKeys, Provider provider, LocalDate date, ContractSchedule contracts) {
    Optional<NetworkRow> row = networks.find(payerKeys, provider, date);
    if (row.isPresent()) {
      return new NetworkDecision(
          row.get().network(), NetworkBasis.CONFIGURED, row.get().source(), null);
    }
    return contracts
        .rowFor(payerKeys, provider, date)
        .map(
            r ->
                new NetworkDecision(
                    Network.IN_NETWORK, NetworkBasis.CONTRACT_ROW, r.source(), null))
        .orElseGet(NetworkDecision::noContract);
  }

  /** The billing provider of a claim payment: the 837's (NM1*85, REF*EI), else the 835 payee. */
  public static Provider provider(RemittanceHeader remit, SubmittedClaim claim) {
    return claim != null ? claim.billingProvider() : remit.payee();
  }

  /**
   * The date the network is decided for: the claim payment's service date (DTM*232, else its
   * lines'), else the 837 claim's, else the payment date.
   */
  public static LocalDate serviceDate(
      RemittanceHeader remit, ClaimPayment pay, SubmittedClaim claim) {
    if (pay != null && pay.serviceDate() != null) {
      return pay.serviceDate();
    }
    if (claim != null && claim.statementFrom() != null) {
      return claim.statementFrom();
    }
    return remit.paymentDate() != null ? remit.paymentDate() : remit.productionDate();
  }

  /**
   * Whether a claim payment falls under the NSA.
   *
   * @param claim the 837 claim, or null when the gateway has not seen it (then place of service is
   *     unknown and only the 835's remark codes, revenue codes and procedures count)
   */
  public NsaAssessment assess(
      RemittanceHeader remit, ClaimPayment pay, SubmittedClaim claim, ContractSchedule contracts) {
    Set<String> keys = remit.payerKeys();
    Provider provider = provider(remit, claim);
    LocalDate date = serviceDate(remit, pay, claim);
    NetworkDecision configured = network(keys, provider, date, contracts);
    if (!enabled) {
      return NsaAssessment.notEligible(configured, List.of());
    }
    String filing = pay.claimFilingIndicator();
    if ((filing == null || filing.isBlank()) && claim != null) {
      filing = claim.claimFilingIndicator();
    }
    if (filing != null
        && excludedFilingIndicators.contains(filing.trim().toUpperCase(Locale.ROOT))) {
      return NsaAssessment.notEligible(
          configured, List.of("EXCLUDED_PLAN claim filing indicator " + filing));
    }
    List<String> basis = new ArrayList<>();
    List<String> remarks = new ArrayList<>();
    for (String r : pay.allRemarkCodes()) {
      String code = r.toUpperCase(Locale.ROOT);
      if (signalRemarks.contains(code) && !remarks.contains(code)) {
        remarks.add(code);
        basis.add("RARC " + code);
      }
    }
    List<String> service = new ArrayList<>();
    for (String code : procedures(pay, claim)) {
      if (airAmbulanceCodes.contains(code)) {
        service.add("AIR_AMBULANCE " + code);
        break;
      }
    }
    for (String pos : places(claim)) {
      if (emergencyPlaces.contains(pos)) {
        service.add("EMERGENCY_PLACE_OF_SERVICE " + pos);
        break;
      }
    }
    for (String rev : revenueCodes(pay, claim)) {
      if (emergencyRevenueCodes.contains(rev)) {
        service.add("EMERGENCY_REVENUE_CODE " + rev);
        break;
      }
    }
    if (configured.network() == Network.OUT_OF_NETWORK && !service.isEmpty()) {
      basis.addAll(service);
      basis.add(outOfNetwork(configured, keys, provider, date));
    }
    NetworkDecision decided = configured;
    if (!remarks.isEmpty() && configured.network() == Network.IN_NETWORK) {
      // the payer's own NSA remark decides: the claim was processed as out of network
      decided = NetworkDecision.payerRemark("RARC " + String.join(" ", remarks), configured);
    }
    return new NsaAssessment(!basis.isEmpty(), decided, remarks, basis);
  }

  /** The basis entry of an out-of-network decision of the configuration. */
  private String outOfNetwork(
      NetworkDecision d, Set<String> keys, Provider provider, LocalDate date) {
    if (d.basis() == NetworkBasis.NO_CONTRACT) {
      return "OUT_OF_NETWORK (no contract row for the billing provider with this payer)";
    }
    boolean forProvider =
        networks.find(keys, provider, date).map(r -> !r.provider().any()).orElse(false);
    return forProvider
        ? "OUT_OF_NETWORK (network table " + d.source() + ")"
        : "OUT_OF_NETWORK (payer table)";
  }

  /**
   * The target of one line of an eligible claim's initial payment, or empty when the basis cannot
   * price it (no reference row for the code).
   *
   * @param units units the line was billed for
   */
  public Optional<NsaTarget> target(
      RemittanceHeader remit,
      Provider provider,
      ServicePayment line,
      BigDecimal units,
      LocalDate date) {
    return switch (targetBasis) {
      case BILLED_CHARGES ->
          Optional.of(new NsaTarget(targetBasis, HUNDRED, null, line.chargeAmount()));
      case PERCENT_OF_BILLED ->
          Optional.of(
              new NsaTarget(
                  targetBasis,
                  targetPercent,
                  null,
                  line.chargeAmount()
                      .multiply(targetPercent)
                      .divide(HUNDRED, 2, RoundingMode.HALF_UP)));
      case REFERENCE_TABLE -> reference(remit, provider, line, units, date);
    };
  }

  /**
   * The reference-table row (e.g. QPA) for a line, times its units; rows naming the billing
   * provider come before payer-wide rows, as in contracts.
   */
  public Optional<NsaTarget> reference(
      RemittanceHeader remit,
      Provider provider,
      ServicePayment line,
      BigDecimal units,
      LocalDate date) {
    Procedure p = line.submittedProcedure() != null ? line.submittedProcedure() : line.procedure();
    return referenceAmounts
        .find(remit.payerKeys(), provider, p.code(), p.modifiers(), date)
        .map(
            r ->
                new NsaTarget(
                    TargetBasis.REFERENCE_TABLE,
                    HUNDRED,
                    r,
                    Money.normalize(r.allowedAmount().multiply(units))));
  }

  private static List<String> procedures(ClaimPayment pay, SubmittedClaim claim) {
    List<String> out = new ArrayList<>();
    for (ServicePayment s : pay.lines()) {
      out.add(s.procedure().code().toUpperCase(Locale.ROOT));
      if (s.submittedProcedure() != null) {
        out.add(s.submittedProcedure().code().toUpperCase(Locale.ROOT));
      }
    }
    if (claim != null) {
      for (SubmittedLine l : claim.lines()) {
        out.add(l.procedure().code().toUpperCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** 837P/837D places of service: each line's SV105, else the claim's CLM05-1. */
  public static List<String> places(SubmittedClaim claim) {
    if (claim == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (SubmittedLine l : claim.lines()) {
      if (!l.placeOfService().isEmpty()) {
        out.add(l.placeOfService());
      }
    }
    if (!"837I".equals(claim.transactionType()) && !claim.facilityCode().isEmpty()) {
      out.add(claim.facilityCode());
    }
    return out;
  }

  private static List<String> revenueCodes(ClaimPayment pay, SubmittedClaim claim) {
    List<String> out = new ArrayList<>();
    for (ServicePayment s : pay.lines()) {
      if (s.revenueCode() != null && !s.revenueCode().isEmpty()) {
        out.add(s.revenueCode());
      }
    }
    if (claim != null) {
      for (SubmittedLine l : claim.lines()) {
        if (!l.revenueCode().isEmpty()) {
          out.add(l.revenueCode());
        }
      }
    }
    return out;
  }
}
