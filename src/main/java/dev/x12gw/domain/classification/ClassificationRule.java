package dev.x12gw.domain.classification;

import dev.x12gw.domain.claim.Adjustment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * 835 CAS / LQ / PLB with the 837 claim: one classification rule. Every condition that is set must
 * hold; an empty condition matches anything. Group and CARC conditions must hold on the same
 * adjustment.
 *
 * @param id stable rule id, quoted in every record it classifies
 * @param payers payer ids (normalised) the rule is for; empty = every payer
 * @param findings finding kinds; empty = every classified kind
 * @param groups CAS01 group codes
 * @param carcs CARCs
 * @param rarcs RARCs (any one present)
 * @param plbReasons PLB03-1 reasons (provider-level recoupments)
 * @param claimFact a fact about the claim
 * @param serviceLines service lines
 * @param places places of service (any one on the claim)
 * @param outcome what the rule concludes
 * @param source file and line it was loaded from
 */
public record ClassificationRule(
    String id,
    Set<String> payers,
    Set<FindingKind> findings,
    Set<String> groups,
    Set<String> carcs,
    Set<String> rarcs,
    Set<String> plbReasons,
    ClaimFact claimFact,
    Set<ServiceLine> serviceLines,
    Set<String> places,
    RuleOutcome outcome,
    String source) {
  public ClassificationRule {
    id = Objects.requireNonNull(id, "rule id").strip();
    if (!id.matches("[A-Z0-9][A-Z0-9_-]*")) {
      throw new IllegalArgumentException(
          "rule id must be upper-case letters, digits, '_' or '-': " + id);
    }
    payers = upper(payers);
    findings = Set.copyOf(findings);
    groups = upper(groups);
    carcs = upper(carcs);
    rarcs = upper(rarcs);
    plbReasons = upper(plbReasons);
    Objects.requireNonNull(claimFact, "claim fact");
    serviceLines = Set.copyOf(serviceLines);
    places = Set.copyOf(places);
    Objects.requireNonNull(outcome, "outcome");
    source = Objects.requireNonNullElse(source, "");
  }

  private static Set<String> upper(Collection<String> codes) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : codes) {
      out.add(c.strip().toUpperCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** True when every condition holds for the finding. */
  public boolean matches(FindingFacts f) {
    if (!payers.isEmpty() && payers.stream().noneMatch(f.payerKeys()::contains)) {
      return false;
    }
    if (!findings.isEmpty() && !findings.contains(f.kind())) {
      return false;
    }
    if (!groups.isEmpty() || !carcs.isEmpty()) {
      boolean any = false;
      for (Adjustment a : f.adjustments()) {
        if ((groups.isEmpty() || groups.contains(a.group()))
            && (carcs.isEmpty() || carcs.contains(a.reason().toUpperCase(Locale.ROOT)))) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    if (!rarcs.isEmpty() && rarcs.stream().noneMatch(f.remarks()::contains)) {
      return false;
    }
    if (!plbReasons.isEmpty() && (f.plbReason() == null || !plbReasons.contains(f.plbReason()))) {
      return false;
    }
    if (claimFact != ClaimFact.ANY && !f.claimFacts().contains(claimFact)) {
      return false;
    }
    if (!serviceLines.isEmpty() && !serviceLines.contains(f.serviceLine())) {
      return false;
    }
    return places.isEmpty() || places.stream().anyMatch(f.places()::contains);
  }

  /**
   * True when this rule matches every finding the other matches (so, placed before it, it leaves
   * the other nothing to match).
   */
  public boolean covers(ClassificationRule other) {
    return wider(payers, other.payers)
        && wider(findings, other.findings)
        && wider(groups, other.groups)
        && wider(carcs, other.carcs)
        && wider(rarcs, other.rarcs)
        && wider(plbReasons, other.plbReasons)
        && (claimFact == ClaimFact.ANY || claimFact == other.claimFact)
        && wider(serviceLines, other.serviceLines)
        && wider(places, other.places);
  }

  private static <T> boolean wider(Set<T> mine, Set<T> theirs) {
    return mine.isEmpty() || (!theirs.isEmpty() && mine.containsAll(theirs));
  }

  /** The conditions in words, e.g. {@code CLAIM_DENIAL; CO-197; claim NO_PRIOR_AUTH}. */
  public String describeConditions() {
    List<String> parts = new ArrayList<>();
    if (!payers.isEmpty()) {
      parts.add("payer " + String.join("|", payers));
    }
    if (!findings.isEmpty()) {
      parts.add(String.join("|", findings.stream().map(Enum::name).sorted().toList()));
    }
    if (!groups.isEmpty() || !carcs.isEmpty()) {
      parts.add(
          (groups.isEmpty() ? "any group" : String.join("|", groups.stream().sorted().toList()))
              + "-"
              + (carcs.isEmpty()
                  ? "any CARC"
                  : String.join("|", carcs.stream().sorted().toList())));
    }
    if (!rarcs.isEmpty()) {
      parts.add("RARC " + String.join("|", rarcs.stream().sorted().toList()));
    }
    if (!plbReasons.isEmpty()) {
      parts.add("PLB " + String.join("|", plbReasons.stream().sorted().toList()));
    }
    if (claimFact != ClaimFact.ANY) {
      parts.add("claim " + claimFact);
    }
    if (!serviceLines.isEmpty()) {
      parts.add(String.join("|", serviceLines.stream().map(Enum::name).sorted().toList()));
    }
    if (!places.isEmpty()) {
      parts.add("POS " + String.join("|", places.stream().sorted().toList()));
    }
    return parts.isEmpty() ? "any finding" : String.join("; ", parts);
  }
}
