package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.port.ClaimRepository;
import java.util.Objects;

/**
 * A published finding that no longer holds: later claims or remittances of its case explain it away
 * (the 837 claim of an unmatched remittance arrived; a correction paid back what a reversal took).
 * Consumers drop the withdrawn record.
 *
 * @param recordId id of the withdrawal itself (derived from the withdrawn record's id)
 * @param withdrawnRecordId the record that no longer holds
 * @param withdrawnType its type (the withdrawal goes to the same queue)
 * @param patientControlNumber CLM01 of the case's current claim, else CLP01 of its first payment
 * @param payer the payer of the case
 * @param detection why it no longer holds
 */
public record Withdrawal(
    String recordId,
    String withdrawnRecordId,
    RecordType withdrawnType,
    String patientControlNumber,
    Party payer,
    Detection detection) {
  public static final String RULE_WITHDRAWN = "FINDING_NO_LONGER_HOLDS";

  public Withdrawal {
    recordId = Text.requireText(recordId, "record id");
    withdrawnRecordId = Text.requireText(withdrawnRecordId, "withdrawn record id");
    Objects.requireNonNull(withdrawnType, "withdrawn type");
    patientControlNumber = Text.orNull(patientControlNumber);
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(detection, "detection");
  }

  /** The withdrawal of {@code published}, in the words of its case now. */
  static Withdrawal of(ClaimRepository.Published published, CaseFile file) {
    String pcn = null;
    Party payer = new Party("", "");
    if (!file.claims().isEmpty()) {
      SubmittedClaim c = file.claims().stream().max(CaseMatcher.CLAIM_ORDER).orElseThrow().claim();
      pcn = c.patientControlNumber();
      payer = c.payer();
    } else if (!file.payments().isEmpty()) {
      CaseFile.CasePayment p =
          file.payments().stream().min(CaseMatcher.PAYMENT_ORDER).orElseThrow();
      pcn = p.payment().patientControlNumber();
      payer = p.remittance().payer();
    }
    String why =
        switch (published.type()) {
          case UNMATCHED_REMIT ->
              "The 837 claim (or service line) this remittance answers has"
                  + " been received: the remittance is matched.";
          case RECOUPMENT ->
              "A later payment of the claim paid back what was taken: nothing is"
                  + " recouped any more.";
          case UNDERPAYMENT ->
              "The payment was reversed or is now compared with the claim as"
                  + " submitted, and is no longer below contract.";
          default -> "Later claims or remittances of this claim mean the finding no longer holds.";
        };
    return new Withdrawal(
        RecordIds.of("WITHDRAWN", published.recordId()),
        published.recordId(),
        published.type(),
        pcn,
        payer,
        new Detection(RULE_WITHDRAWN, why));
  }
}
