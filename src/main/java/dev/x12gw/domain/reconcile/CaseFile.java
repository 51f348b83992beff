package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gateway holds about one claim across its versions and remittances: the 837 claims
 * (original, replacements, voids, corrected claims with a new CLM01), every 835 claim payment about
 * them (splits, reversals, corrections, crossovers) and the PLB adjustments that reference them.
 * The members are those connected by CLM01/CLP01 + payer, CLP07/REF*F8 and PLB03-2.
 *
 * @param caseId the store's id of the case
 */
public record CaseFile(
    long caseId,
    List<CaseClaim> claims,
    List<CasePayment> payments,
    List<CaseAdjustment> providerAdjustments) {
  public CaseFile {
    claims = List.copyOf(claims);
    payments = List.copyOf(payments);
    providerAdjustments = List.copyOf(providerAdjustments);
  }

  /** An 837 claim of the case with the store's id (ids grow with arrival). */
  public record CaseClaim(long id, SubmittedClaim claim) {
    public CaseClaim {
      Objects.requireNonNull(claim, "claim");
    }
  }

  /** An 835 claim payment of the case with its remittance. */
  public record CasePayment(long id, RemittanceHeader remittance, ClaimPayment payment) {
    public CasePayment {
      Objects.requireNonNull(remittance, "remittance");
      Objects.requireNonNull(payment, "payment");
    }
  }

  /** A PLB adjustment whose PLB03-2 references a claim of the case. */
  public record CaseAdjustment(
      long id, RemittanceHeader remittance, ProviderAdjustment adjustment) {
    public CaseAdjustment {
      Objects.requireNonNull(remittance, "remittance");
      Objects.requireNonNull(adjustment, "adjustment");
    }
  }
}
