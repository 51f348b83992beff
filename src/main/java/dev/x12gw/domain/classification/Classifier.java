package dev.x12gw.domain.classification;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.Underpayment;
import dev.x12gw.domain.nsa.NsaAssessment;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.nsa.NsaTarget;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 835 CAS / LQ / PLB with the 837 claim: classifies denials, underpayments and recoupments —
 * family, CAQH CORE scenario, root cause, preventability, recovery pathway, appeal deadline,
 * expected recovery and priority, and the No Surprises Act dispute clock.
 *
 * <p>Order of decision: the first payer override that matches, else the first general rule, else
 * the default of the CARC that drives the finding, else {@value #UNCLASSIFIED}. A rule's unset
 * parts come from that CARC default. An eligible No Surprises Act denial or underpayment whose
 * pathway is APPEAL (and every NSA initial-payment underpayment) is escalated to ESCALATE_DISPUTE.
 * Thread-safe.
 */
public final class Classifier {
  /** Rule id when neither a rule nor a CARC default applies. */
  public static final String UNCLASSIFIED = "UNCLASSIFIED";

  private static final RuleOutcome FALLBACK =
      new RuleOutcome(
          DenialFamily.OTHER,
          null,
          RootCause.PAYER_BEHAVIOR,
          false,
          RecoveryPathway.APPEAL,
          "No rule or CARC default covers this finding; review the remittance and appeal if the"
              + " payer is wrong.");

  private final ClassificationRules rules;
  private final ReconciliationPolicy policy;
  private final BusinessCalendar calendar;

  public Classifier(ClassificationRules rules, ReconciliationPolicy policy) {
    this(rules, policy, BusinessCalendar.usFederal());
  }

  public Classifier(
      ClassificationRules rules, ReconciliationPolicy policy, BusinessCalendar calendar) {
    this.rules = rules;
    this.policy = policy;
    this.calendar = calendar;
  }

  public ClassificationRules rules() {
    return rules;
  }

  /** The classification of a denial, underpayment or recoupment; empty for other findings. */
  public Optional<Classification> classify(Finding f, PayerHistory history) {
    FindingKind kind = FindingKind.of(f);
    if (kind == null) {
      return Optional.empty();
    }
    FindingFacts facts = facts(f, kind);
    Adjustment driving = facts.driving();
    Optional<CarcDefault> carc = driving == null ? Optional.empty() : rules.carc(driving.reason());
    RuleOutcome base = carc.map(CarcDefault::outcome).orElse(FALLBACK);
    ClassificationRule rule = firstMatch(facts);
    RuleOutcome outcome;
    String ruleId;
    if (rule != null) {
      outcome = rule.outcome().orElse(base);
      ruleId = rule.id();
    } else if (carc.isPresent()) {
      outcome = base;
      ruleId = "CARC-" + carc.get().carc();
    } else {
      outcome = FALLBACK;
      ruleId = UNCLASSIFIED;
    }
    RecoveryPathway pathway = outcome.pathway();
    String rationale = outcome.rationale();
    List<String> evidence = evidence(facts, driving, rule);
    NoSurprisesAct nsa = null;
    String batch = null;
    boolean disputable = !kind.category().equals("RECOUPMENT");
    if (facts.nsa().eligible() && disputable) {
      nsa = clock(f, facts);
      if (pathway == RecoveryPathway.APPEAL
          || kind == FindingKind.UNDERPAYMENT_NSA_INITIAL_PAYMENT) {
        pathway = RecoveryPathway.ESCALATE_DISPUTE;
        rationale =
            rationale
                + " No Surprises Act claim: open negotiation by "
                + (nsa.openNegotiationDeadline() == null
                    ? "30 business days after the payment"
                    : nsa.openNegotiationDeadline())
                + ", then federal IDR.";
      }
      evidence.add("No Surprises Act: " + String.join(", ", facts.nsa().basis()));
      if (facts.nsa().payerDisagrees()) {
        rationale = rationale + " " + facts.nsa().disagreement();
        evidence.add(
            "network: "
                + facts.nsa().networkDecision().describe()
                + " overrules the configuration's "
                + facts.nsa().networkDecision().overridden().describe());
      }
      if (pathway == RecoveryPathway.ESCALATE_DISPUTE) {
        batch = batchKey(facts);
      }
    }
    int window =
        rules
            .payer(facts.payerKeys())
            .map(PayerTerms::appealWindowDays)
            .orElse(rules.defaultAppealWindowDays());
    LocalDate deadline =
        pathway == RecoveryPathway.CLOSE_OUT || facts.decisionDate() == null
            ? null
            : facts.decisionDate().plusDays(window);
    RecoveryEconomics econ = rules.economics();
    PayerHistory.Observed seen =
        facts.decisionDate() == null
            ? new PayerHistory.Observed(0, 0)
            : history.observed(
                facts.payerId(),
                outcome.family(),
                f.findingKey(),
                facts.decisionDate().minusDays(econ.maturityDays()));
    BigDecimal defaultRate = econ.defaultOverturnRates().get(outcome.family());
    BigDecimal rate;
    String basis;
    if (seen.denials() == 0) {
      rate = defaultRate;
      basis = "DEFAULT";
    } else {
      BigDecimal w = BigDecimal.valueOf(econ.priorWeight());
      rate =
          BigDecimal.valueOf(seen.overturned())
              .add(w.multiply(defaultRate))
              .divide(BigDecimal.valueOf(seen.denials()).add(w), 4, RoundingMode.HALF_UP);
      basis = "OBSERVED";
    }
    // closed out: nothing is expected from the payer, nothing is worked
    BigDecimal expected =
        pathway == RecoveryPathway.CLOSE_OUT
            ? Money.ZERO
            : facts.amountAtStake().multiply(rate).setScale(2, RoundingMode.HALF_UP);
    BigDecimal labor = Money.normalize(econ.laborCosts().get(pathway));
    return Optional.of(
        new Classification(
            outcome.family(),
            outcome.coreScenario(),
            outcome.rootCause(),
            outcome.preventable(),
            pathway,
            ruleId,
            rationale,
            evidence,
            drivingCode(facts, driving),
            facts.serviceLine(),
            deadline,
            window,
            facts.amountAtStake(),
            rate.stripTrailingZeros().scale() < 2 ? rate.setScale(2) : rate.stripTrailingZeros(),
            basis,
            seen.denials(),
            seen.overturned(),
            expected,
            labor,
            Money.normalize(expected.subtract(labor)),
            nsa,
            batch,
            facts.nsa().networkDecision()));
  }

  /** The first payer override, else the first general rule, that matches; null when none. */
  public ClassificationRule firstMatch(FindingFacts facts) {
    for (ClassificationRule r : rules.payerRules()) {
      if (r.matches(facts)) {
        return r;
      }
    }
    for (ClassificationRule r : rules.rules()) {
      if (r.matches(facts)) {
        return r;
      }
    }
    return null;
  }

  private static String drivingCode(FindingFacts facts, Adjustment driving) {
    if (driving != null) {
      return driving.code();
    }
    return facts.plbReason() != null ? "PLB " + facts.plbReason() : null;
  }

  private static List<String> evidence(
      FindingFacts facts, Adjustment driving, ClassificationRule rule) {
    List<String> out = new ArrayList<>();
    if (driving != null) {
      out.add("driving adjustment " + driving.code() + " " + driving.amount().toPlainString());
    }
    for (Adjustment a : facts.adjustments()) {
      if (a != driving) {
        out.add("adjustment " + a.code() + " " + a.amount().toPlainString());
      }
    }
    if (!facts.remarks().isEmpty()) {
      out.add("RARC " + String.join(" ", facts.remarks().stream().sorted().toList()));
    }
    if (facts.plbReason() != null) {
      out.add("PLB " + facts.plbReason());
    }
    if (rule != null) {
      out.add("rule " + rule.id() + " (" + rule.source() + "): " + rule.describeConditions());
    }
    if (rule != null && rule.claimFact() != ClaimFact.ANY) {
      out.add("claim: " + describe(rule.claimFact()));
    }
    out.add(
        "service line "
            + facts.serviceLine()
            + (facts.serviceLineRule() == null
                ? ""
                : " (" + facts.serviceLineRule().describe() + ")"));
    return out;
  }

  private static String describe(ClaimFact fact) {
    return switch (fact) {
      case ANY -> "any";
      case NO_PRIOR_AUTH -> "the 837 claim carries no REF*G1 prior authorization";
      case PRIOR_AUTH_SENT -> "the 837 claim carries a REF*G1 prior authorization";
      case NO_REFERRAL -> "the 837 claim carries no REF*9F referral";
      case REFERRAL_SENT -> "the 837 claim carries a REF*9F referral";
      case NO_CLAIM -> "the gateway has not seen the 837 claim";
      case REPLACEMENT -> "the claim is a replacement (frequency 7)";
      case VOID -> "the claim is a void (frequency 8)";
      case NO_CORRECTION -> "the payer took the payment back without a correction";
      case NSA_ELIGIBLE -> "the claim falls under the No Surprises Act";
    };
  }

  /** The facts of a finding that rules look at. */
  public FindingFacts facts(Finding f, FindingKind kind) {
    RemittanceHeader remit = f.remittance();
    ClaimPayment pay = f.payment();
    SubmittedClaim claim = f.claim();
    LineMatch line = f.line();
    List<Adjustment> adjustments = new ArrayList<>();
    Set<String> remarks = new LinkedHashSet<>();
    String plbReason = null;
    BigDecimal atStake;
    Recoupment recoupment = f instanceof Recoupment r ? r : null;
    if (recoupment != null) {
      atStake = recoupment.amount();
      if (recoupment.providerAdjustment() != null) {
        plbReason = recoupment.providerAdjustment().reason().strip().toUpperCase(Locale.ROOT);
      }
      if (recoupment.correction() != null) {
        adjustments.addAll(
            added(
                recoupment.reversed() != null ? recoupment.reversed().allAdjustments() : List.of(),
                recoupment.correction().allAdjustments()));
        remarks.addAll(recoupment.correction().allRemarkCodes());
      }
      if (pay != null) {
        remarks.addAll(pay.allRemarkCodes());
      }
    } else if (line != null) {
      ServicePayment s = line.paid();
      adjustments.addAll(s.adjustments());
      remarks.addAll(s.remarkCodes());
      if (pay != null) {
        remarks.addAll(pay.remarkCodes());
      }
      atStake =
          f instanceof Underpayment u
              ? u.varianceAmount()
              : positive(
                  s.chargeAmount().subtract(s.paidAmount()).subtract(patient(s.adjustments())));
    } else {
      adjustments.addAll(pay.allAdjustments());
      remarks.addAll(pay.allRemarkCodes());
      atStake =
          positive(
              pay.billedAmount()
                  .subtract(pay.paidAmount())
                  .subtract(pay.effectivePatientResponsibility()));
    }
    Set<String> upperRemarks = new LinkedHashSet<>();
    remarks.forEach(r -> upperRemarks.add(r.strip().toUpperCase(Locale.ROOT)));
    NsaAssessment nsa =
        pay == null
            ? NsaAssessment.notEligible(
                policy
                    .nsa()
                    .network(
                        remit.payerKeys(),
                        NsaPolicy.provider(remit, claim),
                        NsaPolicy.serviceDate(remit, null, claim),
                        policy.contracts()),
                List.of())
            : policy.nsa().assess(remit, pay, claim, policy.contracts());
    Set<ClaimFact> claimFacts = EnumSet.noneOf(ClaimFact.class);
    if (claim == null) {
      claimFacts.add(ClaimFact.NO_CLAIM);
    } else {
      boolean auth =
          claim.priorAuthorization() != null
              || claim.lines().stream().anyMatch(l -> has(l.references().get("G1")));
      claimFacts.add(auth ? ClaimFact.PRIOR_AUTH_SENT : ClaimFact.NO_PRIOR_AUTH);
      boolean referral =
          has(claim.references().get("9F"))
              || claim.lines().stream().anyMatch(l -> has(l.references().get("9F")));
      claimFacts.add(referral ? ClaimFact.REFERRAL_SENT : ClaimFact.NO_REFERRAL);
      if ("7".equals(claim.frequencyCode())) {
        claimFacts.add(ClaimFact.REPLACEMENT);
      } else if ("8".equals(claim.frequencyCode())) {
        claimFacts.add(ClaimFact.VOID);
      }
    }
    if (recoupment != null
        && recoupment.providerAdjustment() == null
        && recoupment.correction() == null) {
      claimFacts.add(recoupment.voidedByProvider() ? ClaimFact.VOID : ClaimFact.NO_CORRECTION);
    }
    if (nsa.eligible()) {
      claimFacts.add(ClaimFact.NSA_ELIGIBLE);
    }
    Inputs in = inputs(pay, claim, line);
    ServiceLineRule slRule = serviceLine(in);
    LocalDate decision = remit.paymentDate() != null ? remit.paymentDate() : remit.productionDate();
    LocalDate serviceDate = null;
    if (line != null && line.paid().serviceDate() != null) {
      serviceDate = line.paid().serviceDate();
    } else if (pay != null && pay.serviceDate() != null) {
      serviceDate = pay.serviceDate();
    } else if (claim != null) {
      serviceDate = claim.statementFrom();
    }
    String npi = claim != null ? claim.billingProvider().npi() : remit.payee().npi();
    return new FindingFacts(
        kind,
        RemittanceHeader.payerKey(remit.payer().id()),
        remit.payerKeys(),
        adjustments,
        upperRemarks,
        plbReason,
        claimFacts,
        slRule == null ? ServiceLine.OTHER : slRule.serviceLine(),
        slRule,
        new LinkedHashSet<>(NsaPolicy.places(claim)),
        mainProcedure(pay, claim, line),
        atStake,
        decision,
        serviceDate,
        npi,
        nsa);
  }

  private static boolean has(String s) {
    return s != null && !s.isBlank();
  }

  private static BigDecimal positive(BigDecimal x) {
    return Money.normalize(x.signum() < 0 ? BigDecimal.ZERO : x);
  }

  private static BigDecimal patient(List<Adjustment> adjustments) {
    BigDecimal pr = Money.ZERO;
    for (Adjustment a : adjustments) {
      if (a.isPatientResponsibility()) {
        pr = pr.add(a.amount());
      }
    }
    return pr;
  }

  /** What a correction adjusted beyond the payment it replaced, per group and CARC. */
  static List<Adjustment> added(List<Adjustment> before, List<Adjustment> after) {
    Map<String, BigDecimal> delta = new LinkedHashMap<>();
    Map<String, Adjustment> sample = new LinkedHashMap<>();
    for (Adjustment a : after) {
      delta.merge(a.code(), a.amount(), BigDecimal::add);
      sample.putIfAbsent(a.code(), a);
    }
    for (Adjustment a : before) {
      delta.merge(a.code(), a.amount().negate(), BigDecimal::add);
    }
    List<Adjustment> out = new ArrayList<>();
    delta.forEach(
        (code, amount) -> {
          Adjustment s = sample.get(code);
          if (s != null && amount.signum() > 0) {
            out.add(new Adjustment(AdjustmentLevel.CLAIM, s.group(), s.reason(), amount, null));
          }
        });
    return out;
  }

  /** The values service-line rules compare, by kind. */
  private record Inputs(
      List<String> taxonomies,
      List<String> procedures,
      List<String> places,
      List<String> billTypes,
      List<String> revenueCodes) {}

  private static Inputs inputs(ClaimPayment pay, SubmittedClaim claim, LineMatch line) {
    List<String> tax = new ArrayList<>();
    List<String> proc = new ArrayList<>();
    List<String> billTypes = new ArrayList<>();
    List<String> rev = new ArrayList<>();
    if (claim != null) {
      claim.taxonomies().values().forEach(t -> tax.add(t.strip().toUpperCase(Locale.ROOT)));
      if ("837I".equals(claim.transactionType()) && !claim.facilityCode().isEmpty()) {
        billTypes.add(claim.facilityCode());
      }
    }
    List<ServicePayment> paid =
        line != null ? List.of(line.paid()) : pay != null ? pay.lines() : List.of();
    for (ServicePayment s : paid) {
      proc.add(s.procedure().code().toUpperCase(Locale.ROOT));
      if (s.submittedProcedure() != null) {
        proc.add(s.submittedProcedure().code().toUpperCase(Locale.ROOT));
      }
      if (has(s.revenueCode())) {
        rev.add(s.revenueCode());
      }
    }
    if (claim != null && line == null) {
      for (SubmittedLine l : claim.lines()) {
        proc.add(l.procedure().code().toUpperCase(Locale.ROOT));
        if (!l.revenueCode().isEmpty()) {
          rev.add(l.revenueCode());
        }
      }
    } else if (line != null && line.submitted() != null) {
      proc.add(line.submitted().procedure().code().toUpperCase(Locale.ROOT));
    }
    List<String> places = new ArrayList<>();
    if (line != null && line.submitted() != null && !line.submitted().placeOfService().isEmpty()) {
      places.add(line.submitted().placeOfService());
    }
    places.addAll(NsaPolicy.places(claim));
    return new Inputs(tax, proc, places, billTypes, rev);
  }

  /**
   * 837 loop 2300 CLM with its 835 CLP: the service line of a whole claim, by the same rules (and
   * in the same order) as a claim denial's, {@link ServiceLine#OTHER} when none matches.
   *
   * @param payment the claim payment, or null
   * @param claim the 837 claim, or null
   */
  public ServiceLine serviceLineOf(ClaimPayment payment, SubmittedClaim claim) {
    ServiceLineRule r = serviceLine(inputs(payment, claim, null));
    return r == null ? ServiceLine.OTHER : r.serviceLine();
  }

  private ServiceLineRule serviceLine(Inputs in) {
    for (ServiceLineRule r : rules.serviceLines()) {
      List<String> values =
          switch (r.match()) {
            case TAXONOMY -> in.taxonomies();
            case PROCEDURE -> in.procedures();
            case PLACE_OF_SERVICE -> in.places();
            case BILL_TYPE -> in.billTypes();
            case REVENUE_CODE -> in.revenueCodes();
          };
      for (String v : values) {
        if (r.matches(v)) {
          return r;
        }
      }
    }
    return null;
  }

  private static String mainProcedure(ClaimPayment pay, SubmittedClaim claim, LineMatch line) {
    if (line != null) {
      ServicePayment s = line.paid();
      return (s.submittedProcedure() != null ? s.submittedProcedure() : s.procedure()).code();
    }
    if (pay != null && !pay.lines().isEmpty()) {
      ServicePayment best = pay.lines().get(0);
      for (ServicePayment s : pay.lines()) {
        if (s.chargeAmount().compareTo(best.chargeAmount()) > 0) {
          best = s;
        }
      }
      return (best.submittedProcedure() != null ? best.submittedProcedure() : best.procedure())
          .code();
    }
    if (claim != null && !claim.lines().isEmpty()) {
      SubmittedLine best = claim.lines().get(0);
      for (SubmittedLine l : claim.lines()) {
        if (l.chargeAmount().compareTo(best.chargeAmount()) > 0) {
          best = l;
        }
      }
      return best.procedure().code();
    }
    return "";
  }

  /**
   * The federal IDR clock. 45 CFR 149.510(b)(1): open negotiation may be initiated within 30
   * business days beginning on the day of the initial payment or notice of denial (that day counts
   * when it is a business day); it then runs 30 business days, and IDR must be initiated within 4
   * business days beginning on the business day after it ends.
   */
  private NoSurprisesAct clock(Finding f, FindingFacts facts) {
    LocalDate decided = facts.decisionDate();
    LocalDate openBy = null;
    LocalDate outer = null;
    int negotiation = rules.openNegotiationBusinessDays();
    if (decided != null) {
      openBy = periodEnd(decided, negotiation);
      LocalDate negotiationEnds = periodEnd(openBy, negotiation);
      outer = calendar.plusBusinessDays(negotiationEnds, rules.idrInitiationBusinessDays());
    }
    BigDecimal qpa = null;
    String qpaSource = null;
    Optional<List<NsaTarget>> refs = references(f);
    if (refs.isPresent() && !refs.get().isEmpty()) {
      qpa = Money.ZERO;
      List<String> sources = new ArrayList<>();
      for (NsaTarget t : refs.get()) {
        qpa = qpa.add(t.amount());
        sources.add(t.reference().source());
      }
      qpa = Money.normalize(qpa);
      qpaSource = String.join(", ", sources);
    }
    return new NoSurprisesAct(
        true,
        facts.nsa().basis(),
        facts.nsa().network().name(),
        decided,
        openBy,
        rules.idrInitiationBusinessDays(),
        outer,
        qpa,
        qpaSource);
  }

  /**
   * The last day of a period of n business days beginning on a day (counted when a business day).
   */
  private LocalDate periodEnd(LocalDate begins, int n) {
    LocalDate start = calendar.isBusinessDay(begins) ? begins.minusDays(1) : begins;
    return calendar.plusBusinessDays(start, n);
  }

  /** Reference (QPA) amounts of the finding's lines; empty when any line has none. */
  private Optional<List<NsaTarget>> references(Finding f) {
    ClaimPayment pay = f.payment();
    if (pay == null) {
      return Optional.empty();
    }
    List<ServicePayment> lines = f.line() != null ? List.of(f.line().paid()) : pay.lines();
    List<NsaTarget> out = new ArrayList<>();
    for (ServicePayment s : lines) {
      LocalDate date = s.serviceDate() != null ? s.serviceDate() : pay.serviceDate();
      BigDecimal units = f.line() != null ? f.line().billedUnits() : s.billedUnits();
      Optional<NsaTarget> t =
          policy
              .nsa()
              .reference(
                  f.remittance(), NsaPolicy.provider(f.remittance(), f.claim()), s, units, date);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      out.add(t.get());
    }
    return Optional.of(out);
  }

  /**
   * Disputes that federal IDR lets one batch: same billing provider, payer and service code, with
   * services in the same 30-business-day window (windows counted from the first business day of the
   * service year).
   */
  private String batchKey(FindingFacts facts) {
    LocalDate service = facts.serviceDate() != null ? facts.serviceDate() : facts.decisionDate();
    String window = "";
    if (service != null) {
      LocalDate yearStart = service.withDayOfYear(1).minusDays(1);
      int index = Math.max(0, calendar.businessDaysBetween(yearStart, service) - 1);
      int n = rules.openNegotiationBusinessDays();
      window = calendar.plusBusinessDays(yearStart, (index / n) * n + 1).toString();
    }
    return RecordIds.of(
        "nsa-dispute-batch",
        facts.providerNpi(),
        facts.payerId(),
        facts.procedure().toUpperCase(Locale.ROOT),
        window);
  }
}
