package dev.x12gw.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.classification.Classification;
import dev.x12gw.domain.classification.NoSurprisesAct;
import dev.x12gw.domain.codes.CodeTables;
import dev.x12gw.domain.codes.CodeWarning;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.contract.NetworkDecision;
import dev.x12gw.domain.finding.BalancingException;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.reconcile.Withdrawal;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.Remittances;
import dev.x12gw.domain.remittance.ServicePayment;
import dev.x12gw.x12.X12Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the published JSON records (contract version 1, documented in {@code docs/records.md}).
 * Field names never change; later versions only add fields.
 */
public final class RecordFactory {
  public static final int SCHEMA_VERSION = 1;

  /** Problem codes after which the rest of the file could not be read. */
  private static final Set<String> UNREADABLE =
      Set.of(
          "NOT_X12",
          "ISA_INVALID",
          "NO_TERMINATOR",
          "DELIMITER_COLLISION",
          "DELIMITERS_NOT_SUPPORTED",
          "READ_FAILED");

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private final ObjectMapper mapper =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private final QueueNames queues;
  private final CodeTables codes;

  /** Records without code checks (no code tables). */
  public RecordFactory(QueueNames queues) {
    this(queues, CodeTables.empty());
  }

  /**
   * @param codes the dated code tables every group, CARC, RARC and PLB reason on a record is
   *     checked against
   */
  public RecordFactory(QueueNames queues, CodeTables codes) {
    this.queues = queues;
    this.codes = codes;
  }

  public CodeTables codes() {
    return codes;
  }

  public QueueNames queues() {
    return queues;
  }

  /**
   * The record of a finding.
   *
   * @param supersedes the record id of the finding this one replaces (same subject, older facts),
   *     or null
   * @param classification the finding's classification (denials, underpayments, recoupments), or
   *     null
   */
  public OutboundRecord finding(Finding f, String supersedes, Classification classification) {
    RemittanceHeader remit = f.remittance();
    ClaimPayment p = f.payment();
    SubmittedClaim claim = f.claim();
    LineMatch line = f.line();
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", f.recordId());
    o.put("recordType", f.type().name());
    o.put("patientControlNumber", p != null ? p.patientControlNumber() : null);
    o.put("payerClaimControlNumber", p != null ? p.payerClaimControlNumber() : null);
    o.put("lineControlNumber", line != null ? line.lineControlNumber() : null);
    ObjectNode payer = o.putObject("payer");
    payer.put("id", blankToNull(remit.payer().id()));
    payer.put("name", blankToNull(remit.payer().name()));
    Provider provider = claim != null ? claim.billingProvider() : remit.payee();
    ObjectNode prov = o.putObject("provider");
    prov.put("npi", blankToNull(provider.npi()));
    prov.put("name", blankToNull(provider.name()));
    LocalDate serviceDate = null;
    if (line != null && line.paid().serviceDate() != null) {
      serviceDate = line.paid().serviceDate();
    } else if (p != null) {
      serviceDate = p.serviceDate();
    }
    if (serviceDate == null && claim != null) {
      serviceDate = claim.statementFrom();
    }
    o.put("serviceDate", date(serviceDate));
    ObjectNode rem = o.putObject("remittance");
    rem.put("traceNumber", blankToNull(remit.traceNumber()));
    rem.put("paymentDate", date(remit.paymentDate()));
    rem.put("fileName", remit.source().fileName());
    rem.put("interchangeControlNumber", remit.source().interchangeControlNumber());
    o.put("billedAmount", p != null ? p.billedAmount() : null);
    o.put("paidAmount", p != null ? p.paidAmount() : remit.paymentAmount());
    o.put("patientResponsibilityAmount", p != null ? p.effectivePatientResponsibility() : null);
    adjustments(o.putArray("adjustments"), p != null ? p.allAdjustments() : List.of());
    ArrayNode remarks = o.putArray("remarkCodes");
    if (p != null) {
      p.allRemarkCodes().forEach(remarks::add);
    }
    o.put("claimStatusCode", p != null ? p.statusCode() : null);
    o.put("claimMatched", claim != null);
    ObjectNode detection = o.putObject("detection");
    detection.put("ruleId", f.detection().ruleId());
    detection.put("rationale", f.detection().rationale());
    // contract version 1, added with line-level reconciliation
    o.put("supersedesRecordId", supersedes);
    o.set("adjudication", p != null ? adjudication(p) : null);
    o.set("line", line != null ? line(line) : null);
    o.put("unmatchedLevel", unmatchedLevel(f));
    Underpayment u = f instanceof Underpayment x ? x : null;
    BalancingException b = f instanceof BalancingException x ? x : null;
    o.put(
        "expectedAmount",
        u != null ? u.expectedAmount() : b != null ? b.check().expectedAmount() : null);
    o.put(
        "varianceAmount", u != null ? u.varianceAmount() : b != null ? b.check().variance() : null);
    o.put("underpaymentKind", u != null ? u.kind().name() : null);
    o.set("contract", u != null && u.contract() != null ? contract(u) : null);
    o.set("nsaTarget", u != null && u.nsaTarget() != null ? nsaTarget(u) : null);
    o.set("balancing", b != null ? balancing(b) : null);
    Recoupment r = f instanceof Recoupment x ? x : null;
    o.put("recoupedAmount", r != null ? r.amount() : null);
    o.set("recoupment", r != null ? recoupment(r) : null);
    DenialOverturned d = f instanceof DenialOverturned x ? x : null;
    o.put("recoveredAmount", d != null ? d.recoveredAmount() : null);
    o.put("daysToRecovery", d != null ? d.daysToRecovery() : null);
    o.set("resolution", d != null ? resolution(d) : null);
    // contract version 1, added with denial intelligence
    o.set("classification", classification != null ? classification(classification) : null);
    codeWarnings(o.putArray("codeWarnings"), f);
    // contract version 1, added with networks per provider and payer
    NetworkDecision network = classification != null ? classification.network() : null;
    o.put("network", network != null ? network.network().name() : null);
    o.put("networkBasis", network != null ? network.basis().name() : null);
    o.put("networkSource", network != null ? network.source() : null);
    return new OutboundRecord(
        f.recordId(), f.type().name(), queue(f.type()), remit.payer().id(), write(o));
  }

  /**
   * The record of a finding that no longer holds; it goes to the queue of the record it withdraws.
   */
  public OutboundRecord withdrawal(Withdrawal w) {
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", w.recordId());
    o.put("recordType", RecordType.FINDING_WITHDRAWN.name());
    o.put("withdrawnRecordId", w.withdrawnRecordId());
    o.put("withdrawnRecordType", w.withdrawnType().name());
    o.put("patientControlNumber", w.patientControlNumber());
    ObjectNode payer = o.putObject("payer");
    payer.put("id", blankToNull(w.payer().id()));
    payer.put("name", blankToNull(w.payer().name()));
    ObjectNode detection = o.putObject("detection");
    detection.put("ruleId", w.detection().ruleId());
    detection.put("rationale", w.detection().rationale());
    return new OutboundRecord(
        w.recordId(),
        RecordType.FINDING_WITHDRAWN.name(),
        queue(w.withdrawnType()),
        w.payer().id(),
        write(o));
  }

  /** Every group, CARC, RARC and PLB reason on the record checked against the dated code lists. */
  private void codeWarnings(ArrayNode out, Finding f) {
    RemittanceHeader remit = f.remittance();
    LocalDate used = remit.paymentDate() != null ? remit.paymentDate() : remit.productionDate();
    List<String> groups = new ArrayList<>();
    List<String> carcs = new ArrayList<>();
    List<String> rarcs = new ArrayList<>();
    List<String> plb = new ArrayList<>();
    ClaimPayment p = f.payment();
    if (p != null) {
      for (Adjustment a : p.allAdjustments()) {
        groups.add(a.group());
        carcs.add(a.reason());
      }
      rarcs.addAll(p.allRemarkCodes());
    }
    if (f instanceof Recoupment r && r.providerAdjustment() != null) {
      plb.add(r.providerAdjustment().reason());
    }
    for (CodeWarning w : codes.checkAll(used, groups, carcs, rarcs, plb)) {
      ObjectNode n = out.addObject();
      n.put("codeType", w.kind().name());
      n.put("code", w.code());
      n.put("problem", w.problem().name());
      n.put("usedOn", date(w.usedOn()));
      n.put("startDate", date(w.start()));
      n.put("stopDate", date(w.stop()));
      n.put("list", codes.listName(w.kind()));
      n.put("message", w.message());
    }
  }

  private static ObjectNode classification(Classification c) {
    ObjectNode n = NODES.objectNode();
    n.put("denialFamily", c.denialFamily().name());
    n.put("coreScenario", c.coreScenario());
    n.put("rootCause", c.rootCause().name());
    n.put("preventable", c.preventable());
    n.put("recoveryPathway", c.recoveryPathway().name());
    n.put("ruleId", c.ruleId());
    n.put("rationale", c.rationale());
    ArrayNode evidence = n.putArray("evidence");
    c.evidence().forEach(evidence::add);
    n.put("drivingCode", c.drivingCode());
    n.put("serviceLine", c.serviceLine().name());
    n.put("appealDeadline", date(c.appealDeadline()));
    n.put("appealWindowDays", c.appealWindowDays());
    n.put("amountAtStake", c.amountAtStake());
    n.put("overturnRate", c.overturnRate());
    n.put("overturnRateBasis", c.overturnRateBasis());
    n.put("observedDenials", c.observedDenials());
    n.put("observedOverturned", c.observedOverturned());
    n.put("expectedRecovery", c.expectedRecovery());
    n.put("laborCost", c.laborCost());
    n.put("priority", c.priority());
    NoSurprisesAct nsa = c.noSurprisesAct();
    if (nsa == null) {
      n.putNull("noSurprisesAct");
    } else {
      ObjectNode a = n.putObject("noSurprisesAct");
      a.put("eligible", nsa.eligible());
      ArrayNode basis = a.putArray("basis");
      nsa.basis().forEach(basis::add);
      a.put("network", nsa.network());
      a.put("initialDecisionDate", date(nsa.initialDecisionDate()));
      a.put("openNegotiationDeadline", date(nsa.openNegotiationDeadline()));
      a.put("idrInitiationWindowDays", nsa.idrInitiationWindowDays());
      a.put("idrInitiationOuterDeadline", date(nsa.idrInitiationOuterDeadline()));
      a.put("qpa", nsa.qpa());
      a.put("qpaSource", nsa.qpaSource());
    }
    n.put("disputeBatchKey", c.disputeBatchKey());
    return n;
  }

  /** The queue of a record type. */
  public String queue(RecordType type) {
    return queues.of(type);
  }

  private static void adjustments(ArrayNode out, List<Adjustment> adjustments) {
    for (Adjustment a : adjustments) {
      ObjectNode adj = out.addObject();
      adj.put("level", a.level().name());
      adj.put("group", a.group());
      adj.put("reason", a.reason());
      adj.put("amount", a.amount());
      adj.put("quantity", a.quantity());
    }
  }

  private static String unmatchedLevel(Finding f) {
    if (f.type() != RecordType.UNMATCHED_REMIT) {
      return null;
    }
    return f.line() == null ? "CLAIM" : "LINE";
  }

  /** CLP02 as a payer role, crossover and split. */
  private static ObjectNode adjudication(ClaimPayment p) {
    ObjectNode a = NODES.objectNode();
    String role =
        switch (p.statusCode()) {
          case "1", "19" -> "PRIMARY";
          case "2", "20" -> "SECONDARY";
          case "3", "21" -> "TERTIARY";
          case "4" -> "DENIED";
          case "22" -> "REVERSAL";
          case "23" -> "NOT_OUR_CLAIM";
          case "25" -> "PREDETERMINATION";
          default -> "OTHER";
        };
    a.put("payerRole", role);
    boolean forwarded = List.of("19", "20", "21", "23").contains(p.statusCode());
    a.put("forwarded", forwarded);
    a.put("forwardedTo", p.entity("TT").map(e -> blankToNull(e.lastOrOrganization())).orElse(null));
    a.put("split", Remittances.isSplit(p));
    return a;
  }

  private static ObjectNode line(LineMatch m) {
    ObjectNode l = NODES.objectNode();
    ServicePayment s = m.paid();
    l.put("ordinal", m.ordinal());
    l.put("lineNumber", m.submitted() != null ? m.submitted().lineNumber() : null);
    l.put("procedure", s.procedure().toString());
    l.put(
        "submittedProcedure",
        s.submittedProcedure() != null ? s.submittedProcedure().toString() : null);
    l.put("serviceDate", date(s.serviceDate()));
    l.put("chargeAmount", s.chargeAmount());
    l.put("paidAmount", s.paidAmount());
    l.put("allowedAmount", s.allowedAmount());
    l.put("unitsPaid", s.unitsPaid());
    l.put("unitsSubmitted", m.submitted() != null ? m.submitted().units() : s.submittedUnits());
    l.put("matchMethod", m.method().name());
    adjustments(l.putArray("adjustments"), s.adjustments());
    ArrayNode remarks = l.putArray("remarkCodes");
    s.remarkCodes().forEach(remarks::add);
    return l;
  }

  private static ObjectNode contract(Underpayment u) {
    ObjectNode c = NODES.objectNode();
    ContractRate rate = u.contract();
    c.put("payerId", rate.payerId());
    c.put("procedureCode", rate.procedureCode());
    c.put("modifier", blankToNull(rate.modifier()));
    c.put("allowedAmount", rate.allowedAmount());
    c.put("units", u.units());
    c.put("effectiveFrom", date(rate.effectiveFrom()));
    c.put("effectiveTo", date(rate.effectiveTo()));
    c.put("source", rate.source());
    c.put("actualAmount", u.actualAmount());
    c.put("billingNpi", blankToNull(rate.provider().npi()));
    c.put("billingTin", blankToNull(rate.provider().tin()));
    return c;
  }

  private static ObjectNode nsaTarget(Underpayment u) {
    ObjectNode n = NODES.objectNode();
    n.put("basis", u.nsaTarget().basis().name());
    n.put(
        "percentOfBilled",
        u.nsaTarget().basis() == NsaPolicy.TargetBasis.PERCENT_OF_BILLED
            ? u.nsaTarget().percent()
            : null);
    n.put(
        "referenceAmount",
        u.nsaTarget().reference() != null ? u.nsaTarget().reference().allowedAmount() : null);
    n.put(
        "referenceSource",
        u.nsaTarget().reference() != null ? u.nsaTarget().reference().source() : null);
    n.put("units", u.units());
    n.put("targetAmount", u.nsaTarget().amount());
    n.put("actualAmount", u.actualAmount());
    return n;
  }

  private static ObjectNode balancing(BalancingException b) {
    ObjectNode n = NODES.objectNode();
    n.put("level", b.check().level().name());
    n.put("lineOrdinal", b.check().lineOrdinal() > 0 ? b.check().lineOrdinal() : null);
    n.put("expectedAmount", b.check().expectedAmount());
    n.put("actualAmount", b.check().actualAmount());
    n.put("varianceAmount", b.check().variance());
    return n;
  }

  private static ObjectNode recoupment(Recoupment r) {
    ObjectNode n = NODES.objectNode();
    n.put("kind", r.kind().name());
    n.put("amount", r.amount());
    n.put("reversedPaidAmount", r.reversed() != null ? r.reversed().paidAmount() : null);
    n.put(
        "reversedTraceNumber",
        r.reversedRemittance() != null ? blankToNull(r.reversedRemittance().traceNumber()) : null);
    n.put(
        "reversedPaymentDate",
        r.reversedRemittance() != null ? date(r.reversedRemittance().paymentDate()) : null);
    n.put("correctionPaidAmount", r.correction() != null ? r.correction().paidAmount() : null);
    n.put(
        "correctionPayerClaimControlNumber",
        r.correction() != null ? r.correction().payerClaimControlNumber() : null);
    n.put("voidedByProvider", r.voidedByProvider());
    ProviderAdjustment a = r.providerAdjustment();
    if (a == null) {
      n.putNull("providerAdjustment");
    } else {
      ObjectNode plb = n.putObject("providerAdjustment");
      plb.put("reason", a.reason());
      plb.put("reference", blankToNull(a.reference()));
      plb.put("amount", a.amount());
      plb.put("fiscalPeriodEnd", date(a.fiscalPeriodEnd()));
    }
    return n;
  }

  private static ObjectNode resolution(DenialOverturned d) {
    ObjectNode n = NODES.objectNode();
    n.put("deniedRecordId", d.deniedRecordId());
    n.put("deniedOn", date(d.deniedOn()));
    n.put("recoveredOn", date(d.recoveredOn()));
    n.put("recoveredAmount", d.recoveredAmount());
    n.put("daysToRecovery", d.daysToRecovery());
    return n;
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /**
   * The record of a defect found while reading a file.
   *
   * @param transactionsAccepted how many transaction sets of the file were accepted (decides
   *     whether an unreadable file lost everything or only its remainder)
   */
  public OutboundRecord problem(
      X12Problem problem, String fileName, String sha256, int transactionsAccepted) {
    RecordType recordType = problem.isError() ? RecordType.INTAKE_ERROR : RecordType.INTAKE_WARNING;
    String type = recordType.name();
    String id =
        RecordIds.of(
            type,
            sha256,
            problem.code(),
            problem.interchangeControlNumber(),
            problem.groupControlNumber(),
            problem.transactionControlNumber(),
            String.valueOf(problem.fileSegmentPosition()),
            String.valueOf(problem.elementPosition()),
            problem.message());
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", id);
    o.put("recordType", type);
    o.put("severity", problem.severity().name());
    o.put("code", problem.code());
    o.put("message", problem.message());
    o.put("disposition", disposition(problem, transactionsAccepted));
    o.put("fileName", fileName);
    o.put("fileSha256", sha256);
    o.put("interchangeControlNumber", blankToNull(problem.interchangeControlNumber()));
    o.put("groupControlNumber", blankToNull(problem.groupControlNumber()));
    o.put("transactionControlNumber", blankToNull(problem.transactionControlNumber()));
    o.put("segmentPosition", problem.segmentPosition() > 0 ? problem.segmentPosition() : null);
    o.put(
        "fileSegmentPosition",
        problem.fileSegmentPosition() > 0 ? problem.fileSegmentPosition() : null);
    o.put("segmentId", blankToNull(problem.segmentId()));
    o.put("elementPosition", problem.elementPosition() > 0 ? problem.elementPosition() : null);
    return new OutboundRecord(id, type, queues.of(recordType), "", write(o));
  }

  /**
   * The record of a payer pattern. Its id is derived from what the pattern is about (payer, family,
   * service line, category, comparison, period) and its counts, so the same pattern detected again
   * (every detection run, every node) is the same record, and new counts for the same period (late
   * remittances) give a new one.
   */
  public OutboundRecord payerPattern(dev.x12gw.domain.controlroom.PayerPattern p) {
    String type = RecordType.PAYER_PATTERN.name();
    String id =
        RecordIds.of(
            type,
            p.payerId(),
            p.family().name(),
            p.serviceLine().name(),
            p.category().name(),
            p.comparison().name(),
            p.period().toString(),
            String.valueOf(p.findings()),
            String.valueOf(p.volume()),
            String.valueOf(p.referenceFindings()),
            String.valueOf(p.referenceVolume()));
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", id);
    o.put("recordType", type);
    o.put("payerId", p.payerId());
    o.put("denialFamily", p.family().name());
    o.put("serviceLine", p.serviceLine().name());
    o.put("category", p.category().name());
    o.put("comparison", p.comparison().name());
    o.put("period", p.period().toString());
    o.put("referenceFrom", p.referenceFrom().toString());
    o.put("referenceTo", p.referenceTo().toString());
    o.put("findings", p.findings());
    o.put("volume", p.volume());
    o.put("rate", p.rate());
    o.put("findingDollars", p.findingDollars());
    o.put("referenceFindings", p.referenceFindings());
    o.put("referenceVolume", p.referenceVolume());
    o.put("referenceRate", p.referenceRate());
    o.put("lift", p.lift());
    o.put("z", Math.round(p.z() * 10_000) / 10_000.0);
    o.put("pValue", p.pValue());
    o.put("significanceLevel", p.level());
    o.put("comparisons", p.comparisons());
    o.put("test", "one-sided two-proportion z-test, pooled");
    o.put("explanation", p.explanation());
    ArrayNode ids = o.putArray("recordIds");
    p.recordIds().forEach(ids::add);
    return new OutboundRecord(id, type, queues.of(RecordType.PAYER_PATTERN), p.payerId(), write(o));
  }

  /**
   * The record of an outgoing claim the scrubber held: the claim, where it came from, and every
   * finding with its rule, segment and the CARC it would have brought. Its id is the file's content
   * and the claim's place in it, so a file scrubbed again (a retry) gives the same record.
   */
  public OutboundRecord claimHeld(
      String fileSha256,
      int claimIndex,
      long heldClaimId,
      String mode,
      dev.x12gw.domain.claim.SubmittedClaim claim,
      java.util.List<dev.x12gw.domain.scrub.ScrubFinding> findings) {
    return scrubbed(
        RecordType.CLAIM_HELD, fileSha256, claimIndex, heldClaimId, mode, claim, findings);
  }

  /**
   * The record of an outgoing claim the scrubber forwarded with findings: warnings in {@code
   * enforce} mode, anything in {@code advise} mode. Same shape as {@link #claimHeld}, {@code
   * heldClaimId} null.
   */
  public OutboundRecord claimScrubbed(
      String fileSha256,
      int claimIndex,
      String mode,
      dev.x12gw.domain.claim.SubmittedClaim claim,
      java.util.List<dev.x12gw.domain.scrub.ScrubFinding> findings) {
    return scrubbed(RecordType.CLAIM_SCRUBBED, fileSha256, claimIndex, null, mode, claim, findings);
  }

  private OutboundRecord scrubbed(
      RecordType recordType,
      String fileSha256,
      int claimIndex,
      Long heldClaimId,
      String mode,
      dev.x12gw.domain.claim.SubmittedClaim claim,
      java.util.List<dev.x12gw.domain.scrub.ScrubFinding> findings) {
    String type = recordType.name();
    String id = RecordIds.of(type, fileSha256, String.valueOf(claimIndex));
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", id);
    o.put("recordType", type);
    if (heldClaimId == null) {
      o.putNull("heldClaimId");
    } else {
      o.put("heldClaimId", heldClaimId);
    }
    o.put("mode", mode);
    o.put("patientControlNumber", claim.patientControlNumber());
    ObjectNode payer = o.putObject("payer");
    payer.put("id", claim.payer().id());
    payer.put("name", claim.payer().name());
    ObjectNode provider = o.putObject("provider");
    provider.put("npi", claim.billingProvider().npi());
    provider.put("name", claim.billingProvider().name());
    o.put("totalCharge", claim.totalCharge());
    if (claim.statementFrom() != null) {
      o.put("serviceDate", claim.statementFrom().toString());
    } else {
      o.putNull("serviceDate");
    }
    ObjectNode source = o.putObject("source");
    source.put("fileName", claim.source().fileName());
    source.put("interchangeControlNumber", claim.source().interchangeControlNumber());
    source.put("groupControlNumber", claim.source().groupControlNumber());
    source.put("transactionControlNumber", claim.source().transactionControlNumber());
    ArrayNode list = o.putArray("findings");
    for (dev.x12gw.domain.scrub.ScrubFinding f : findings) {
      ObjectNode n = list.addObject();
      n.put("ruleId", f.rule().id());
      n.put("kind", f.rule().kind().name());
      n.put("severity", f.severity().name());
      n.put("carc", f.rule().carc());
      if (f.rule().rarc().isEmpty()) {
        n.putNull("rarc");
      } else {
        n.put("rarc", f.rule().rarc());
      }
      n.put("lineNumber", f.lineNumber());
      n.put("segmentPosition", f.segmentPosition());
      n.put("element", f.element());
      n.put("value", f.value());
      n.put("message", f.message());
      n.put("rationale", f.rule().rationale());
    }
    return new OutboundRecord(id, type, queues.of(recordType), claim.payer().id(), write(o));
  }

  /**
   * The record of a scrub rule learned from denials: the rule, its evidence and its row for {@code
   * payer-rules.csv}. Its id is the rule id, so a rule suggested again (the next learning run, by
   * this node or another) is not published twice.
   */
  public OutboundRecord scrubRuleSuggested(dev.x12gw.domain.scrub.SuggestedRule s) {
    String type = RecordType.SCRUB_RULE_SUGGESTED.name();
    dev.x12gw.domain.scrub.ScrubRule rule = s.rule();
    String id = RecordIds.of(type, rule.id());
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", id);
    o.put("recordType", type);
    o.put("ruleId", rule.id());
    o.put("kind", rule.kind().name());
    o.put("payerId", rule.payerId());
    if (rule.procedureFrom().isEmpty()) {
      o.putNull("procedure");
    } else {
      o.put("procedure", rule.procedureFrom());
    }
    if (rule.value().isEmpty()) {
      o.putNull("value");
    } else {
      o.put("value", rule.value());
    }
    o.put("carc", rule.carc());
    o.put("severity", rule.severity().name());
    ObjectNode evidence = o.putObject("evidence");
    evidence.put("denials", s.denials());
    evidence.put("volume", s.volume());
    evidence.put("rate", Math.round(s.rate() * 10_000) / 10_000.0);
    evidence.put("deniedDollars", s.deniedDollars().setScale(2, java.math.RoundingMode.HALF_UP));
    ArrayNode examples = evidence.putArray("exampleClaims");
    s.exampleClaims().forEach(examples::add);
    o.put("rationale", rule.rationale());
    o.put("csvRow", s.csvRow());
    return new OutboundRecord(
        id, type, queues.of(RecordType.SCRUB_RULE_SUGGESTED), rule.payerId(), write(o));
  }

  /** What happened to the data a problem concerns. */
  static String disposition(X12Problem p, int transactionsAccepted) {
    if (!p.isError()) {
      return "ACCEPTED";
    }
    if (UNREADABLE.contains(p.code())) {
      return transactionsAccepted == 0 ? "FILE_QUARANTINED" : "REMAINDER_QUARANTINED";
    }
    if (!p.transactionControlNumber().isEmpty()) {
      return "TRANSACTION_QUARANTINED";
    }
    return "SEGMENT_IGNORED";
  }

  private String write(ObjectNode o) {
    try {
      return mapper.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize record", e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
