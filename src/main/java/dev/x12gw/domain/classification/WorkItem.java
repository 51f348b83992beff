package dev.x12gw.domain.classification;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 835 loop 2100 CLP (and 2110 SVC for a line): a classified finding as the control room's worklist
 * and KPIs see it — who, what, which code drove it, what to do, by when and what it is worth.
 *
 * @param recordType the finding's record type ({@code CLAIM_DENIAL}, {@code LINE_DENIAL}, ...)
 * @param caseId the claim case, 0 when none
 * @param payerName the payer's name (loop 1000A N1*PR), may be empty
 * @param billingNpi the 837 billing provider's NPI, else the 835 payee's; may be empty
 * @param billingName the billing provider's (else the payee's) name; may be empty
 * @param claimRef CLP01, the provider's patient control number
 * @param payerClaimNumber CLP07, may be empty
 * @param lineNumber the SVC's position within its CLP for a line finding, else 0
 * @param procedureCode the procedure as submitted (line), or the claim's first line's; may be empty
 * @param drivingCode group-CARC of the driving adjustment ({@code CO-197}), {@code PLB WO}, or
 *     empty
 * @param carc the CARC of the driving adjustment ({@code 197}), or empty
 * @param ruleId the classification rule that fired
 * @param rootCause where the defect entered
 * @param preventable whether the provider could have avoided it
 * @param pathway what to do next
 * @param laborCost the configured cost of working the pathway
 * @param priority expected recovery − labor cost
 * @param appealDeadline last day to appeal, or null
 * @param negotiationDeadline No Surprises Act open negotiation deadline, or null
 * @param idrDeadline No Surprises Act federal IDR initiation outer deadline, or null
 */
public record WorkItem(
    String recordType,
    long caseId,
    String payerName,
    String billingNpi,
    String billingName,
    String claimRef,
    String payerClaimNumber,
    int lineNumber,
    String procedureCode,
    String drivingCode,
    String carc,
    String ruleId,
    RootCause rootCause,
    boolean preventable,
    RecoveryPathway pathway,
    BigDecimal laborCost,
    BigDecimal priority,
    LocalDate appealDeadline,
    LocalDate negotiationDeadline,
    LocalDate idrDeadline) {
  public WorkItem {
    recordType = Text.requireText(recordType, "record type");
    if (caseId < 0 || lineNumber < 0) {
      throw new IllegalArgumentException("case id and line number must not be negative");
    }
    payerName = Text.orEmpty(payerName);
    billingNpi = Text.orEmpty(billingNpi);
    billingName = Text.orEmpty(billingName);
    claimRef = Text.orEmpty(claimRef);
    payerClaimNumber = Text.orEmpty(payerClaimNumber);
    procedureCode = Text.orEmpty(procedureCode);
    drivingCode = Text.orEmpty(drivingCode);
    carc = Text.orEmpty(carc);
    ruleId = Text.requireText(ruleId, "rule id");
    Objects.requireNonNull(rootCause, "root cause");
    Objects.requireNonNull(pathway, "pathway");
    Objects.requireNonNull(laborCost, "labor cost");
    Objects.requireNonNull(priority, "priority");
  }

  /** The work item of finding {@code f} of case {@code caseId}, classified as {@code c}. */
  public static WorkItem of(long caseId, Finding f, Classification c) {
    RemittanceHeader remit = f.remittance();
    String npi;
    String name;
    if (f.claim() != null) {
      npi = f.claim().billingProvider().npi();
      name = f.claim().billingProvider().name();
    } else {
      npi = remit.payee() != null ? remit.payee().npi() : "";
      name = remit.payee() != null ? remit.payee().name() : "";
    }
    String procedure = "";
    if (f.line() != null) {
      procedure = f.line().submittedProcedure().code();
    } else if (f.claim() != null && !f.claim().lines().isEmpty()) {
      procedure = f.claim().lines().get(0).procedure().code();
    } else if (f.payment() != null && !f.payment().lines().isEmpty()) {
      procedure = f.payment().lines().get(0).procedure().code();
    }
    String driving = c.drivingCode() == null ? "" : c.drivingCode();
    int dash = driving.indexOf('-');
    String carc = dash > 0 && !driving.startsWith("PLB") ? driving.substring(dash + 1) : "";
    NoSurprisesAct nsa = c.noSurprisesAct();
    return new WorkItem(
        f.type().name(),
        caseId,
        remit.payer().name(),
        npi,
        name,
        f.payment() != null ? f.payment().patientControlNumber() : "",
        f.payment() != null ? f.payment().payerClaimControlNumber() : "",
        f.line() != null ? f.line().ordinal() : 0,
        procedure,
        driving,
        carc,
        c.ruleId(),
        c.rootCause(),
        c.preventable(),
        c.recoveryPathway(),
        c.laborCost(),
        c.priority(),
        c.appealDeadline(),
        nsa != null ? nsa.openNegotiationDeadline() : null,
        nsa != null ? nsa.idrInitiationOuterDeadline() : null);
  }
}
