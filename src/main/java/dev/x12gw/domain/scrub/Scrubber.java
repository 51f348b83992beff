package dev.x12gw.domain.scrub;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 837 loop 2300 CLM and its 2400 lines: every configured check run over one claim, each failure a
 * {@link ScrubFinding} naming the segment and element, the rule and the CARC it would bring.
 */
public final class Scrubber {
  private static final Pattern CPT_OR_HCPCS = Pattern.compile("[0-9]{4}[0-9A-Z]|[A-V][0-9]{4}");
  private static final Pattern CDT = Pattern.compile("D[0-9]{4}");
  private static final Pattern ICD10CM = Pattern.compile("[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}");

  /** NUCC health care provider taxonomy code: nine letters or digits, then X. */
  private static final Pattern TAXONOMY = Pattern.compile("[0-9A-Z]{9}X");

  /** NUBC revenue code: four digits, 0100 to 0999. */
  private static final Pattern REVENUE = Pattern.compile("0[1-9][0-9]{2}");

  private static String role(String prv01) {
    return switch (prv01) {
      case "BI" -> "billing";
      case "PE" -> "rendering";
      case "AT" -> "attending";
      case "OP" -> "operating";
      case "RF" -> "referring";
      case "PT" -> "pay-to";
      default -> prv01;
    };
  }

  private static final Set<String> ICD10CM_QUALIFIERS = Set.of("ABK", "ABF", "ABJ", "APR", "ABN");
  private static final Set<String> DISTINCT_SERVICE_MODIFIERS =
      Set.of(
          "59", "XE", "XP", "XS", "XU", "E1", "E2", "E3", "E4", "F1", "F2", "F3", "F4", "F5", "F6",
          "F7", "F8", "F9", "FA", "LT", "RT", "LC", "LD", "LM", "RC", "RI", "TA", "T1", "T2", "T3",
          "T4", "T5", "T6", "T7", "T8", "T9", "91");
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private final ScrubRules rules;

  /** Each rule's value as a set of codes (NPI roles, modifiers), split once. */
  private final Map<String, Set<String>> valueSets = new HashMap<>();

  /** Each member id rule's pattern, compiled once. */
  private final Map<String, Pattern> patterns = new HashMap<>();

  public Scrubber(ScrubRules rules) {
    this.rules = rules;
    for (RuleKind kind : RuleKind.values()) {
      for (ScrubRule r : rules.rules(kind)) {
        valueSets.put(
            r.id(), Set.of(r.value().toUpperCase(java.util.Locale.ROOT).strip().split("[ ,;]+")));
        if (kind == RuleKind.MEMBER_ID_PATTERN) {
          patterns.put(r.id(), Pattern.compile(r.value()));
        }
      }
    }
  }

  /**
   * The findings of {@code c}, in the order of the checks; {@code history} is told its lines
   * (duplicates); {@code today} stands in for the claim's creation date (BHT04) when it has none.
   */
  public List<ScrubFinding> scrub(ScrubClaim c, ServiceHistory history, LocalDate today) {
    return scrubAndKey(c, history, today).findings();
  }

  /**
   * A claim's scrub ({@link #scrub}) and its lines' service keys ({@link #serviceKeys}), each key
   * computed once: the gateway's intake stores the keys of a claim it takes in (the duplicate check
   * of later files), and the duplicate check needs the same ones.
   */
  public Outcome scrubAndKey(ScrubClaim c, ServiceHistory history, LocalDate today) {
    Run run = new Run(c, today);
    run.balance();
    run.npis();
    run.procedures();
    run.diagnoses();
    run.placesOfService();
    run.taxonomies();
    run.revenueCodes();
    run.replacementReference();
    run.patientRelationship();
    run.serviceDates();
    run.pointers();
    run.duplicates(history);
    run.bundling();
    run.units();
    run.authorizations();
    run.timelyFiling();
    run.memberIds();
    run.modifiers();
    run.references();
    return new Outcome(List.copyOf(run.out), run.keysByLineNumber());
  }

  /**
   * 837 loop 2300 CLM: what one claim's scrub found, and its lines' service keys by line number (as
   * {@link #serviceKeys} gives them).
   */
  public record Outcome(List<ScrubFinding> findings, java.util.Map<Integer, String> serviceKeys) {
    public Outcome {
      findings = List.copyOf(findings);
      serviceKeys =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serviceKeys));
    }
  }

  /** A scrubber without rules: what {@link #serviceKeys} runs in. */
  private static final Scrubber KEYS =
      new Scrubber(new ScrubRules(List.of(), List.of(), List.of(), Set.of()));

  /**
   * The key of each service line of {@code c} by its line number (the duplicate check's: payer,
   * member, day, procedure with its NDC, modifiers; a line without a day or procedure has none):
   * what a claim taken in as submitted adds to the service history.
   */
  public static java.util.Map<Integer, String> serviceKeys(ScrubClaim c) {
    return KEYS.new Run(c, LocalDate.MIN).keysByLineNumber();
  }

  /** One claim's scrub: its values and the findings so far. */
  private final class Run {
    final ScrubClaim c;
    final SubmittedClaim claim;
    final String payer;
    final LocalDate created;
    final List<ScrubFinding> out = new ArrayList<>();

    /** The claim loop: CLM and what follows it, found once per claim. */
    final List<ScrubSegment> loop;

    /** The claim loop's service lines: each LX with what follows it, in order. */
    final List<List<ScrubSegment>> lxGroups = new ArrayList<>();

    /** The index in {@link #lxGroups} of each LX01 value. */
    final Map<String, Integer> byLx01 = new HashMap<>();

    /**
     * Service line {@code n}'s segments: the LX whose LX01 is that number and what follows it, else
     * (LX01 not numbered so) the {@code n}th LX ({@link ScrubClaim#line}).
     */
    List<ScrubSegment> line(int n) {
      Integer at = byLx01.get(String.valueOf(n));
      if (at != null) {
        return lxGroups.get(at);
      }
      return n >= 1 && n <= lxGroups.size() ? lxGroups.get(n - 1) : List.of();
    }

    Optional<ScrubSegment> lineSegment(int n, String id) {
      for (ScrubSegment s : line(n)) {
        if (s.id().equals(id)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    Run(ScrubClaim c, LocalDate today) {
      this.c = c;
      this.loop = c.claimLoop();
      for (int i = 0; i < loop.size(); i++) {
        ScrubSegment seg = loop.get(i);
        if (seg.id().equals("LX")) {
          byLx01.putIfAbsent(seg.element(1).strip(), lxGroups.size());
          lxGroups.add(new ArrayList<>());
        }
        if (!lxGroups.isEmpty()) {
          lxGroups.get(lxGroups.size() - 1).add(seg);
        }
      }
      this.claim = c.claim();
      this.payer = claim.payer().id();
      LocalDate bht = c.first("BHT").map(s -> date(s.element(4))).orElse(null);
      this.created = bht != null ? bht : today;
    }

    void add(
        ScrubRule rule,
        int line,
        Optional<ScrubSegment> at,
        String element,
        String value,
        String message) {
      out.add(
          new ScrubFinding(
              c.source(),
              claim.patientControlNumber(),
              line,
              at.map(ScrubSegment::position).orElse(0),
              element,
              value,
              rule,
              message));
    }

    ScrubRule one(RuleKind kind) {
      List<ScrubRule> r = rules.rules(kind);
      return r.isEmpty() ? null : r.get(0);
    }

    List<ScrubRule> payerRules(RuleKind kind) {
      return rules.rules(kind).stream().filter(r -> r.appliesToPayer(payer)).toList();
    }

    /** The line's service segment: SV1 (837P), SV2 (837I) or SV3 (837D). */
    Optional<ScrubSegment> service(int line) {
      for (ScrubSegment s : line(line)) {
        if (isService(s)) {
          return Optional.of(s);
        }
      }
      // a service line sent without its LX is numbered by position
      int n = 0;
      for (ScrubSegment s : loop) {
        if (isService(s) && ++n == line) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    boolean isService(ScrubSegment s) {
      return s.id().equals("SV1") || s.id().equals("SV2") || s.id().equals("SV3");
    }

    String procedureElement(ScrubSegment sv) {
      return sv.id().equals("SV2") ? "SV202-2" : sv.id() + "01-2";
    }

    void balance() {
      ScrubRule r = one(RuleKind.CLAIM_BALANCE);
      if (r == null || claim.lines().isEmpty()) {
        return;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (SubmittedLine l : claim.lines()) {
        sum = sum.add(l.chargeAmount());
      }
      if (sum.compareTo(claim.totalCharge()) != 0) {
        add(
            r,
            0,
            c.first("CLM"),
            "CLM02",
            claim.totalCharge().toPlainString(),
            "total charge "
                + claim.totalCharge().toPlainString()
                + " is not the sum of the "
                + claim.lines().size()
                + " service line charges, "
                + sum.toPlainString());
      }
    }

    void npis() {
      for (ScrubRule r : rules.rules(RuleKind.NPI_CHECK_DIGIT)) {
        Set<String> roles = valueSets.get(r.id());
        for (ScrubSegment s : c.segments()) {
          if (s.id().equals("NM1") && roles.contains(s.element(1)) && s.element(8).equals("XX")) {
            String npi = s.element(9);
            if (!Npi.valid(npi)) {
              add(
                  r,
                  lineOf(s),
                  Optional.of(s),
                  "NM109",
                  npi,
                  "NPI '"
                      + npi
                      + "' of NM1*"
                      + s.element(1)
                      + " is not ten digits with a valid check digit");
            }
          }
        }
      }
    }

    /** The LX a segment is in, 0 when it is above the lines. */
    int lineOf(ScrubSegment target) {
      int lx = 0;
      for (ScrubSegment s : loop) {
        if (s.id().equals("LX")) {
          lx++;
        }
        if (s == target) {
          return lx;
        }
      }
      return 0;
    }

    void procedures() {
      ScrubRule r = one(RuleKind.PROCEDURE_FORMAT);
      if (r == null) {
        return;
      }
      for (SubmittedLine l : claim.lines()) {
        Optional<ScrubSegment> sv = service(l.lineNumber());
        String qualifier = l.procedure().qualifier();
        String code = l.procedure().code();
        boolean ok =
            switch (qualifier) {
              case "HC" -> CPT_OR_HCPCS.matcher(code).matches();
              case "AD" -> CDT.matcher(code).matches();
              default -> true;
            };
        if (!ok) {
          add(
              r,
              l.lineNumber(),
              sv,
              sv.map(this::procedureElement).orElse("SV101-2"),
              code,
              "procedure '"
                  + code
                  + "' ("
                  + qualifier
                  + ") is not a "
                  + (qualifier.equals("AD")
                      ? "CDT code (D and four digits)"
                      : "CPT or HCPCS Level II code"));
        }
      }
    }

    void diagnoses() {
      ScrubRule r = one(RuleKind.DIAGNOSIS_FORMAT);
      if (r == null) {
        return;
      }
      for (ScrubSegment hi : loop) {
        if (!hi.id().equals("HI")) {
          continue;
        }
        for (int n = 1; n < hi.elementCount(); n++) {
          String qualifier = hi.component(n, 1);
          String code = hi.component(n, 2);
          if (ICD10CM_QUALIFIERS.contains(qualifier) && !ICD10CM.matcher(code).matches()) {
            add(
                r,
                0,
                Optional.of(hi),
                String.format(java.util.Locale.ROOT, "HI%02d-2", n),
                code,
                "diagnosis '" + code + "' is not an ICD-10-CM code (no decimal point in X12)");
          }
        }
      }
    }

    void placesOfService() {
      ScrubRule r = one(RuleKind.PLACE_OF_SERVICE);
      if (r == null) {
        return;
      }
      c.first("CLM")
          .filter(clm -> clm.component(5, 2).equals("B"))
          .ifPresent(
              clm -> {
                String pos = clm.component(5, 1);
                if (!rules.placeOfService(pos)) {
                  add(
                      r,
                      0,
                      Optional.of(clm),
                      "CLM05-1",
                      pos,
                      "place of service '" + pos + "' is not on the CMS list");
                }
              });
      for (SubmittedLine l : claim.lines()) {
        Optional<ScrubSegment> sv1 = lineSegment(l.lineNumber(), "SV1");
        if (sv1.isPresent() && !sv1.get().element(5).isEmpty()) {
          String pos = sv1.get().element(5);
          if (!rules.placeOfService(pos)) {
            add(
                r,
                l.lineNumber(),
                sv1,
                "SV105",
                pos,
                "place of service '" + pos + "' is not on the CMS list");
          }
        }
      }
    }

    /** PRV03 of every PRV with qualifier PXC: the billing, rendering and other providers'. */
    void taxonomies() {
      ScrubRule r = one(RuleKind.TAXONOMY_FORMAT);
      if (r == null) {
        return;
      }
      for (ScrubSegment prv : c.segments()) {
        if (prv.id().equals("PRV") && prv.element(2).equals("PXC")) {
          String code = prv.element(3);
          if (!TAXONOMY.matcher(code).matches()) {
            add(
                r,
                0,
                Optional.of(prv),
                "PRV03",
                code,
                "taxonomy '"
                    + code
                    + "' of the "
                    + role(prv.element(1))
                    + " provider is not a NUCC code (nine letters or digits, then X)");
          }
        }
      }
    }

    /** SV201 of every institutional line. */
    void revenueCodes() {
      ScrubRule r = one(RuleKind.REVENUE_CODE);
      if (r == null) {
        return;
      }
      for (SubmittedLine l : claim.lines()) {
        Optional<ScrubSegment> sv2 = lineSegment(l.lineNumber(), "SV2");
        if (sv2.isPresent()) {
          String code = sv2.get().element(1);
          if (!REVENUE.matcher(code).matches()) {
            add(
                r,
                l.lineNumber(),
                sv2,
                "SV201",
                code,
                "revenue code '" + code + "' is not four digits from 0100 to 0999 (NUBC)");
          }
        }
      }
    }

    /** CLM05-3 7 or 8 needs REF*F8 in the claim loop (before the first LX). */
    void replacementReference() {
      ScrubRule r = one(RuleKind.REPLACEMENT_REFERENCE);
      if (r == null) {
        return;
      }
      Optional<ScrubSegment> clm = c.first("CLM");
      String frequency = clm.map(s -> s.component(5, 3)).orElse("");
      if (!frequency.equals("7") && !frequency.equals("8")) {
        return;
      }
      for (ScrubSegment s : loop) {
        if (s.id().equals("LX")) {
          break;
        }
        if (s.id().equals("REF") && s.element(1).equals("F8") && !s.element(2).isBlank()) {
          return;
        }
      }
      add(
          r,
          0,
          clm,
          "REF*F8",
          "",
          (frequency.equals("7") ? "a replacement" : "a void")
              + " (CLM05-3 "
              + frequency
              + ") must name the claim it "
              + (frequency.equals("7") ? "replaces" : "voids")
              + " (REF*F8, the payer's claim control number)");
    }

    /** SBR02 18 (the subscriber is the patient) exactly when no patient level (HL 23) follows. */
    void patientRelationship() {
      ScrubRule r = one(RuleKind.PATIENT_RELATIONSHIP);
      if (r == null) {
        return;
      }
      Optional<ScrubSegment> sbr = Optional.empty();
      Optional<ScrubSegment> patientLevel = Optional.empty();
      for (ScrubSegment s : c.segments()) {
        if (s.id().equals("CLM")) {
          break;
        }
        if (s.id().equals("SBR")) {
          sbr = Optional.of(s);
          patientLevel = Optional.empty();
        } else if (s.id().equals("HL") && s.element(3).equals("23")) {
          patientLevel = Optional.of(s);
        }
      }
      if (sbr.isEmpty()) {
        return; // the reader reports a missing subscriber level
      }
      boolean self = sbr.get().element(2).equals("18");
      if (self && patientLevel.isPresent()) {
        add(
            r,
            0,
            patientLevel,
            "HL03",
            "23",
            "the subscriber is the patient (SBR02 18), yet the claim has a patient level (2000C)");
      } else if (!self && patientLevel.isEmpty()) {
        String rel = sbr.get().element(2);
        add(
            r,
            0,
            sbr,
            "SBR02",
            rel,
            "the patient is not the subscriber (SBR02 "
                + (rel.isEmpty() ? "empty" : "'" + rel + "'")
                + ") but the claim has no patient level (2000C: HL 23, PAT, NM1*QC)");
      }
    }

    void serviceDates() {
      ScrubRule r = one(RuleKind.SERVICE_DATE);
      if (r == null) {
        return;
      }
      for (ScrubSegment s : loop) {
        if (!s.id().equals("DTP") || !(s.element(1).equals("472") || s.element(1).equals("434"))) {
          continue;
        }
        String format = s.element(2);
        String text = s.element(3);
        LocalDate from;
        LocalDate to;
        if (format.equals("RD8")) {
          int dash = text.indexOf('-');
          from = dash < 0 ? null : date(text.substring(0, dash));
          to = dash < 0 ? null : date(text.substring(dash + 1));
        } else {
          from = date(text);
          to = from;
        }
        int line = lineOf(s);
        String problem = null;
        if (from == null || to == null) {
          problem = "is not a date (" + format + ")";
        } else if (to.isBefore(from)) {
          problem = "ends before it starts";
        } else if (from.isBefore(EARLIEST)) {
          problem = "is before 1900";
        } else if (to.isAfter(created)) {
          problem = "is after the claim was created (" + created + ")";
        }
        if (problem != null) {
          add(r, line, Optional.of(s), "DTP03", text, "date of service " + text + " " + problem);
        }
      }
    }

    void pointers() {
      ScrubRule r = one(RuleKind.DIAGNOSIS_POINTER);
      if (r == null) {
        return;
      }
      int diagnoses = 0;
      for (ScrubSegment hi : loop) {
        if (hi.id().equals("HI")
            && (hi.component(1, 1).equals("ABK") || hi.component(1, 1).equals("BK"))) {
          for (int n = 1; n < hi.elementCount(); n++) {
            if (!hi.component(n, 2).isEmpty()) {
              diagnoses++;
            }
          }
        }
      }
      for (SubmittedLine l : claim.lines()) {
        Optional<ScrubSegment> sv1 = lineSegment(l.lineNumber(), "SV1");
        if (sv1.isEmpty()) {
          continue; // 837I and 837D lines carry no pointers
        }
        List<String> pointers = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
          String p = sv1.get().component(7, k);
          if (!p.isEmpty()) {
            pointers.add(p);
          }
        }
        if (pointers.isEmpty()) {
          add(r, l.lineNumber(), sv1, "SV107", "", "the line points at no diagnosis");
          continue;
        }
        for (String p : pointers) {
          int n = p.length() <= 2 && digits(p) ? Integer.parseInt(p) : -1;
          if (n < 1 || n > diagnoses) {
            add(
                r,
                l.lineNumber(),
                sv1,
                "SV107",
                String.join(":", pointers),
                "diagnosis pointer " + p + " names no diagnosis of the claim's " + diagnoses);
            break;
          }
        }
      }
    }

    void duplicates(ServiceHistory history) {
      ScrubRule r = one(RuleKind.DUPLICATE);
      if (r == null || claim.frequencyCode().equals("7") || claim.frequencyCode().equals("8")) {
        return;
      }
      List<String> keys = lineKeys();
      for (int i = 0; i < keys.size(); i++) {
        SubmittedLine l = claim.lines().get(i);
        String key = keys.get(i);
        if (key != null && history.seenBefore(claim.patientControlNumber(), key)) {
          Optional<ScrubSegment> sv = service(l.lineNumber());
          add(
              r,
              l.lineNumber(),
              sv,
              sv.map(this::procedureElement).orElse("SV101-2"),
              l.procedure().toString(),
              l.procedure() + " on " + day(l) + " for this patient was already submitted");
        }
      }
    }

    /** Each line's service key, in the claim's line order (null: none); computed once. */
    private List<String> lineKeys;

    List<String> lineKeys() {
      if (lineKeys == null) {
        String member = member();
        List<String> keys = new java.util.ArrayList<>(claim.lines().size());
        for (SubmittedLine l : claim.lines()) {
          keys.add(serviceKey(l, member));
        }
        lineKeys = keys;
      }
      return lineKeys;
    }

    /** The lines' service keys by line number (the first line of a number), without nulls. */
    java.util.Map<Integer, String> keysByLineNumber() {
      java.util.Map<Integer, String> keys = new java.util.LinkedHashMap<>();
      List<String> byLine = lineKeys();
      for (int i = 0; i < byLine.size(); i++) {
        if (byLine.get(i) != null) {
          keys.putIfAbsent(claim.lines().get(i).lineNumber(), byLine.get(i));
        }
      }
      return java.util.Collections.unmodifiableMap(keys);
    }

    /** The subscriber's member id (NM1*IL NM109), empty when not sent. */
    String member() {
      return c.find("NM1", 1, "IL").map(s -> s.element(9)).orElse("");
    }

    private LocalDate day(SubmittedLine l) {
      return l.serviceDate() != null ? l.serviceDate() : claim.statementFrom();
    }

    /**
     * The key of line {@code l}'s service ({@link ServiceHistory#key}), null when it has no day or
     * procedure. A drug billed under one code (an unlisted J code) is a different service per NDC
     * (LIN03).
     */
    String serviceKey(SubmittedLine l, String member) {
      LocalDate day = day(l);
      if (day == null || l.procedure().code().isEmpty()) {
        return null;
      }
      String ndc = lineSegment(l.lineNumber(), "LIN").map(s -> s.element(3)).orElse("");
      String service = ndc.isEmpty() ? l.procedure().code() : l.procedure().code() + " NDC " + ndc;
      return ServiceHistory.key(payer, member, day, service, l.procedure().modifiers());
    }

    void bundling() {
      ScrubRule r = one(RuleKind.PTP_BUNDLING);
      if (r == null) {
        return;
      }
      List<SubmittedLine> lines = claim.lines();
      for (SubmittedLine a : lines) {
        for (SubmittedLine b : lines) {
          if (a == b || a.serviceDate() == null || !a.serviceDate().equals(b.serviceDate())) {
            continue;
          }
          for (PtpEdit e : rules.ptp(a.procedure().code(), b.procedure().code())) {
            if (!e.inForce(a.serviceDate())) {
              continue;
            }
            boolean bypassed =
                e.modifierIndicator() == 1
                    && (distinct(a.procedure().modifiers()) || distinct(b.procedure().modifiers()));
            if (!bypassed) {
              Optional<ScrubSegment> sv = service(b.lineNumber());
              add(
                  r,
                  b.lineNumber(),
                  sv,
                  sv.map(this::procedureElement).orElse("SV101-2"),
                  b.procedure().toString(),
                  b.procedure().code()
                      + " is bundled into "
                      + a.procedure().code()
                      + " (line "
                      + a.lineNumber()
                      + ") on "
                      + a.serviceDate()
                      + (e.modifierIndicator() == 1
                          ? " unless a distinct-service modifier (59, XE, XP, XS, XU, anatomic) shows they were separate"
                          : "; no modifier allows both")
                      + (e.rationale().isEmpty() ? "" : " [" + e.rationale() + "]"));
            }
          }
        }
      }
    }

    boolean distinct(List<String> modifiers) {
      for (String m : modifiers) {
        if (DISTINCT_SERVICE_MODIFIERS.contains(m)) {
          return true;
        }
      }
      return false;
    }

    void units() {
      ScrubRule r = one(RuleKind.UNITS_LIMIT);
      if (r == null) {
        return;
      }
      Map<String, BigDecimal> perDay = new HashMap<>();
      Set<String> reported = new java.util.HashSet<>();
      for (SubmittedLine l : claim.lines()) {
        UnitLimit limit = rules.unitLimit(l.procedure().code());
        if (limit == null || l.units() == null) {
          continue;
        }
        String key = l.procedure().code() + "|" + l.serviceDate();
        BigDecimal total = perDay.merge(key, l.units(), BigDecimal::add);
        if (total.compareTo(BigDecimal.valueOf(limit.maxUnits())) > 0 && reported.add(key)) {
          Optional<ScrubSegment> sv = service(l.lineNumber());
          add(
              r,
              l.lineNumber(),
              sv,
              sv.map(s -> s.id().equals("SV2") ? "SV205" : s.id() + "04").orElse("SV104"),
              total.stripTrailingZeros().toPlainString(),
              total.stripTrailingZeros().toPlainString()
                  + " units of "
                  + l.procedure().code()
                  + " on "
                  + l.serviceDate()
                  + " exceed the "
                  + limit.maxUnits()
                  + " a patient is likely to get in a day"
                  + (limit.rationale().isEmpty() ? "" : " [" + limit.rationale() + "]"));
        }
      }
    }

    void authorizations() {
      List<ScrubRule> applicable = payerRules(RuleKind.AUTHORIZATION_REQUIRED);
      if (applicable.isEmpty()) {
        return;
      }
      boolean claimAuth = claim.priorAuthorization() != null || c.find("REF", 1, "G1").isPresent();
      for (SubmittedLine l : claim.lines()) {
        boolean lineAuth =
            line(l.lineNumber()).stream()
                .anyMatch(s -> s.id().equals("REF") && s.element(1).equals("G1"));
        if (claimAuth || lineAuth) {
          continue;
        }
        for (ScrubRule r : applicable) {
          if (r.appliesToProcedure(l.procedure().code())) {
            add(
                r,
                l.lineNumber(),
                service(l.lineNumber()),
                "REF*G1",
                "",
                l.procedure().code()
                    + " needs a prior authorization number (REF*G1) for payer "
                    + payer);
            break;
          }
        }
      }
    }

    void timelyFiling() {
      List<ScrubRule> applicable = payerRules(RuleKind.TIMELY_FILING);
      if (applicable.isEmpty()) {
        return;
      }
      ScrubSegment earliest = null;
      LocalDate first = null;
      for (ScrubSegment s : loop) {
        if (s.id().equals("DTP") && (s.element(1).equals("472") || s.element(1).equals("434"))) {
          String text = s.element(3);
          LocalDate d = date(text.length() >= 8 ? text.substring(0, 8) : text);
          if (d != null && (first == null || d.isBefore(first))) {
            first = d;
            earliest = s;
          }
        }
      }
      if (first == null) {
        return;
      }
      long days = ChronoUnit.DAYS.between(first, created);
      for (ScrubRule r : applicable) {
        int window = Integer.parseInt(r.value());
        if (days > window) {
          add(
              r,
              lineOf(earliest),
              Optional.of(earliest),
              "DTP03",
              earliest.element(3),
              "service on "
                  + first
                  + " is "
                  + days
                  + " days before the claim was created ("
                  + created
                  + "); payer "
                  + payer
                  + " takes claims within "
                  + window
                  + " days");
          return;
        }
      }
    }

    void memberIds() {
      Optional<ScrubSegment> il = c.find("NM1", 1, "IL");
      for (ScrubRule r : payerRules(RuleKind.MEMBER_ID_PATTERN)) {
        String id = il.map(s -> s.element(9)).orElse("");
        if (!patterns.get(r.id()).matcher(id).matches()) {
          add(
              r,
              0,
              il,
              "NM109",
              id.isEmpty() ? "" : mask(id),
              "member id does not have payer " + payer + "'s form (" + r.value() + ")");
        }
      }
    }

    void modifiers() {
      List<ScrubRule> applicable = payerRules(RuleKind.MODIFIER_REQUIRED);
      for (SubmittedLine l : claim.lines()) {
        for (ScrubRule r : applicable) {
          if (!r.appliesToProcedure(l.procedure().code())) {
            continue;
          }
          Set<String> wanted = valueSets.get(r.id());
          if (l.procedure().modifiers().stream().noneMatch(wanted::contains)) {
            Optional<ScrubSegment> sv = service(l.lineNumber());
            add(
                r,
                l.lineNumber(),
                sv,
                sv.map(s -> s.id().equals("SV2") ? "SV202-3" : s.id() + "01-3").orElse("SV101-3"),
                l.procedure().toString(),
                l.procedure().code()
                    + " needs one of the modifiers "
                    + String.join(", ", new java.util.TreeSet<>(wanted)));
          }
        }
      }
    }

    void references() {
      for (ScrubRule r : payerRules(RuleKind.REFERENCE_REQUIRED)) {
        boolean present = false;
        for (ScrubSegment s : loop) {
          if (s.id().equals("LX")) {
            break;
          }
          if (s.id().equals("REF") && s.element(1).equals(r.value()) && !s.element(2).isBlank()) {
            present = true;
          }
        }
        if (!present) {
          add(
              r,
              0,
              c.first("CLM"),
              "REF*" + r.value(),
              "",
              "payer " + payer + " requires REF*" + r.value() + " on the claim");
        }
      }
    }
  }

  /** A member id shown with all but its last four characters masked (it is PHI). */
  static String mask(String id) {
    return id.length() <= 4 ? "****" : "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
  }

  private static LocalDate date(String ccyymmdd) {
    if (ccyymmdd == null || ccyymmdd.length() != 8 || !digits(ccyymmdd)) {
      return null;
    }
    int year = Integer.parseInt(ccyymmdd, 0, 4, 10);
    int month = Integer.parseInt(ccyymmdd, 4, 6, 10);
    int day = Integer.parseInt(ccyymmdd, 6, 8, 10);
    if (month < 1
        || month > 12
        || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
