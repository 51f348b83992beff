package dev.x12gw.domain.classification;

import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.nsa.NsaAssessment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 835 CLP / SVC / PLB with the 837 claim: the facts of one finding that classification rules look
 * at.
 *
 * @param kind the finding kind
 * @param payerId normalised 835 N104 payer id
 * @param payerKeys every normalised id of the payer (N104, REF*2U, ...)
 * @param adjustments the adjustments the finding is about: the claim's and its lines' for a claim
 *     denial, the line's for a line finding, what a correction added over the reversed payment for
 *     a reversal
 * @param remarks RARCs (upper case) of the claim and the line
 * @param plbReason PLB03-1 of a provider-level recoupment, else null
 * @param claimFacts facts about the 837 claim
 * @param serviceLine the service line
 * @param serviceLineRule the service-line rule that recognised it, or null for OTHER
 * @param places places of service on the 837 claim
 * @param procedure the main procedure code (the line's, or the claim's highest-charge line), or ""
 * @param amountAtStake what the finding puts at stake: denied (billed − paid − patient
 *     responsibility), underpaid variance, or recouped amount
 * @param decisionDate the remittance's payment date (else production date), or null
 * @param serviceDate the date of service, or null
 * @param providerNpi the billing provider's NPI (837 loop 2010AA, else 835 payee), or ""
 * @param nsa the No Surprises Act assessment
 */
public record FindingFacts(
    FindingKind kind,
    String payerId,
    Set<String> payerKeys,
    List<Adjustment> adjustments,
    Set<String> remarks,
    String plbReason,
    Set<ClaimFact> claimFacts,
    ServiceLine serviceLine,
    ServiceLineRule serviceLineRule,
    Set<String> places,
    String procedure,
    BigDecimal amountAtStake,
    LocalDate decisionDate,
    LocalDate serviceDate,
    String providerNpi,
    NsaAssessment nsa) {
  public FindingFacts {
    Objects.requireNonNull(kind, "kind");
    payerId = Objects.requireNonNullElse(payerId, "");
    payerKeys = Set.copyOf(payerKeys);
    adjustments = List.copyOf(adjustments);
    remarks = Set.copyOf(remarks);
    claimFacts = Set.copyOf(claimFacts);
    Objects.requireNonNull(serviceLine, "service line");
    places = Set.copyOf(places);
    procedure = Objects.requireNonNullElse(procedure, "");
    Objects.requireNonNull(amountAtStake, "amount at stake");
    providerNpi = Objects.requireNonNullElse(providerNpi, "");
    Objects.requireNonNull(nsa, "nsa");
  }

  /**
   * The adjustment that drives the finding: the largest one not owed by the patient (the largest
   * patient one when there is no other), the first of equals.
   */
  public Adjustment driving() {
    Adjustment best = null;
    for (Adjustment a : adjustments) {
      if (best == null) {
        best = a;
        continue;
      }
      boolean aPayer = !a.isPatientResponsibility();
      boolean bestPayer = !best.isPatientResponsibility();
      if (aPayer && !bestPayer) {
        best = a;
      } else if (aPayer == bestPayer && a.amount().compareTo(best.amount()) > 0) {
        best = a;
      }
    }
    return best;
  }
}
