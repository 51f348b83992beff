package dev.x12gw.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.x12gw.domain.Adjustment;
import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.Finding;
import dev.x12gw.domain.Provider;
import dev.x12gw.domain.RecordIds;
import dev.x12gw.domain.RecordType;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.SubmittedClaim;
import dev.x12gw.x12.X12Problem;
import java.time.LocalDate;
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

  public RecordFactory(QueueNames queues) {
    this.queues = queues;
  }

  public QueueNames queues() {
    return queues;
  }

  /** The record of a finding about a claim payment. */
  public OutboundRecord finding(Finding f) {
    RemittanceHeader remit = f.remittance();
    ClaimPayment p = f.payment();
    SubmittedClaim claim = f.claim();
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("recordId", f.recordId());
    o.put("recordType", f.type().name());
    o.put("patientControlNumber", p.patientControlNumber());
    o.put("payerClaimControlNumber", p.payerClaimControlNumber());
    o.putNull("lineControlNumber");
    ObjectNode payer = o.putObject("payer");
    payer.put("id", blankToNull(remit.payer().id()));
    payer.put("name", blankToNull(remit.payer().name()));
    Provider provider = claim != null ? claim.billingProvider() : remit.payee();
    ObjectNode prov = o.putObject("provider");
    prov.put("npi", blankToNull(provider.npi()));
    prov.put("name", blankToNull(provider.name()));
    LocalDate serviceDate = p.serviceDate();
    if (serviceDate == null && claim != null) {
      serviceDate = claim.statementFrom();
    }
    o.put("serviceDate", serviceDate == null ? null : serviceDate.toString());
    ObjectNode rem = o.putObject("remittance");
    rem.put("traceNumber", blankToNull(remit.traceNumber()));
    rem.put("paymentDate", remit.paymentDate() == null ? null : remit.paymentDate().toString());
    rem.put("fileName", remit.source().fileName());
    rem.put("interchangeControlNumber", remit.source().interchangeControlNumber());
    o.put("billedAmount", p.billedAmount());
    o.put("paidAmount", p.paidAmount());
    o.put("patientResponsibilityAmount", p.effectivePatientResponsibility());
    ArrayNode adjustments = o.putArray("adjustments");
    for (Adjustment a : p.allAdjustments()) {
      ObjectNode adj = adjustments.addObject();
      adj.put("level", a.level().name());
      adj.put("group", a.group());
      adj.put("reason", a.reason());
      adj.put("amount", a.amount());
      adj.put("quantity", a.quantity());
    }
    ArrayNode remarks = o.putArray("remarkCodes");
    p.allRemarkCodes().forEach(remarks::add);
    o.put("claimStatusCode", p.statusCode());
    o.put("claimMatched", claim != null);
    ObjectNode detection = o.putObject("detection");
    detection.put("ruleId", f.detection().ruleId());
    detection.put("rationale", f.detection().rationale());
    String queue =
        f.type() == RecordType.CLAIM_DENIAL ? queues.denials() : queues.unmatchedRemits();
    return new OutboundRecord(f.recordId(), f.type().name(), queue, remit.payer().id(), write(o));
  }

  /**
   * The record of a defect found while reading a file.
   *
   * @param transactionsAccepted how many transaction sets of the file were accepted (decides
   *     whether an unreadable file lost everything or only its remainder)
   */
  public OutboundRecord problem(
      X12Problem problem, String fileName, String sha256, int transactionsAccepted) {
    String type = problem.isError() ? "INTAKE_ERROR" : "INTAKE_WARNING";
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
    return new OutboundRecord(id, type, queues.errors(), "", write(o));
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
