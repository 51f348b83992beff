package dev.x12gw.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
    SourceRef source) {
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
    if (statementFrom == null) {
      statementFrom =
          lines.stream()
              .map(SubmittedLine::serviceDate)
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .orElse(null);
    }
  }
}
