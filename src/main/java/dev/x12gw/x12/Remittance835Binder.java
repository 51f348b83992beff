package dev.x12gw.x12;

import dev.x12gw.domain.Adjustment;
import dev.x12gw.domain.AdjustmentLevel;
import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.Party;
import dev.x12gw.domain.Procedure;
import dev.x12gw.domain.Provider;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.ServicePayment;
import dev.x12gw.domain.SourceRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 005010X221A1 835 health care claim payment/advice: binds BPR, TRN, loops 1000A/1000B, 2100 CLP
 * and 2110 SVC (with CAS, MIA/MOA and LQ remarks, DTM dates, REF*6R, AMT*B6) to domain records.
 */
public final class Remittance835Binder implements TransactionBinder {
  private enum Area {
    HEADER,
    PAYER,
    PAYEE,
    CLAIM,
    LINE,
    TRAILER
  }

  private final Transaction transaction;
  private final SourceRef source;
  private final BindingSink sink;
  private Area area = Area.HEADER;
  private int position;

  private BigDecimal paymentAmount;
  private LocalDate paymentDate;
  private String traceNumber = "";
  private String originatorId = "";
  private String payerName = "";
  private String payerN104 = "";
  private String payer2U = "";
  private String payeeName = "";
  private String payeeNpi = "";
  private RemittanceHeader header;

  private ClaimState claim;
  private LineState line;
  private int ordinal;

  public Remittance835Binder(Transaction transaction, SourceRef source, BindingSink sink) {
    this.transaction = transaction;
    this.source = source;
    this.sink = sink;
  }

  @Override
  public void segment(Segment s, int position) throws X12BindingException {
    this.position = position;
    switch (s.id()) {
      case "BPR" -> {
        paymentAmount = Elements.amount(s, 2);
        paymentDate = Elements.lenientDate(s, 16, transaction, position);
      }
      case "TRN" -> {
        if (traceNumber.isEmpty()) {
          traceNumber = s.element(2).trim();
          originatorId = s.element(3).trim();
        }
      }
      case "N1" -> party(s);
      case "REF" -> ref(s);
      case "LX" -> {
        closeClaim();
        area = Area.HEADER;
      }
      case "CLP" -> {
        closeClaim();
        openClaim(s);
      }
      case "CAS" -> cas(s);
      case "MIA" -> {
        if (claim != null) {
          for (int n : new int[] {5, 20, 21, 22, 23}) {
            addRemark(claim.remarks, s.element(n));
          }
        }
      }
      case "MOA" -> {
        if (claim != null) {
          for (int n = 3; n <= 7; n++) {
            addRemark(claim.remarks, s.element(n));
          }
        }
      }
      case "DTM" -> dtm(s);
      case "SVC" -> {
        if (claim == null) {
          throw new X12BindingException("SEGMENT_OUT_OF_PLACE", "SVC before any CLP", 0);
        }
        closeLine();
        openLine(s);
      }
      case "AMT" -> {
        if (area == Area.LINE && "B6".equals(s.element(1).trim())) {
          line.allowed = Elements.optionalAmount(s, 2);
        }
      }
      case "LQ" -> {
        if (area == Area.LINE && "HE".equals(s.element(1).trim())) {
          addRemark(line.remarks, s.element(2));
        }
      }
      case "PLB" -> {
        closeClaim();
        area = Area.TRAILER;
      }
      default -> {
        // TS3, TS2, NM1, PER, QTY, CUR, RDM and others: not needed for matching yet
      }
    }
  }

  @Override
  public void end() throws X12BindingException {
    closeClaim();
  }

  private void party(Segment s) {
    String code = s.element(1).trim();
    if ("PR".equals(code)) {
      area = Area.PAYER;
      payerName = s.element(2).trim();
      payerN104 = s.element(4).trim();
    } else if ("PE".equals(code)) {
      area = Area.PAYEE;
      payeeName = s.element(2).trim();
      if ("XX".equals(s.element(3).trim())) {
        payeeNpi = s.element(4).trim();
      }
    }
  }

  private void ref(Segment s) {
    String q = s.element(1).trim();
    if (area == Area.PAYER && "2U".equals(q)) {
      payer2U = s.element(2).trim();
    } else if (area == Area.LINE && "6R".equals(q)) {
      line.controlNumber = s.element(2).trim();
    }
  }

  private void dtm(Segment s) {
    String q = s.element(1).trim();
    if (area == Area.CLAIM) {
      if ("232".equals(q)) {
        claim.from = Elements.lenientDate(s, 2, transaction, position);
      } else if ("233".equals(q)) {
        claim.to = Elements.lenientDate(s, 2, transaction, position);
      }
    } else if (area == Area.LINE) {
      if ("472".equals(q) || ("150".equals(q) && line.serviceDate == null)) {
        line.serviceDate = Elements.lenientDate(s, 2, transaction, position);
      }
    }
  }

  private void cas(Segment s) throws X12BindingException {
    List<Adjustment> target;
    AdjustmentLevel level;
    if (area == Area.LINE) {
      target = line.adjustments;
      level = AdjustmentLevel.LINE;
    } else if (area == Area.CLAIM) {
      target = claim.adjustments;
      level = AdjustmentLevel.CLAIM;
    } else {
      throw new X12BindingException("SEGMENT_OUT_OF_PLACE", "CAS outside a CLP or SVC loop", 0);
    }
    String group = Elements.text(s, 1);
    for (int n = 2; n <= 17; n += 3) {
      String reason = s.element(n).trim();
      if (reason.isEmpty()) {
        if (!s.element(n + 1).isBlank()) {
          throw new X12BindingException(
              "MISSING_ELEMENT", "CAS" + String.format("%02d", n) + " reason code is required", n);
        }
        continue;
      }
      target.add(
          new Adjustment(
              level, group, reason, Elements.amount(s, n + 1), Elements.optionalAmount(s, n + 2)));
    }
  }

  private void openClaim(Segment s) throws X12BindingException {
    if (paymentAmount == null) {
      throw new X12BindingException("MISSING_SEGMENT", "CLP before BPR", 0);
    }
    if (header == null) {
      header = header();
    }
    area = Area.CLAIM;
    claim = new ClaimState();
    claim.pcn = Elements.text(s, 1);
    claim.status = Elements.text(s, 2);
    claim.billed = Elements.amount(s, 3);
    claim.paid = Elements.amount(s, 4);
    claim.patientResponsibility = Elements.optionalAmount(s, 5);
    claim.filing = s.element(6).trim();
    claim.payerClaimControlNumber = s.element(7).trim();
    claim.facility = s.element(8).trim();
    claim.frequency = s.element(9).trim();
  }

  private void openLine(Segment s) throws X12BindingException {
    area = Area.LINE;
    line = new LineState();
    line.procedure = Elements.procedure(s, 1, transaction, position);
    line.charge = Elements.amount(s, 2);
    line.paid = Elements.amount(s, 3);
    line.revenueCode = s.element(4).trim();
    line.units = Elements.optionalAmount(s, 5);
    line.submittedProcedure = Elements.optionalProcedure(s, 6, transaction, position);
    line.submittedUnits = Elements.optionalAmount(s, 7);
  }

  private void closeLine() {
    if (line != null) {
      claim.lines.add(
          new ServicePayment(
              line.procedure,
              line.charge,
              line.paid,
              line.revenueCode,
              line.units,
              line.submittedProcedure,
              line.submittedUnits,
              line.serviceDate,
              line.controlNumber,
              line.allowed,
              line.adjustments,
              List.copyOf(line.remarks)));
      line = null;
    }
  }

  private void closeClaim() {
    closeLine();
    if (claim != null) {
      ClaimState c = claim;
      claim = null;
      sink.payment(
          header,
          new ClaimPayment(
              c.pcn,
              c.status,
              c.billed,
              c.paid,
              c.patientResponsibility,
              c.filing,
              c.payerClaimControlNumber,
              c.facility,
              c.frequency,
              c.from,
              c.to,
              c.adjustments,
              List.copyOf(c.remarks),
              c.lines,
              ++ordinal));
    }
  }

  private RemittanceHeader header() {
    Set<String> keys = new LinkedHashSet<>();
    for (String id : new String[] {payer2U, payerN104, originatorId}) {
      String key = RemittanceHeader.payerKey(id);
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    // TRN03 is '1' followed by the payer's EIN: the EIN alone is what 837s tend to carry.
    if (originatorId.length() == 10 && originatorId.startsWith("1")) {
      keys.add(originatorId.substring(1));
    }
    String payerId = !payer2U.isEmpty() ? payer2U : !payerN104.isEmpty() ? payerN104 : originatorId;
    return new RemittanceHeader(
        traceNumber,
        paymentDate,
        paymentAmount,
        new Party(payerId, payerName),
        keys,
        new Provider(payeeNpi, payeeName),
        source);
  }

  private static void addRemark(LinkedHashSet<String> remarks, String code) {
    String c = code.trim();
    if (!c.isEmpty()) {
      remarks.add(c);
    }
  }

  private static final class ClaimState {
    String pcn;
    String status;
    BigDecimal billed;
    BigDecimal paid;
    BigDecimal patientResponsibility;
    String filing;
    String payerClaimControlNumber;
    String facility;
    String frequency;
    LocalDate from;
    LocalDate to;
    final List<Adjustment> adjustments = new ArrayList<>(4);
    final LinkedHashSet<String> remarks = new LinkedHashSet<>(2);
    final List<ServicePayment> lines = new ArrayList<>(6);
  }

  private static final class LineState {
    Procedure procedure;
    BigDecimal charge;
    BigDecimal paid;
    String revenueCode;
    BigDecimal units;
    Procedure submittedProcedure;
    BigDecimal submittedUnits;
    LocalDate serviceDate;
    String controlNumber;
    BigDecimal allowed;
    final List<Adjustment> adjustments = new ArrayList<>(4);
    final LinkedHashSet<String> remarks = new LinkedHashSet<>(2);
  }
}
