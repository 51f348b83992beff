package dev.x12gw.domain.classification;

import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.finding.ClaimDenial;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.LineDenial;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.RecoupmentKind;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.finding.UnderpaymentKind;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.nsa.NsaTarget;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.MatchMethod;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a finding of any classified kind with chosen facts (classification tests). */
final class Witness {
  FindingKind kind = FindingKind.CLAIM_DENIAL;
  String payer = "99999";
  String group = "CO";
  String carc = "45";
  String amount = "100.00";
  List<String> remarks = new ArrayList<>();
  String plbReason = "CS";
  ClaimFact fact = ClaimFact.ANY;
  String taxonomy = "207Q00000X";
  String procedure = "99213";
  String place = "11";
  String billType;
  String revenueCode;
  String filing = "CI";
  String npi = "1234567893";
  String pcn = "PCN1";
  LocalDate paid = LocalDate.of(2026, 11, 20);
  LocalDate service = LocalDate.of(2026, 10, 15);

  /** The witness of a rule: every condition the rule sets, neutral values elsewhere. */
  static Witness of(ClassificationRule rule, List<ServiceLineRule> serviceLines) {
    Witness w = new Witness();
    if (!rule.findings().isEmpty()) {
      w.kind = rule.findings().stream().sorted().findFirst().orElseThrow();
    }
    rule.payers().stream().sorted().findFirst().ifPresent(p -> w.payer = p);
    rule.groups().stream().sorted().findFirst().ifPresent(g -> w.group = g);
    rule.carcs().stream().sorted().findFirst().ifPresent(c -> w.carc = c);
    rule.rarcs().stream().sorted().findFirst().ifPresent(w.remarks::add);
    rule.plbReasons().stream().sorted().findFirst().ifPresent(p -> w.plbReason = p);
    w.fact = rule.claimFact();
    if (w.fact == ClaimFact.NSA_ELIGIBLE) {
      w.remarks.add("N864");
    }
    rule.places().stream().sorted().findFirst().ifPresent(p -> w.place = p);
    if (!rule.serviceLines().isEmpty()) {
      ServiceLine line = rule.serviceLines().stream().sorted().findFirst().orElseThrow();
      ServiceLineRule sample =
          serviceLines.stream().filter(r -> r.serviceLine() == line).findFirst().orElseThrow();
      switch (sample.match()) {
        case TAXONOMY -> w.taxonomy = sample.from();
        case PROCEDURE -> w.procedure = sample.from();
        case PLACE_OF_SERVICE -> w.place = sample.from();
        case BILL_TYPE -> w.billType = sample.from();
        case REVENUE_CODE -> w.revenueCode = sample.from();
      }
    }
    return w;
  }

  Finding build() {
    BigDecimal amt = new BigDecimal(amount);
    RemittanceHeader remit = remit();
    SubmittedClaim claim = fact == ClaimFact.NO_CLAIM ? null : claim(amt);
    boolean denial = kind.isDenial();
    Adjustment lineAdj = new Adjustment(AdjustmentLevel.LINE, group, carc, amt, null);
    ServicePayment svc =
        svc(amt, denial || kind.category().equals("RECOUPMENT") ? BigDecimal.ZERO : amt, lineAdj);
    String id = RecordIds.of("witness", kind.name(), pcn, group, carc);
    Detection detection = new Detection("WITNESS", "test");
    return switch (kind) {
      case CLAIM_DENIAL ->
          new ClaimDenial(id, id, remit, payment("4", amt, BigDecimal.ZERO, svc), claim, detection);
      case LINE_DENIAL ->
          new LineDenial(
              id,
              id,
              remit,
              payment("1", amt, BigDecimal.ZERO, svc),
              claim,
              match(svc, claim),
              detection);
      case UNDERPAYMENT_BELOW_CONTRACT,
          UNDERPAYMENT_DOWNCODED,
          UNDERPAYMENT_NSA_INITIAL_PAYMENT -> {
        UnderpaymentKind k =
            switch (kind) {
              case UNDERPAYMENT_BELOW_CONTRACT -> UnderpaymentKind.BELOW_CONTRACT;
              case UNDERPAYMENT_DOWNCODED -> UnderpaymentKind.DOWNCODED;
              default -> UnderpaymentKind.NSA_INITIAL_PAYMENT;
            };
        BigDecimal expected = amt.add(new BigDecimal("50.00"));
        boolean nsa = k == UnderpaymentKind.NSA_INITIAL_PAYMENT;
        yield new Underpayment(
            id,
            id,
            remit,
            payment("1", amt, amt, svc),
            claim,
            match(svc, claim),
            k,
            nsa
                ? null
                : new ContractRate(
                    payer, procedure, "", expected, null, null, "contract.csv:2", null),
            nsa
                ? new NsaTarget(
                    NsaPolicy.TargetBasis.BILLED_CHARGES, new BigDecimal(100), null, expected)
                : null,
            BigDecimal.ONE,
            expected,
            amt,
            detection);
      }
      case RECOUPMENT_REVERSAL -> {
        ClaimPayment original = payment("1", amt, amt, svc(amt, amt));
        ClaimPayment reversal =
            payment("22", amt.negate(), amt.negate(), svc(amt.negate(), amt.negate()));
        boolean corrected = fact != ClaimFact.NO_CORRECTION && fact != ClaimFact.VOID;
        ClaimPayment correction =
            corrected
                ? payment("1", amt, BigDecimal.ZERO, svc(amt, BigDecimal.ZERO, lineAdj))
                : null;
        yield new Recoupment(
            id,
            id,
            remit,
            reversal,
            claim,
            RecoupmentKind.REVERSAL,
            amt,
            original,
            remit,
            correction,
            null,
            fact == ClaimFact.VOID,
            detection);
      }
      case RECOUPMENT_PROVIDER_ADJUSTMENT ->
          new Recoupment(
              id,
              id,
              remit,
              payment("1", amt, amt, svc(amt, amt)),
              claim,
              RecoupmentKind.PROVIDER_ADJUSTMENT,
              amt,
              null,
              null,
              null,
              new ProviderAdjustment(npi, null, plbReason, "CCN-" + pcn, amt),
              false,
              detection);
    };
  }

  private RemittanceHeader remit() {
    return new RemittanceHeader(
        "TRN-" + pcn,
        paid,
        BigDecimal.ZERO,
        new Party(payer, "PAYER " + payer),
        Set.of(payer),
        new Provider(npi, "GOOD HEALTH CLINIC", "371234567"),
        new SourceRef("remit.835", "000000201", "201", "0001"),
        "I",
        "C",
        "ACH",
        null,
        Map.of(),
        "XX",
        npi,
        Map.of());
  }

  private ServicePayment svc(BigDecimal charge, BigDecimal paidAmount, Adjustment... adjustments) {
    return new ServicePayment(
        new Procedure("HC", procedure, List.of()),
        charge,
        paidAmount,
        revenueCode,
        BigDecimal.ONE,
        null,
        null,
        service,
        "L1",
        null,
        List.of(adjustments),
        List.of(),
        null,
        Map.of(),
        Map.of(),
        Map.of(),
        List.of());
  }

  private ClaimPayment payment(
      String status, BigDecimal billed, BigDecimal paidAmount, ServicePayment line) {
    return new ClaimPayment(
        pcn,
        status,
        billed,
        paidAmount,
        null,
        filing,
        "CCN-" + pcn,
        billType != null ? billType : place,
        "1",
        null,
        null,
        List.of(),
        remarks,
        List.of(line),
        1,
        "",
        "",
        null,
        null,
        List.of(),
        null,
        null,
        null,
        Map.of(),
        Map.of(),
        Map.of());
  }

  private LineMatch match(ServicePayment svc, SubmittedClaim claim) {
    return claim == null
        ? new LineMatch(1, svc, null, MatchMethod.NO_CLAIM)
        : new LineMatch(1, svc, claim.lines().get(0), MatchMethod.LINE_CONTROL_NUMBER);
  }

  private SubmittedClaim claim(BigDecimal charge) {
    Map<String, String> lineRefs = new HashMap<>();
    Map<String, String> claimRefs = new HashMap<>();
    if (fact == ClaimFact.REFERRAL_SENT) {
      claimRefs.put("9F", "REF1");
    }
    SubmittedLine line =
        new SubmittedLine(
            1,
            "L1",
            new Procedure("HC", procedure, List.of()),
            charge,
            BigDecimal.ONE,
            service,
            null,
            revenueCode == null ? "" : revenueCode,
            "UN",
            "",
            List.of(),
            null,
            "",
            lineRefs,
            Map.of(),
            List.of(),
            List.of(),
            List.of());
    String frequency =
        switch (fact) {
          case REPLACEMENT -> "7";
          case VOID -> "8";
          default -> "1";
        };
    return new SubmittedClaim(
        billType != null ? "837I" : "837P",
        pcn,
        charge,
        new Party(payer, "PAYER " + payer),
        new Provider(npi, "GOOD HEALTH CLINIC", "371234567"),
        billType != null ? billType : place,
        frequency,
        frequency.equals("1") ? null : "CCN-" + pcn,
        fact == ClaimFact.PRIOR_AUTH_SENT ? "AUTH1" : null,
        null,
        List.of(line),
        new SourceRef("claims.837", "000000101", "101", "0001"),
        "B1",
        service,
        "CH",
        List.of(),
        Map.of("BI", taxonomy),
        "P",
        "18",
        "",
        filing,
        "",
        Map.of(),
        Map.of(),
        claimRefs,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of());
  }
}
