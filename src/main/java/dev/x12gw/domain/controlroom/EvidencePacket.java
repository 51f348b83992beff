package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.finding.RecordType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Evidence for one finding: the 837 claim, the 835 payment, the rule and the deadlines — what a
 * biller sends with an appeal, a corrected claim or a No Surprises Act dispute.
 *
 * <p>Holds PHI (patient control number, the X12 segments with the patient's name): render it for
 * the biller, never log it.
 *
 * @param recordId the published record's id
 * @param recordType the finding's record type, e.g. {@link RecordType#CLAIM_DENIAL}
 * @param asOf the day the packet was made: days left to each deadline count from it
 * @param payer the payer (835 N1*PR, REF*2U)
 * @param provider the billing provider (837 NM1*85 with REF*EI, else the 835 payee)
 * @param claim which claim (and line) the finding is about
 * @param amounts what was billed, paid and is at stake
 * @param decision how the finding was classified and why
 * @param codes the adjustment group codes, CARCs, RARCs and PLB reasons with their descriptions
 * @param contractBasis the contract row or No Surprises Act target the payment was measured
 *     against, in words, e.g. {@code contract.csv:4 — 99213, rate 120.00 × 1 unit, in effect
 *     2026-01-01}; null when none applied
 * @param deadlines the dates that matter (appeal deadline, open negotiation, IDR initiation), in
 *     the order to show them
 * @param nsaDispute the No Surprises Act open negotiation and federal IDR facts, null when the
 *     claim is not an eligible NSA claim
 * @param claimSegments the 837 claim's segments as sent, one segment each without its terminator;
 *     empty when the gateway has not seen the claim
 * @param remittanceSegments the 835 remittance's segments as received, one each without its
 *     terminator
 * @param recordJson the published record as JSON text, or null
 */
public record EvidencePacket(
    String recordId,
    RecordType recordType,
    LocalDate asOf,
    Payer payer,
    Provider provider,
    ClaimRef claim,
    Amounts amounts,
    Decision decision,
    List<CodeLine> codes,
    String contractBasis,
    List<Deadline> deadlines,
    NsaDispute nsaDispute,
    List<String> claimSegments,
    List<String> remittanceSegments,
    String recordJson) {
  public EvidencePacket {
    recordId = Text.requireText(recordId, "record id");
    Objects.requireNonNull(recordType, "record type");
    Objects.requireNonNull(asOf, "as-of date");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(amounts, "amounts");
    Objects.requireNonNull(decision, "decision");
    codes = List.copyOf(codes);
    contractBasis = Text.orNull(contractBasis);
    deadlines = List.copyOf(deadlines);
    claimSegments = List.copyOf(claimSegments);
    remittanceSegments = List.copyOf(remittanceSegments);
    recordJson = Text.orNull(recordJson);
  }

  /** True when the finding is about one service line (a line number is known). */
  public boolean lineLevel() {
    return claim.lineNumber() != null;
  }

  /** Days from {@link #asOf()} to the deadline: 0 on its last day, negative once it has passed. */
  public long daysLeft(Deadline deadline) {
    return deadline.daysLeftFrom(asOf);
  }

  /** 835 N1*PR / REF*2U: the payer a packet is sent to. */
  public record Payer(String id, String name) {
    public Payer {
      id = Text.requireText(id, "payer id");
      name = Text.orEmpty(name);
    }
  }

  /**
   * 837 NM1*85 / REF*EI: the billing provider (the initiating party of a federal IDR dispute).
   *
   * @param npi the NPI, or null when unknown
   * @param tin the tax identification number, or null when unknown
   */
  public record Provider(String name, String npi, String tin) {
    public Provider {
      name = Text.requireText(name, "provider name");
      npi = Text.orNull(npi);
      tin = Text.orNull(tin);
    }
  }

  /**
   * 837 CLM / 835 CLP: which claim, and which service line for a line-level finding.
   *
   * @param patientControlNumber CLM01 = CLP01, or null (a PLB recoupment whose claim payment is not
   *     stored)
   * @param payerClaimNumber the payer's claim control number CLP07, or null
   * @param serviceFrom first date of service, or null
   * @param serviceTo last date of service (the first when one day), or null
   * @param serviceCode the line's procedure code with modifiers, e.g. {@code 29881-RT}; null for a
   *     claim-level finding
   * @param lineNumber the service line number (837 LX01), null for a claim-level finding
   */
  public record ClaimRef(
      String patientControlNumber,
      String payerClaimNumber,
      LocalDate serviceFrom,
      LocalDate serviceTo,
      String serviceCode,
      Integer lineNumber) {
    public ClaimRef {
      patientControlNumber = Text.orNull(patientControlNumber);
      payerClaimNumber = Text.orNull(payerClaimNumber);
      if (serviceTo == null) {
        serviceTo = serviceFrom;
      } else if (serviceFrom == null) {
        throw new IllegalArgumentException("service to-date without a from-date");
      } else if (serviceTo.isBefore(serviceFrom)) {
        throw new IllegalArgumentException(
            "service dates run backwards: " + serviceFrom + " to " + serviceTo);
      }
      serviceCode = Text.orNull(serviceCode);
      if (lineNumber != null && lineNumber < 1) {
        throw new IllegalArgumentException("line number must be positive: " + lineNumber);
      }
    }
  }

  /**
   * The figures of a finding; each is null where the finding type has none (e.g. no billed amount
   * for a PLB recoupment without its claim payment).
   *
   * @param billed CLP03 (claim) or SVC02 (line)
   * @param paid CLP04 (claim) or SVC03 (line)
   * @param atStake the amount in question: denied, underpaid or recouped
   * @param expectedRecovery amount at stake × overturn rate
   * @param laborCost the cost of working the recovery pathway
   * @param priority expected recovery − labor cost
   */
  public record Amounts(
      BigDecimal billed,
      BigDecimal paid,
      BigDecimal atStake,
      BigDecimal expectedRecovery,
      BigDecimal laborCost,
      BigDecimal priority) {
    public Amounts {
      billed = Money.normalize(billed);
      paid = Money.normalize(paid);
      atStake = Money.normalize(Objects.requireNonNull(atStake, "amount at stake"));
      expectedRecovery = Money.normalize(expectedRecovery);
      laborCost = Money.normalize(laborCost);
      priority = Money.normalize(priority);
    }
  }

  /**
   * How the finding was classified: what kind of problem, where it started, what to do and why.
   *
   * @param ruleId the classification rule that fired, e.g. {@code AUTH-NEVER-SENT} or {@code
   *     CARC-197}
   * @param rationale why, in a sentence or two for a biller
   * @param evidence the facts the rule used, one per line
   */
  public record Decision(
      DenialFamily denialFamily,
      RootCause rootCause,
      boolean preventable,
      RecoveryPathway recoveryPathway,
      String ruleId,
      String rationale,
      List<String> evidence) {
    public Decision {
      Objects.requireNonNull(denialFamily, "denial family");
      Objects.requireNonNull(rootCause, "root cause");
      Objects.requireNonNull(recoveryPathway, "recovery pathway");
      ruleId = Text.requireText(ruleId, "rule id");
      rationale = Text.orEmpty(Objects.requireNonNull(rationale, "rationale"));
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One code the payer sent, with its description from the dated code tables.
   *
   * @param kind CARC, RARC, group code or PLB reason
   * @param code the code as sent, e.g. {@code 197}, {@code M62}, {@code CO}, {@code WO}
   * @param description what the code means, or null when the code tables do not have it
   * @param amount the adjustment amount, or null (remark codes carry none)
   */
  public record CodeLine(CodeKind kind, String code, String description, BigDecimal amount) {
    public CodeLine {
      Objects.requireNonNull(kind, "code kind");
      code = Text.requireText(code, "code");
      description = Text.orNull(description);
      amount = Money.normalize(amount);
    }
  }

  /** A date a biller must act by, e.g. {@code Appeal deadline}, 2027-04-20. */
  public record Deadline(String name, LocalDate date) {
    public Deadline {
      name = Text.requireText(name, "deadline name");
      Objects.requireNonNull(date, "deadline date");
    }

    /** Days from {@code day} to this deadline: 0 on its last day, negative once it has passed. */
    public long daysLeftFrom(LocalDate day) {
      return ChronoUnit.DAYS.between(day, date);
    }
  }

  /**
   * No Surprises Act open negotiation and federal IDR: the clock, the qualifying payment amount,
   * why the claim qualifies, and what a federal IDR initiation asks for.
   *
   * @param initialDecisionDate the initial payment or denial date (835 BPR16)
   * @param openNegotiationDeadline last day to open negotiation (30 business days after the initial
   *     decision)
   * @param idrInitiationOuterDeadline the latest possible federal IDR initiation date
   * @param qpa the qualifying payment amount, or null when unknown
   * @param qpaSource where the QPA came from (file:line), or null
   * @param basis why the claim qualifies, e.g. {@code RARC N864}, {@code EMERGENCY_PLACE_OF_SERVICE
   *     23}
   * @param network the provider's network status with the payer on the date of service
   * @param disputeBatchKey shared by disputes that can be batched, or null
   * @param initiatingParty the provider initiating the dispute (name, NPI, TIN)
   * @param nonInitiatingParty the payer (name, id)
   * @param serviceCode the item or service, e.g. {@code 99285}
   * @param serviceDate the date of the item or service
   * @param placeOfService the place of service code (e.g. {@code 23}), or null when unknown
   */
  public record NsaDispute(
      LocalDate initialDecisionDate,
      LocalDate openNegotiationDeadline,
      LocalDate idrInitiationOuterDeadline,
      BigDecimal qpa,
      String qpaSource,
      List<String> basis,
      Network network,
      String disputeBatchKey,
      Provider initiatingParty,
      Payer nonInitiatingParty,
      String serviceCode,
      LocalDate serviceDate,
      String placeOfService) {
    public NsaDispute {
      Objects.requireNonNull(initialDecisionDate, "initial decision date");
      Objects.requireNonNull(openNegotiationDeadline, "open negotiation deadline");
      Objects.requireNonNull(idrInitiationOuterDeadline, "IDR initiation outer deadline");
      qpa = Money.normalize(qpa);
      qpaSource = Text.orNull(qpaSource);
      basis = List.copyOf(basis);
      Objects.requireNonNull(network, "network");
      disputeBatchKey = Text.orNull(disputeBatchKey);
      Objects.requireNonNull(initiatingParty, "initiating party");
      Objects.requireNonNull(nonInitiatingParty, "non-initiating party");
      serviceCode = Text.requireText(serviceCode, "service code");
      Objects.requireNonNull(serviceDate, "service date");
      placeOfService = Text.orNull(placeOfService);
    }
  }
}
