package dev.x12gw.x12;

import dev.x12gw.domain.Party;
import dev.x12gw.domain.Procedure;
import dev.x12gw.domain.Provider;
import dev.x12gw.domain.SourceRef;
import dev.x12gw.domain.SubmittedClaim;
import dev.x12gw.domain.SubmittedLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 005010X222A1 837P (also X223A2 837I and X224A2 837D) health care claim: binds the HL hierarchy
 * (2000A billing provider, 2000B subscriber with its 2010BB payer, 2000C patient), loop 2300 CLM
 * and loop 2400 service lines (SV1, SV2 or SV3 with DTP*472 and REF*6R) to submitted claims.
 */
public final class Claim837Binder implements TransactionBinder {
  private enum Area {
    HEADER,
    BILLING_PROVIDER,
    SUBSCRIBER,
    PATIENT,
    CLAIM,
    OTHER_SUBSCRIBER,
    LINE
  }

  private final Transaction transaction;
  private String transactionType;
  private int position;
  private final SourceRef source;
  private final BindingSink sink;
  private Area area = Area.HEADER;

  private Provider billingProvider = new Provider("", "");
  private Party payer = new Party("", "");
  private ClaimState claim;
  private LineState line;

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
    switch (s.id()) {
      case "HL" -> hierarchy(s);
      case "NM1" -> name(s);
      case "CLM" -> {
        closeClaim();
        openClaim(s);
      }
      case "SBR" -> {
        if (claim != null) {
          closeLine();
          area = Area.OTHER_SUBSCRIBER; // loop 2320: other payers, not this claim's payer
        }
      }
      case "REF" -> ref(s);
      case "DTP" -> dtp(s);
      case "LX" -> {
        if (claim == null) {
          throw new X12BindingException("SEGMENT_OUT_OF_PLACE", "LX before any CLM", 0);
        }
        closeLine();
        area = Area.LINE;
        line = new LineState();
        String lx = s.element(1).trim();
        line.number =
            lx.chars().allMatch(Character::isDigit) && !lx.isEmpty()
                ? Integer.parseInt(lx)
                : claim.lines.size() + 1;
      }
      case "SV1", "SV3" -> {
        requireLine(s);
        detectType("SV1".equals(s.id()) ? "837P" : "837D");
        line.procedure = Elements.procedure(s, 1, transaction, position);
        line.charge = Elements.amount(s, 2);
        line.units = "SV1".equals(s.id()) ? Elements.optionalAmount(s, 4) : null;
      }
      case "SV2" -> {
        requireLine(s);
        detectType("837I");
        Procedure p = Elements.optionalProcedure(s, 2, transaction, position);
        line.procedure = p != null ? p : new Procedure("NU", Elements.text(s, 1), List.of());
        line.charge = Elements.amount(s, 3);
        line.units = Elements.optionalAmount(s, 5);
      }
      default -> {
        // BHT, PRV, N3/N4, DMG, PAT, HI, PWK, NTE, CAS/SVD (2430) and others: not needed yet
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
        billingProvider = new Provider("", "");
        payer = new Party("", "");
      }
      case "22" -> {
        area = Area.SUBSCRIBER;
        payer = new Party("", "");
      }
      case "23" -> area = Area.PATIENT;
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

  private void name(Segment s) {
    String entity = s.element(1).trim();
    boolean npi = "XX".equals(s.element(8).trim());
    if ("85".equals(entity) && area == Area.BILLING_PROVIDER) {
      billingProvider = new Provider(npi ? s.element(9) : "", s.element(3));
    } else if ("PR".equals(entity) && area == Area.SUBSCRIBER) {
      payer = new Party(s.element(9), s.element(3));
    }
  }

  private void ref(Segment s) {
    if (claim == null) {
      return;
    }
    String q = s.element(1).trim();
    if (area == Area.CLAIM) {
      if ("F8".equals(q)) {
        claim.payerClaimControlNumber = s.element(2);
      } else if ("G1".equals(q)) {
        claim.priorAuthorization = s.element(2);
      }
    } else if (area == Area.LINE && "6R".equals(q)) {
      line.controlNumber = s.element(2);
    }
  }

  private void dtp(Segment s) {
    String q = s.element(1).trim();
    if (area == Area.CLAIM && "434".equals(q)) {
      claim.statementFrom = Elements.lenientDate(s, 3, transaction, position);
    } else if (area == Area.LINE && "472".equals(q)) {
      line.serviceDate = Elements.lenientDate(s, 3, transaction, position);
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
  }

  private void requireLine(Segment s) throws X12BindingException {
    if (claim == null) {
      throw new X12BindingException("SEGMENT_OUT_OF_PLACE", s.id() + " before any CLM", 0);
    }
    if (area != Area.LINE || line.procedure != null) {
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

  private void closeLine() throws X12BindingException {
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
              line.serviceDate));
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
    area = Area.PATIENT;
    sink.claim(
        new SubmittedClaim(
            transactionType,
            c.pcn,
            c.charge,
            payer,
            billingProvider,
            c.facility,
            c.frequency,
            c.payerClaimControlNumber,
            c.priorAuthorization,
            c.statementFrom,
            c.lines,
            source));
  }

  private static final class ClaimState {
    String pcn;
    BigDecimal charge;
    String facility;
    String frequency;
    String payerClaimControlNumber;
    String priorAuthorization;
    LocalDate statementFrom;
    final List<SubmittedLine> lines = new ArrayList<>(6);
  }

  private static final class LineState {
    int number;
    String controlNumber;
    Procedure procedure;
    BigDecimal charge;
    BigDecimal units;
    LocalDate serviceDate;
  }
}
