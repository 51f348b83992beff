package dev.x12gw.domain.claim;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 837 loop 2300 CLM: a claim as the provider submitted it, with its payer and billing provider.
 *
 * @param transactionType 837P, 837I or 837D
 * @param patientControlNumber CLM01, echoed by the payer in 835 CLP01
 * @param totalCharge CLM02
 * @param payer loop 2010BB NM1*PR (NM109 id, NM103 name)
 * @param billingProvider loop 2010AA NM1*85 (NM109 NPI, NM103 name)
 * @param facilityCode CLM05-1 place of service / facility type code
 * @param frequencyCode CLM05-3 claim frequency (1 original, 7 replacement, 8 void)
 * @param payerClaimControlNumber REF*F8 original reference number, or null
 * @param priorAuthorization REF*G1, or null
 * @param statementFrom DTP*434 statement start (837I) or the earliest line service date
 * @param lines loop 2400 service lines in the order sent
 * @param source file and control numbers
 * @param batch BHT03 reference, or ""
 * @param batchDate BHT04, or null
 * @param batchType BHT06 (CH chargeable, RP reporting/encounter), or ""
 * @param entities every NM1 of the claim's context and loops 2310: 41 submitter, 40 receiver, 85
 *     billing provider, 87 pay-to, IL subscriber, QC patient, PR payer, 82 rendering, DN referring,
 *     DQ supervising, 77 service facility, ...
 * @param taxonomies PRV by provider code (BI billing, PE performing/rendering, RF referring, AT
 *     attending, ...)
 * @param payerResponsibility SBR01 (P, S, T, ...), or ""
 * @param subscriberRelationship SBR02 (18 self), or ""
 * @param groupNumber SBR03, or ""
 * @param claimFilingIndicator SBR09 (CI commercial, MB Medicare B, MC Medicaid, ...), or ""
 * @param patientRelationship PAT01 when the patient is not the subscriber, or ""
 * @param claimElements CLM06 to CLM20 as sent, by name (CLM06, CLM07, ..., CLM11 with its
 *     components joined by ':'), empty ones left out
 * @param dates claim DTP by qualifier (431 onset, 454 initial treatment, 304 last seen, 439
 *     accident, 435 admission, 096 discharge, 434 statement, 472 service, ...)
 * @param references claim REF by qualifier (G1 prior authorization, 9F referral, F8 original
 *     reference, D9 clearinghouse claim number, EA medical record, ...)
 * @param codes every HI code in order (diagnoses, procedures, occurrence, value, condition)
 * @param attachments PWK
 * @param notes claim NTE
 * @param amounts claim AMT by qualifier (F5 patient amount paid, ...)
 * @param otherPayers loops 2320/2330: other payers and their adjudication
 */
public record SubmittedClaim(
    String transactionType,
    String patientControlNumber,
    BigDecimal totalCharge,
    Party payer,
    Provider billingProvider,
    String facilityCode,
    String frequencyCode,
    String payerClaimControlNumber,
    String priorAuthorization,
    LocalDate statementFrom,
    List<SubmittedLine> lines,
    SourceRef source,
    String batch,
    LocalDate batchDate,
    String batchType,
    List<EntityName> entities,
    Map<String, String> taxonomies,
    String payerResponsibility,
    String subscriberRelationship,
    String groupNumber,
    String claimFilingIndicator,
    String patientRelationship,
    Map<String, String> claimElements,
    Map<String, DateRange> dates,
    Map<String, String> references,
    List<CodeValue> codes,
    List<Attachment> attachments,
    List<Note> notes,
    Map<String, BigDecimal> amounts,
    List<OtherPayer> otherPayers) {
  public SubmittedClaim {
    transactionType = Text.requireText(transactionType, "transaction type");
    patientControlNumber = Text.requireText(patientControlNumber, "CLM01 patient control number");
    totalCharge = Money.normalize(Objects.requireNonNull(totalCharge, "CLM02 total charge"));
    Objects.requireNonNull(payer, "payer (loop 2010BB)");
    Objects.requireNonNull(billingProvider, "billing provider (loop 2010AA)");
    facilityCode = Text.orEmpty(facilityCode);
    frequencyCode = Text.orEmpty(frequencyCode);
    payerClaimControlNumber = Text.orNull(payerClaimControlNumber);
    priorAuthorization = Text.orNull(priorAuthorization);
    lines = List.copyOf(lines);
    Objects.requireNonNull(source, "source");
    batch = Text.orEmpty(batch);
    batchType = Text.orEmpty(batchType);
    entities = List.copyOf(entities);
    taxonomies = Map.copyOf(taxonomies);
    payerResponsibility = Text.orEmpty(payerResponsibility);
    subscriberRelationship = Text.orEmpty(subscriberRelationship);
    groupNumber = Text.orEmpty(groupNumber);
    claimFilingIndicator = Text.orEmpty(claimFilingIndicator);
    patientRelationship = Text.orEmpty(patientRelationship);
    claimElements = Map.copyOf(claimElements);
    dates = Map.copyOf(dates);
    references = Map.copyOf(references);
    codes = List.copyOf(codes);
    attachments = List.copyOf(attachments);
    notes = List.copyOf(notes);
    amounts = Map.copyOf(amounts);
    otherPayers = List.copyOf(otherPayers);
    if (statementFrom == null) {
      statementFrom =
          lines.stream()
              .map(SubmittedLine::serviceDate)
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .orElse(null);
    }
  }

  /** The NM1 of a role (85 billing, 82 rendering, QC patient, ...), if sent. */
  public java.util.Optional<EntityName> entity(String role) {
    return entities.stream().filter(e -> e.role().equals(role)).findFirst();
  }

  /** A claim with only what matching needs (tests, stores that keep the essentials). */
  public static SubmittedClaim basic(
      String transactionType,
      String patientControlNumber,
      BigDecimal totalCharge,
      Party payer,
      Provider billingProvider,
      String facilityCode,
      String frequencyCode,
      String payerClaimControlNumber,
      String priorAuthorization,
      LocalDate statementFrom,
      List<SubmittedLine> lines,
      SourceRef source) {
    return new SubmittedClaim(
        transactionType,
        patientControlNumber,
        totalCharge,
        payer,
        billingProvider,
        facilityCode,
        frequencyCode,
        payerClaimControlNumber,
        priorAuthorization,
        statementFrom,
        lines,
        source,
        "",
        null,
        "",
        List.of(),
        Map.of(),
        "",
        "",
        "",
        "",
        "",
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of());
  }
}
