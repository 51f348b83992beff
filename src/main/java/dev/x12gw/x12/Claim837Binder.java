package dev.x12gw.x12;

import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.Attachment;
import dev.x12gw.domain.claim.CodeValue;
import dev.x12gw.domain.claim.DateRange;
import dev.x12gw.domain.claim.EntityName;
import dev.x12gw.domain.claim.Note;
import dev.x12gw.domain.claim.OtherPayer;
import dev.x12gw.domain.claim.OtherPayerLine;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 005010X222A1 837P (also X223A2 837I and X224A2 837D) health care claim: binds BHT, the submitter
 * and receiver, the HL hierarchy (2000A billing provider with PRV and NM1*85, pay-to NM1*87; 2000B
 * subscriber with SBR, NM1*IL and the 2010BB payer; 2000C patient with PAT and NM1*QC), loop 2300
 * CLM (every element) with DTP, PWK, AMT, REF, NTE and HI (every qualifier), loops 2310 (rendering,
 * referring, supervising providers, service facility, with PRV), loops 2320/2330 (other payers:
 * SBR, CAS, AMT, NM1*IL, NM1*PR, DTP*573), and loop 2400 service lines (LX, SV1/SV2/SV3, DTP, REF,
 * NTE, loops 2420 and 2430 SVD with CAS, DTP*573 and AMT).
 */
public final class Claim837Binder implements TransactionBinder {
  private enum Area {
    HEADER,
    BILLING_PROVIDER,
    SUBSCRIBER,
    PATIENT,
    CLAIM,
    CLAIM_PROVIDER,
    OTHER_SUBSCRIBER,
    LINE,
    LINE_PROVIDER,
    LINE_OTHER_PAYER
  }

  private static final String[] CLM_ELEMENTS = new String[21];

  static {
    for (int n = 6; n <= 20; n++) {
      CLM_ELEMENTS[n] = String.format("CLM%02d", n);
    }
  }

  private final Transaction transaction;
  private final SourceRef source;
  private final BindingSink sink;
  private String transactionType;
  private int position;
  private Area area = Area.HEADER;

  // transaction context
  private String batch = "";
  private LocalDate batchDate;
  private String batchType = "";
  private EntityName submitter;
  private EntityName receiver;
  // 2000A context
  private EntityName billing;
  private EntityName payTo;
  private String billingTaxonomy = "";
  private String billingTaxId = "";
  // 2000B/C context
  private EntityName subscriber;
  private EntityName payerName;
  private EntityName patient;
  private String responsibility = "";
  private String relationship = "";
  private String groupNumber = "";
  private String filingIndicator = "";
  private String patientRelationship = "";

  private final SegmentTrail trail = new SegmentTrail();
  private Delimiters delimiters;
  private ClaimState claim;
  private LineState line;
  private OtherPayerState otherPayer;
  private OtherLineState otherLine;

  /** The claim type (837P, 837I, 837D) comes from the transaction's implementation guide. */
  public Claim837Binder(Transaction transaction, SourceRef source, BindingSink sink) {
    this.transaction = transaction;
    this.transactionType = transaction.guide();
    this.source = source;
    this.sink = sink;
  }

  @Override
  public void segment(Segment s, int position) throws X12BindingException {
    this.position = position;
    bind(s);
    switch (s.id()) {
      case "HL" -> {
        switch (area) {
          case BILLING_PROVIDER -> trail.open(SegmentTrail.Level.BILLING_PROVIDER, s, position);
          case SUBSCRIBER -> trail.open(SegmentTrail.Level.SUBSCRIBER, s, position);
          case PATIENT -> trail.open(SegmentTrail.Level.PATIENT, s, position);
          default -> trail.add(s, position);
        }
      }
      case "CLM" -> trail.open(SegmentTrail.Level.ITEM, s, position);
      default -> trail.add(s, position);
    }
    delimiters = s.delimiters();
  }

  private void bind(Segment s) throws X12BindingException {
    switch (s.id()) {
      case "BHT" -> {
        batch = s.element(3);
        batchDate = Elements.lenientDate(s, 4, transaction, position);
        batchType = s.element(6);
      }
      case "HL" -> hierarchy(s);
      case "PRV" -> provider(s);
      case "SBR" -> subscriberSegment(s);
      case "PAT" -> {
        if (area == Area.PATIENT) {
          patientRelationship = s.element(1);
        }
      }
      case "NM1" -> name(s);
      case "CLM" -> {
        closeClaim();
        openClaim(s);
      }
      case "DTP" -> dtp(s);
      case "PWK" -> {
        if (claim != null && !s.element(1).isBlank()) {
          claim.attachments.add(new Attachment(s.element(1), s.element(2), s.element(6)));
        }
      }
      case "REF" -> ref(s);
      case "AMT" -> amount(s);
      case "NTE" -> note(s);
      case "HI" -> codes(s);
      case "CAS" -> cas(s);
      case "LX" -> {
        if (claim == null) {
          throw new X12BindingException("SEGMENT_OUT_OF_PLACE", "LX before any CLM", 0);
        }
        closeLine();
        area = Area.LINE;
        line = new LineState();
        String lx = s.element(1).trim();
        line.number =
            !lx.isEmpty() && lx.chars().allMatch(Character::isDigit)
                ? Integer.parseInt(lx)
                : claim.lines.size() + 1;
      }
      case "SV1" -> {
        requireLine(s);
        detectType("837P");
        line.procedure = Elements.procedure(s, 1, transaction, position);
        line.charge = Elements.amount(s, 2);
        line.unitBasis = s.element(3);
        line.units = Elements.lenientAmount(s, 4, transaction, position);
        line.placeOfService = s.element(5);
        line.pointers = nonEmpty(Elements.composite(s, 7, transaction, position));
        line.emergency = s.element(9);
      }
      case "SV2" -> {
        requireLine(s);
        detectType("837I");
        line.revenueCode = s.element(1);
        Procedure p = Elements.optionalProcedure(s, 2, transaction, position);
        line.procedure = p != null ? p : new Procedure("NU", Elements.text(s, 1), List.of());
        line.charge = Elements.amount(s, 3);
        line.unitBasis = s.element(4);
        line.units = Elements.lenientAmount(s, 5, transaction, position);
        line.nonCovered = Elements.lenientAmount(s, 7, transaction, position);
      }
      case "SV3" -> {
        requireLine(s);
        detectType("837D");
        line.procedure = Elements.procedure(s, 1, transaction, position);
        line.charge = Elements.amount(s, 2);
        line.placeOfService = s.element(3);
        line.units = Elements.lenientAmount(s, 6, transaction, position);
        line.pointers = nonEmpty(Elements.composite(s, 11, transaction, position));
      }
      case "SVD" -> {
        if (line == null) {
          throw new X12BindingException("SEGMENT_OUT_OF_PLACE", "SVD outside a service line", 0);
        }
        closeOtherLine();
        area = Area.LINE_OTHER_PAYER;
        otherLine = new OtherLineState();
        otherLine.payerId = s.element(1);
        otherLine.paid = Elements.amount(s, 2);
        otherLine.procedure = Elements.optionalProcedure(s, 3, transaction, position);
        otherLine.units = Elements.lenientAmount(s, 5, transaction, position);
        otherLine.bundled = s.element(6);
      }
      default -> {
        // N3/N4 addresses, PER contacts, DMG, CN1, K3, CR1-CR8, CRC, HCP, MEA, QTY, LIN/CTP,
        // OI, MOA (2320), PS1: not needed for matching and recovery yet
      }
    }
  }

  @Override
  public void end() throws X12BindingException {
    closeClaim();
  }

  private void hierarchy(Segment s) throws X12BindingException {
    closeClaim();
    switch (s.element(3).trim()) {
      case "20" -> {
        area = Area.BILLING_PROVIDER;
        billing = null;
        payTo = null;
        billingTaxonomy = "";
        billingTaxId = "";
        resetSubscriber();
      }
      case "22" -> {
        area = Area.SUBSCRIBER;
        resetSubscriber();
      }
      case "23" -> {
        area = Area.PATIENT;
        patient = null;
        patientRelationship = "";
      }
      default -> {
        transaction.report(
            X12Problem.Severity.WARNING,
            "INVALID_CODE",
            "HL03 hierarchical level code '"
                + EnvelopeTracker.printable(s.element(3))
                + "' is not 20, 22 or 23; the loop is skipped",
            s,
            position,
            3);
        area = Area.HEADER;
      }
    }
  }

  private void resetSubscriber() {
    subscriber = null;
    payerName = null;
    patient = null;
    responsibility = "";
    relationship = "";
    groupNumber = "";
    filingIndicator = "";
    patientRelationship = "";
  }

  private void provider(Segment s) {
    String code = s.element(1).trim();
    if (area == Area.BILLING_PROVIDER && "BI".equals(code)) {
      billingTaxonomy = s.element(3).trim();
    } else if (claim != null && (area == Area.CLAIM_PROVIDER || area == Area.CLAIM)) {
      claim.taxonomies.putIfAbsent(code, s.element(3).trim());
    }
  }

  private void subscriberSegment(Segment s) throws X12BindingException {
    if (claim != null) {
      closeLine();
      closeOtherPayer();
      area = Area.OTHER_SUBSCRIBER; // loop 2320: another payer, not this claim's payer
      otherPayer = new OtherPayerState();
      otherPayer.responsibility = s.element(1);
      otherPayer.relationship = s.element(2);
      otherPayer.group = s.element(3);
      otherPayer.filing = s.element(9);
    } else {
      responsibility = s.element(1).trim();
      relationship = s.element(2).trim();
      groupNumber = s.element(3).trim();
      filingIndicator = s.element(9).trim();
    }
  }

  private void name(Segment s) throws X12BindingException {
    EntityName e = Elements.entityName(s);
    String role = e.role();
    switch (area) {
      case HEADER -> {
        if ("41".equals(role)) {
          submitter = e;
        } else if ("40".equals(role)) {
          receiver = e;
        }
      }
      case BILLING_PROVIDER -> {
        if ("85".equals(role)) {
          billing = e;
        } else if ("87".equals(role)) {
          payTo = e;
        }
      }
      case SUBSCRIBER -> {
        if ("IL".equals(role)) {
          subscriber = e;
        } else if ("PR".equals(role)) {
          payerName = e;
        }
      }
      case PATIENT -> {
        if ("QC".equals(role)) {
          patient = e;
        }
      }
      case CLAIM, CLAIM_PROVIDER -> {
        area = Area.CLAIM_PROVIDER;
        claim.entities.add(e);
      }
      case OTHER_SUBSCRIBER -> {
        if ("IL".equals(role) && otherPayer.subscriber == null) {
          otherPayer.subscriber = e;
        } else if ("PR".equals(role) && otherPayer.payer == null) {
          otherPayer.payer = e;
        }
      }
      case LINE, LINE_PROVIDER -> {
        area = Area.LINE_PROVIDER;
        line.entities.add(e);
      }
      default -> {
        // NM1 in loop 2430 does not occur
      }
    }
  }

  private void dtp(Segment s) {
    String q = s.element(1).trim();
    DateRange range = Elements.lenientDateRange(s, 2, 3, transaction, position);
    if (range == null) {
      return;
    }
    switch (area) {
      case CLAIM, CLAIM_PROVIDER -> {
        claim.dates.putIfAbsent(q, range);
        if ("434".equals(q) && claim.statementFrom == null) {
          claim.statementFrom = range.from();
        }
      }
      case OTHER_SUBSCRIBER -> {
        if ("573".equals(q)) {
          otherPayer.adjudicated = range.from();
        }
      }
      case LINE, LINE_PROVIDER -> {
        line.dates.putIfAbsent(q, range);
        if ("472".equals(q)) {
          line.serviceDate = range.from();
          line.serviceDateTo = range.to();
        }
      }
      case LINE_OTHER_PAYER -> {
        if ("573".equals(q)) {
          otherLine.adjudicated = range.from();
        }
      }
      default -> {
        // DTP outside a claim (e.g. 2000B) is not kept
      }
    }
  }

  private void ref(Segment s) {
    String q = s.element(1).trim();
    String value = s.element(2).trim();
    if (claim == null) {
      // loop 2010AA REF*EI: the billing provider's employer identification number (REF*SY, a
      // social security number, is deliberately not kept)
      if (area == Area.BILLING_PROVIDER && billing != null && payTo == null && "EI".equals(q)) {
        billingTaxId = value;
      }
      return;
    }
    switch (area) {
      case CLAIM -> {
        claim.references.putIfAbsent(q, value);
        if ("F8".equals(q)) {
          claim.payerClaimControlNumber = value;
        } else if ("G1".equals(q)) {
          claim.priorAuthorization = value;
        }
      }
      case LINE -> {
        line.references.putIfAbsent(q, value);
        if ("6R".equals(q)) {
          line.controlNumber = value;
        }
      }
      default -> {
        // REF of providers and other payers: identifiers not needed yet
      }
    }
  }

  private void amount(Segment s) {
    String q = s.element(1).trim();
    BigDecimal value = Elements.lenientAmount(s, 2, transaction, position);
    if (value == null || q.isEmpty()) {
      return;
    }
    switch (area) {
      case CLAIM -> claim.amounts.putIfAbsent(q, value);
      case OTHER_SUBSCRIBER -> otherPayer.amounts.putIfAbsent(q, value);
      case LINE_OTHER_PAYER -> otherLine.amounts.putIfAbsent(q, value);
      default -> {
        // line AMT (sales tax, postage) not needed yet
      }
    }
  }

  private void note(Segment s) {
    Note n = new Note(s.element(1), s.element(2));
    if (area == Area.LINE || area == Area.LINE_PROVIDER) {
      line.notes.add(n);
    } else if (claim != null) {
      claim.notes.add(n);
    }
  }

  private void codes(Segment s) {
    if (claim == null) {
      return;
    }
    for (int n = 1; n <= s.size(); n++) {
      if (s.element(n).isBlank()) {
        continue;
      }
      List<String> c = Elements.composite(s, n, transaction, position);
      if (c.size() < 2 || c.get(0).isBlank() || c.get(1).isBlank()) {
        transaction.report(
            X12Problem.Severity.WARNING,
            "MISSING_ELEMENT",
            "HI" + String.format("%02d", n) + " needs a qualifier and a code; left out",
            s,
            position,
            n);
        continue;
      }
      BigDecimal amount = null;
      if (c.size() > 4 && !c.get(4).isBlank()) {
        try {
          amount = new BigDecimal(c.get(4).trim());
        } catch (NumberFormatException e) {
          transaction.report(
              X12Problem.Severity.WARNING,
              "INVALID_NUMBER",
              "HI" + String.format("%02d", n) + "-5 is not a number; the amount is left empty",
              s,
              position,
              n);
        }
      }
      claim.codes.add(new CodeValue(c.get(0), c.get(1), amount));
    }
  }

  private void cas(Segment s) throws X12BindingException {
    List<Adjustment> target;
    if (area == Area.OTHER_SUBSCRIBER) {
      target = otherPayer.adjustments;
    } else if (area == Area.LINE_OTHER_PAYER) {
      target = otherLine.adjustments;
    } else {
      return; // CAS occurs in 837s only in loops 2320 and 2430
    }
    AdjustmentLevel level =
        area == Area.OTHER_SUBSCRIBER ? AdjustmentLevel.CLAIM : AdjustmentLevel.LINE;
    String group = Elements.text(s, 1);
    for (int n = 2; n <= 17; n += 3) {
      String reason = s.element(n).trim();
      if (!reason.isEmpty()) {
        target.add(
            new Adjustment(
                level,
                group,
                reason,
                Elements.amount(s, n + 1),
                Elements.optionalAmount(s, n + 2)));
      }
    }
  }

  private void openClaim(Segment s) throws X12BindingException {
    if (area == Area.HEADER || area == Area.BILLING_PROVIDER) {
      throw new X12BindingException(
          "SEGMENT_OUT_OF_PLACE", "CLM outside a subscriber or patient HL loop", 0);
    }
    area = Area.CLAIM;
    claim = new ClaimState();
    claim.pcn = Elements.text(s, 1);
    claim.charge = Elements.amount(s, 2);
    List<String> clm05 = Elements.composite(s, 5, transaction, position);
    claim.facility = clm05.get(0);
    claim.frequency = clm05.size() > 2 ? clm05.get(2) : "";
    for (int n = 6; n <= 20; n++) {
      if (!s.element(n).isBlank()) {
        claim.elements.put(CLM_ELEMENTS[n], s.element(n).trim());
      }
    }
    for (EntityName e :
        new EntityName[] {submitter, receiver, billing, payTo, subscriber, payerName, patient}) {
      if (e != null) {
        claim.entities.add(e);
      }
    }
    if (!billingTaxonomy.isEmpty()) {
      claim.taxonomies.put("BI", billingTaxonomy);
    }
  }

  private void requireLine(Segment s) throws X12BindingException {
    if (claim == null) {
      throw new X12BindingException("SEGMENT_OUT_OF_PLACE", s.id() + " before any CLM", 0);
    }
    if (line == null || line.procedure != null || area != Area.LINE) {
      transaction.report(
          X12Problem.Severity.WARNING,
          "MISSING_SEGMENT",
          s.id()
              + " without its LX: service line numbered "
              + (claim.lines.size() + 1)
              + " by position",
          s,
          position,
          0);
      closeLine();
      area = Area.LINE;
      line = new LineState();
      line.number = claim.lines.size() + 1;
    }
  }

  /**
   * A transaction whose version names no implementation guide (e.g. plain "005010") is typed by its
   * first service line: SV1 professional, SV2 institutional, SV3 dental.
   */
  private void detectType(String type) {
    if ("837".equals(transactionType)) {
      transactionType = type;
    }
  }

  private void closeOtherPayer() {
    if (otherPayer != null) {
      claim.otherPayers.add(
          new OtherPayer(
              otherPayer.responsibility,
              otherPayer.relationship,
              otherPayer.group,
              otherPayer.filing,
              otherPayer.subscriber,
              otherPayer.payer,
              otherPayer.adjustments,
              otherPayer.amounts,
              otherPayer.adjudicated));
      otherPayer = null;
    }
  }

  private void closeOtherLine() {
    if (otherLine != null) {
      line.otherPayers.add(
          new OtherPayerLine(
              otherLine.payerId,
              otherLine.paid,
              otherLine.procedure,
              otherLine.units,
              otherLine.bundled,
              otherLine.adjustments,
              otherLine.amounts,
              otherLine.adjudicated));
      otherLine = null;
    }
  }

  private void closeLine() throws X12BindingException {
    closeOtherPayer();
    closeOtherLine();
    if (line != null) {
      if (line.procedure == null) {
        throw new X12BindingException(
            "MISSING_SEGMENT", "service line " + line.number + " has no SV1/SV2/SV3", 0);
      }
      claim.lines.add(
          new SubmittedLine(
              line.number,
              line.controlNumber,
              line.procedure,
              line.charge,
              line.units,
              line.serviceDate,
              line.serviceDateTo,
              line.revenueCode,
              line.unitBasis,
              line.placeOfService,
              line.pointers,
              line.nonCovered,
              line.emergency,
              line.references,
              line.dates,
              line.entities,
              line.notes,
              line.otherPayers));
      line = null;
    }
  }

  private void closeClaim() throws X12BindingException {
    if (claim == null) {
      return;
    }
    closeLine();
    ClaimState c = claim;
    claim = null;
    area = patient != null ? Area.PATIENT : Area.SUBSCRIBER;
    Party payer =
        payerName == null
            ? new Party("", "")
            : new Party(payerName.id(), payerName.lastOrOrganization());
    Provider provider =
        billing == null
            ? new Provider("", "", "")
            : new Provider(billing.npi(), billing.lastOrOrganization(), billingTaxId);
    sink.claim(
        new SubmittedClaim(
            transactionType,
            c.pcn,
            c.charge,
            payer,
            provider,
            c.facility,
            c.frequency,
            c.payerClaimControlNumber,
            c.priorAuthorization,
            c.statementFrom,
            c.lines,
            source,
            batch,
            batchDate,
            batchType,
            c.entities,
            c.taxonomies,
            responsibility,
            relationship,
            groupNumber,
            filingIndicator,
            patientRelationship,
            c.elements,
            c.dates,
            c.references,
            c.codes,
            c.attachments,
            c.notes,
            c.amounts,
            c.otherPayers),
        trail.itemWithContext(),
        trail.positionsWithContext(),
        delimiters);
    trail.closeItem(patient != null ? SegmentTrail.Level.PATIENT : SegmentTrail.Level.SUBSCRIBER);
  }

  private static List<String> nonEmpty(List<String> values) {
    return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private static final class ClaimState {
    String pcn;
    BigDecimal charge;
    String facility;
    String frequency;
    String payerClaimControlNumber;
    String priorAuthorization;
    LocalDate statementFrom;
    final Map<String, String> elements = new LinkedHashMap<>();
    final List<EntityName> entities = new ArrayList<>(8);
    final Map<String, String> taxonomies = new LinkedHashMap<>(2);
    final Map<String, DateRange> dates = new LinkedHashMap<>(2);
    final Map<String, String> references = new LinkedHashMap<>(2);
    final List<CodeValue> codes = new ArrayList<>(4);
    final List<Attachment> attachments = new ArrayList<>(0);
    final List<Note> notes = new ArrayList<>(0);
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>(0);
    final List<OtherPayer> otherPayers = new ArrayList<>(0);
    final List<SubmittedLine> lines = new ArrayList<>(6);
  }

  private static final class LineState {
    int number;
    String controlNumber;
    Procedure procedure;
    BigDecimal charge;
    BigDecimal units;
    LocalDate serviceDate;
    LocalDate serviceDateTo;
    String revenueCode = "";
    String unitBasis = "";
    String placeOfService = "";
    List<String> pointers = List.of();
    BigDecimal nonCovered;
    String emergency = "";
    final Map<String, String> references = new LinkedHashMap<>(2);
    final Map<String, DateRange> dates = new LinkedHashMap<>(2);
    final List<EntityName> entities = new ArrayList<>(0);
    final List<Note> notes = new ArrayList<>(0);
    final List<OtherPayerLine> otherPayers = new ArrayList<>(0);
  }

  private static final class OtherPayerState {
    String responsibility;
    String relationship;
    String group;
    String filing;
    EntityName subscriber;
    EntityName payer;
    LocalDate adjudicated;
    final List<Adjustment> adjustments = new ArrayList<>(2);
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>(2);
  }

  private static final class OtherLineState {
    String payerId;
    BigDecimal paid;
    Procedure procedure;
    BigDecimal units;
    String bundled;
    LocalDate adjudicated;
    final List<Adjustment> adjustments = new ArrayList<>(2);
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>(1);
  }
}
