package dev.x12gw.domain.scrub;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scrubber's rule set, validated as a whole: the built-in checks (at most one row per kind, NPI
 * rows by role excepted; a kind without a row is not checked), the payer rules, the NCCI
 * procedure-to-procedure edits, the unit limits and the place-of-service code list.
 */
public final class ScrubRules {
  private final Map<RuleKind, List<ScrubRule>> byKind = new EnumMap<>(RuleKind.class);
  private final Map<String, List<PtpEdit>> ptp = new HashMap<>();
  private final Map<String, UnitLimit> limits = new HashMap<>();
  private final Set<String> placesOfService;

  public ScrubRules(
      List<ScrubRule> rules,
      List<PtpEdit> ptpEdits,
      List<UnitLimit> unitLimits,
      Set<String> placesOfService) {
    Set<String> ids = new HashSet<>();
    for (ScrubRule r : rules) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("rule id " + r.id() + " is used twice");
      }
      List<ScrubRule> same = byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>());
      if (!r.kind().payerRule() && r.kind() != RuleKind.NPI_CHECK_DIGIT && !same.isEmpty()) {
        throw new IllegalArgumentException(
            "rules " + same.get(0).id() + " and " + r.id() + " both configure " + r.kind());
      }
      same.add(r);
    }
    byKind.replaceAll((k, v) -> List.copyOf(v));
    for (PtpEdit e : ptpEdits) {
      ptp.computeIfAbsent(e.column1() + "|" + e.column2(), k -> new ArrayList<>()).add(e);
    }
    for (UnitLimit u : unitLimits) {
      if (limits.put(u.code(), u) != null) {
        throw new IllegalArgumentException("unit limit of " + u.code() + " is given twice");
      }
    }
    this.placesOfService = Set.copyOf(placesOfService);
    if (byKind.containsKey(RuleKind.PLACE_OF_SERVICE) && this.placesOfService.isEmpty()) {
      throw new IllegalArgumentException("PLACE_OF_SERVICE is checked but no codes are listed");
    }
  }

  /** The rows of {@code kind} (empty: not checked). */
  public List<ScrubRule> rules(RuleKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The edits of the pair, column 1 then column 2. */
  public List<PtpEdit> ptp(String column1, String column2) {
    return ptp.getOrDefault(column1 + "|" + column2, List.of());
  }

  /** The unit limit of {@code code}, or null. */
  public UnitLimit unitLimit(String code) {
    return limits.get(code);
  }

  public boolean placeOfService(String code) {
    return placesOfService.contains(code);
  }
}
