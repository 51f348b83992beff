package dev.x12gw.x12;

import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.EntityName;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.MedicareAdjudication;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.ProviderSummary;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import dev.x12gw.domain.remittance.ServicePayment;
import dev.x12gw.domain.remittance.SummaryFigure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 005010X221A1 835 health care claim payment/advice: binds BPR, TRN, DTM*405, loops 1000A/1000B
 * (N1*PR, N1*PE with their REF), loop 2000 LX/TS3, loop 2100 CLP (all elements) with CAS, NM1 (QC,
 * IL, 74, 82, TT, PR), MIA, MOA, DTM, AMT, QTY and REF, loop 2110 SVC (SVC06/07 included) with
 * DTM*472/150/151, CAS, REF, AMT, QTY and LQ, and PLB (every pair).
 */
public final class Remittance835Binder implements TransactionBinder {
  private enum Area {
    HEADER,
    PAYER,
    PAYEE,
    SUMMARY,
    CLAIM,
    LINE,
    TRAILER
  }

  private static final int[] MIA_REMARKS = {5, 20, 21, 22, 23};
  private static final int[] MOA_REMARKS = {3, 4, 5, 6, 7};

  private final Transaction transaction;
  private final SourceRef source;
  private final BindingSink sink;
  private Area area = Area.HEADER;
  private int position;

  private String handlingCode = "";
  private BigDecimal paymentAmount;
  private String creditDebit = "";
  private String paymentMethod = "";
  private LocalDate paymentDate;
  private LocalDate productionDate;
  private String traceNumber = "";
  private String originatorId = "";
  private String payerName = "";
  private String payerN104 = "";
  private final Map<String, String> payerReferences = new LinkedHashMap<>();
  private String payeeName = "";
  private String payeeQualifier = "";
  private String payeeId = "";
  private final Map<String, String> payeeReferences = new LinkedHashMap<>();
  private RemittanceHeader header;

  private final List<ProviderSummary> summaries = new ArrayList<>();
  private final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();
  private String headerNumber = "";
  private final SegmentTrail trail = new SegmentTrail();
  private ClaimState claim;
  private LineState line;
  private int ordinal;
  private java.math.BigDecimal paidTotal = dev.x12gw.domain.Money.ZERO;

  public Remittance835Binder(Transaction transaction, SourceRef source, BindingSink sink) {
    this.transaction = transaction;
    this.source = source;
    this.sink = sink;
  }

  @Override
  public void segment(Segment s, int position) throws X12BindingException {
    this.position = position;
    bind(s);
    switch (s.id()) {
      // the LX header number and its TS3/TS2 are the claims' context, like an 837 HL level
      case "LX" -> trail.open(SegmentTrail.Level.BILLING_PROVIDER, s);
      case "CLP" -> trail.open(SegmentTrail.Level.ITEM, s);
      case "PLB" -> trail.closeItem(SegmentTrail.Level.HEADER);
      default -> {
        if (area != Area.TRAILER) {
          trail.add(s);
        }
      }
    }
  }

  private void bind(Segment s) throws X12BindingException {
    switch (s.id()) {
      case "BPR" -> {
        handlingCode = s.element(1).trim();
        paymentAmount = Elements.amount(s, 2);
        creditDebit = s.element(3).trim();
        paymentMethod = s.element(4).trim();
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
      case "DTM" -> dtm(s);
      case "LX" -> {
        closeClaim();
        area = Area.SUMMARY;
        headerNumber = s.element(1).trim();
      }
      case "TS3" ->
          summaries.add(
              new ProviderSummary(
                  headerNumber,
                  s.element(1),
                  s.element(2),
                  Elements.lenientDate(s, 3, transaction, position),
                  Elements.lenientAmount(s, 4, transaction, position),
                  Elements.lenientAmount(s, 5, transaction, position),
                  figures(s, "TS3", 6, 24)));
      case "TS2" -> {
        List<SummaryFigure> more = figures(s, "TS2", 1, 19);
        int last = summaries.size() - 1;
        if (last >= 0 && summaries.get(last).headerNumber().equals(headerNumber)) {
          summaries.set(last, summaries.get(last).withFigures(more));
        } else {
          // TS2 without its TS3: kept under the LX it belongs to
          summaries.add(new ProviderSummary(headerNumber, "", "", null, null, null, more));
        }
      }
      case "CLP" -> {
        closeClaim();
        openClaim(s);
      }
      case "CAS" -> cas(s);
      case "NM1" -> {
        if (area == Area.CLAIM) {
          claim.entities.add(Elements.entityName(s));
        }
      }
      case "MIA" -> {
        if (claim != null) {
          claim.inpatient = adjudication(s, true, MIA_REMARKS);
        }
      }
      case "MOA" -> {
        if (claim != null) {
          claim.outpatient = adjudication(s, false, MOA_REMARKS);
        }
      }
      case "AMT" -> amount(s);
      case "QTY" -> quantity(s);
      case "SVC" -> {
        if (claim == null) {
          throw new X12BindingException("SEGMENT_OUT_OF_PLACE", "SVC before any CLP", 0);
        }
        closeLine();
        openLine(s);
      }
      case "LQ" -> {
        if (area == Area.LINE) {
          String q = s.element(1).trim();
          if ("HE".equals(q)) {
            addCode(line.remarks, s.element(2));
          } else if ("RX".equals(q)) {
            addCode(line.rxRejects, s.element(2));
          }
        }
      }
      case "PLB" -> {
        closeClaim();
        area = Area.TRAILER;
        plb(s);
      }
      default -> {
        // CUR, N3, N4, PER, RDM: currency, addresses and contacts are not needed
      }
    }
  }

  @Override
  public void end() throws X12BindingException {
    closeClaim();
    if (paymentAmount != null) {
      if (header == null) {
        header = header();
      }
      sink.remittanceEnd(
          new RemittanceTrailer(header, ordinal, paidTotal, summaries, providerAdjustments));
    }
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
      payeeQualifier = s.element(3).trim();
      payeeId = s.element(4).trim();
    }
  }

  private void ref(Segment s) {
    String q = s.element(1).trim();
    String value = s.element(2).trim();
    switch (area) {
      case PAYER -> payerReferences.putIfAbsent(q, value);
      case PAYEE -> payeeReferences.putIfAbsent(q, value);
      case CLAIM -> claim.references.putIfAbsent(q, value);
      case LINE -> {
        line.references.putIfAbsent(q, value);
        if ("6R".equals(q)) {
          line.controlNumber = value;
        }
      }
      default -> {
        // REF*EV receiver and REF*F2 version in the header are not needed
      }
    }
  }

  /** TS2/TS3 elements {@code from..to} that were sent, as figures named by their reference. */
  private List<SummaryFigure> figures(Segment s, String id, int from, int to) {
    List<SummaryFigure> out = new ArrayList<>();
    for (int n = from; n <= to && n <= s.size(); n++) {
      BigDecimal v = Elements.lenientAmount(s, n, transaction, position);
      if (v != null) {
        out.add(new SummaryFigure(id + (n < 10 ? "0" : "") + n, v));
      }
    }
    return out;
  }

  private void dtm(Segment s) {
    String q = s.element(1).trim();
    if (area == Area.CLAIM) {
      switch (q) {
        case "232" -> claim.from = Elements.lenientDate(s, 2, transaction, position);
        case "233" -> claim.to = Elements.lenientDate(s, 2, transaction, position);
        case "050" -> claim.received = Elements.lenientDate(s, 2, transaction, position);
        default -> {
          // 036 coverage expiration, 009 process date: not needed
        }
      }
    } else if (area == Area.LINE) {
      if ("472".equals(q) || ("150".equals(q) && line.serviceDate == null)) {
        line.serviceDate = Elements.lenientDate(s, 2, transaction, position);
      } else if ("151".equals(q)) {
        line.serviceDateTo = Elements.lenientDate(s, 2, transaction, position);
      }
    } else if (header == null && "405".equals(q)) {
      productionDate = Elements.lenientDate(s, 2, transaction, position);
    }
  }

  private void amount(Segment s) {
    String q = s.element(1).trim();
    BigDecimal value = Elements.lenientAmount(s, 2, transaction, position);
    if (value == null || q.isEmpty()) {
      return;
    }
    if (area == Area.LINE) {
      line.amounts.putIfAbsent(q, value);
    } else if (area == Area.CLAIM) {
      claim.amounts.putIfAbsent(q, value);
    }
  }

  private void quantity(Segment s) {
    String q = s.element(1).trim();
    BigDecimal value = Elements.lenientAmount(s, 2, transaction, position);
    if (value == null || q.isEmpty()) {
      return;
    }
    if (area == Area.LINE) {
      line.quantities.putIfAbsent(q, value);
    } else if (area == Area.CLAIM) {
      claim.quantities.putIfAbsent(q, value);
    }
  }

  private MedicareAdjudication adjudication(Segment s, boolean inpatient, int[] remarkPositions) {
    Set<Integer> remarks = new java.util.HashSet<>();
    for (int p : remarkPositions) {
      remarks.add(p);
    }
    Map<Integer, BigDecimal> amounts = new HashMap<>();
    List<String> codes = new ArrayList<>(2);
    for (int n = 1; n <= s.size(); n++) {
      if (remarks.contains(n)) {
        addCode(codes, s.element(n));
      } else {
        BigDecimal v = Elements.lenientAmount(s, n, transaction, position);
        if (v != null) {
          amounts.put(n, v);
        }
      }
    }
    claim.remarks.addAll(codes);
    return new MedicareAdjudication(inpatient, amounts, codes);
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

  private void plb(Segment s) throws X12BindingException {
    String provider = s.element(1).trim();
    LocalDate fiscal = Elements.lenientDate(s, 2, transaction, position);
    for (int n = 3; n <= 13; n += 2) {
      if (s.element(n).isBlank()) {
        continue;
      }
      List<String> reason = Elements.composite(s, n, transaction, position);
      providerAdjustments.add(
          new ProviderAdjustment(
              provider,
              fiscal,
              reason.get(0),
              reason.size() > 1 ? reason.get(1) : "",
              Elements.amount(s, n + 1)));
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
    claim.patientStatus = s.element(10).trim();
    claim.drg = s.element(11).trim();
    claim.drgWeight = Elements.lenientAmount(s, 12, transaction, position);
    claim.dischargeFraction = Elements.lenientAmount(s, 13, transaction, position);
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
              line.amounts.get("B6"),
              line.adjustments,
              line.remarks,
              line.serviceDateTo,
              line.references,
              line.amounts,
              line.quantities,
              line.rxRejects));
      line = null;
    }
  }

  private void closeClaim() {
    closeLine();
    if (claim != null) {
      ClaimState c = claim;
      claim = null;
      paidTotal = paidTotal.add(c.paid);
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
              ++ordinal,
              c.patientStatus,
              c.drg,
              c.drgWeight,
              c.dischargeFraction,
              c.entities,
              c.inpatient,
              c.outpatient,
              c.received,
              c.amounts,
              c.quantities,
              c.references),
          trail.header(),
          trail.itemWithLevels());
      trail.closeItem(SegmentTrail.Level.BILLING_PROVIDER);
    }
  }

  private RemittanceHeader header() {
    Set<String> keys = new LinkedHashSet<>();
    String payer2U = payerReferences.getOrDefault("2U", "");
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
        new Provider(
            "XX".equals(payeeQualifier) ? payeeId : "",
            payeeName,
            "FI".equals(payeeQualifier) ? payeeId : payeeReferences.getOrDefault("TJ", "")),
        source,
        handlingCode,
        creditDebit,
        paymentMethod,
        productionDate,
        payerReferences,
        payeeQualifier,
        payeeId,
        payeeReferences);
  }

  private static void addCode(java.util.Collection<String> codes, String code) {
    String c = code.trim();
    if (!c.isEmpty() && !codes.contains(c)) {
      codes.add(c);
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
    String patientStatus;
    String drg;
    BigDecimal drgWeight;
    BigDecimal dischargeFraction;
    LocalDate from;
    LocalDate to;
    LocalDate received;
    MedicareAdjudication inpatient;
    MedicareAdjudication outpatient;
    final List<Adjustment> adjustments = new ArrayList<>(4);
    final LinkedHashSet<String> remarks = new LinkedHashSet<>(2);
    final List<EntityName> entities = new ArrayList<>(4);
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>(2);
    final Map<String, BigDecimal> quantities = new LinkedHashMap<>(2);
    final Map<String, String> references = new LinkedHashMap<>(2);
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
    LocalDate serviceDateTo;
    String controlNumber;
    final List<Adjustment> adjustments = new ArrayList<>(4);
    final List<String> remarks = new ArrayList<>(2);
    final List<String> rxRejects = new ArrayList<>(0);
    final Map<String, String> references = new LinkedHashMap<>(2);
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>(2);
    final Map<String, BigDecimal> quantities = new LinkedHashMap<>(0);
  }
}
