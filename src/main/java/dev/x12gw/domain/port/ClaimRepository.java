package dev.x12gw.domain.port;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.reconcile.CaseFile;
import dev.x12gw.domain.reconcile.ClaimLifecycle;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Port: the claim and remittance store used for reconciliation. Implemented over H2 for the gateway
 * and in memory for offline analysis; both must behave the same.
 *
 * <p>Every claim, claim payment and claim-referencing PLB adjustment belongs to a case: the items
 * connected by {@link #caseKeys match keys} (CLM01/CLP01 with the payer; the payer's claim number,
 * CLP07 = REF*F8 = PLB03-2). An item that connects two cases merges them.
 */
public interface ClaimRepository {
  /**
   * Where an item was stored.
   *
   * @param caseId its case
   * @param itemId the item's own id
   * @param alone true when the case holds nothing else (so need not be read back)
   */
  record Placement(long caseId, long itemId, boolean alone) {}

  /** A finding in force: the record published for it. */
  record Published(String recordId, RecordType type) {}

  /** Stores a claim in its case. */
  Placement saveClaim(SubmittedClaim claim);

  /**
   * True when a remittance with this payer, payee, trace number (TRN02), amount and payment date
   * was stored by an earlier transaction set: a re-sent 835 that must produce nothing new.
   */
  boolean isDuplicate(RemittanceHeader remittance);

  /** Stores a claim payment in its case. */
  Placement savePayment(RemittanceHeader remittance, ClaimPayment payment);

  /**
   * Stores what an 835 transaction set says as a whole (provider summaries, PLB) and puts every PLB
   * adjustment that references a claim (PLB03-2) in that claim's case.
   *
   * @return the cases that received an adjustment
   */
  Set<Long> saveRemittanceTrailer(RemittanceTrailer trailer);

  /** Everything stored in a case. */
  CaseFile loadCase(long caseId);

  /** Findings in force in a case, by finding key. */
  Map<String, Published> currentFindings(long caseId);

  /**
   * Records the findings published for a case ({@code caseId} 0: not tied to a case): each added
   * finding replaces the current one with its key; withdrawn keys have no current finding any more.
   */
  void saveFindings(long caseId, List<Finding> added, Collection<String> withdrawnKeys);

  /** Stores a case's lifecycle and net position. */
  void saveLifecycle(long caseId, ClaimLifecycle lifecycle);

  /** Match keys of a claim: CLM01 with the payer, and REF*F8 (the claim it replaces). */
  static List<String> caseKeys(SubmittedClaim c) {
    String payer = RemittanceHeader.payerKey(c.payer().id());
    if (c.payerClaimControlNumber() == null) {
      return List.of(patientKey(c.patientControlNumber(), payer));
    }
    return List.of(
        patientKey(c.patientControlNumber(), payer),
        payerClaimKey(c.payerClaimControlNumber(), payer));
  }

  /** Match keys of a claim payment: CLP01 and CLP07, each with every payer identifier sent. */
  static List<String> caseKeys(RemittanceHeader r, ClaimPayment p) {
    java.util.ArrayList<String> keys = new java.util.ArrayList<>();
    for (String payer : r.payerKeys()) {
      keys.add(patientKey(p.patientControlNumber(), payer));
      if (p.payerClaimControlNumber() != null) {
        keys.add(payerClaimKey(p.payerClaimControlNumber(), payer));
      }
    }
    return List.copyOf(keys);
  }

  /** Match keys of a PLB adjustment's claim reference (CLP07 or CLP01), or none. */
  static List<String> caseKeys(RemittanceHeader r, ProviderAdjustment a) {
    if (a.reference().isEmpty()) {
      return List.of();
    }
    java.util.ArrayList<String> keys = new java.util.ArrayList<>();
    for (String payer : r.payerKeys()) {
      keys.add(patientKey(a.reference(), payer));
      keys.add(payerClaimKey(a.reference(), payer));
    }
    return List.copyOf(keys);
  }

  private static String patientKey(String pcn, String payer) {
    return "C|" + payer + "|" + pcn;
  }

  private static String payerClaimKey(String ccn, String payer) {
    return "P|" + payer + "|" + ccn;
  }
}
