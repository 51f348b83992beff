package dev.x12gw.domain.scrub;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 835 CAS reason codes fed back into the scrubber: scrub rules learned from denials, and the active
 * rules that missed denials they cover. Fed from files ({@code x12gw scrub --backtest --suggest})
 * or from the store's history (the gateway's {@code learn-scrub-rules} route), as volumes (lines
 * per payer × procedure, claims per payer) and denials.
 *
 * <p>A suggestion is a payer × CARC × procedure cluster of denials with at least {@code minDenials}
 * denials and a denial rate (denied lines of the procedure / lines of it submitted to the payer) of
 * at least {@code minRate}, for the CARCs a rule kind prevents (197, 15 and 62: authorization
 * required; 29: timely filing, per payer, its window one day short of the earliest late filing)
 * that no active rule already covers. Its rationale is its evidence: count, rate, dollars and
 * example claims.
 *
 * <p>A miss is a denial whose CARC an active rule prevents, of a payer and procedure that rule
 * covers: payer rules by their payer and procedure range (authorization rules by any of 197, 15 and
 * 62), the duplicate check by 18, unit limits by 151 for a procedure with a limit.
 */
public final class RuleSuggestions {
  /** The CARCs a missing authorization brings. */
  public static final Set<String> AUTHORIZATION_CARCS = Set.of("197", "15", "62");

  /** The CARC of a claim filed too late. */
  public static final String TIMELY_CARC = "29";

  private final ScrubRules active;
  private final int minDenials;
  private final double minRate;

  /** Lines submitted, by payer | procedure. */
  private final Map<String, Long> lines = new HashMap<>();

  /** Claims submitted, by payer. */
  private final Map<String, Long> claims = new HashMap<>();

  /** The denials of each cluster, by payer | CARC | procedure (procedure * for timely filing). */
  private final Map<String, Tally> clusters = new TreeMap<>();

  /** The misses of each active rule, by rule id in the order first missed. */
  private final Map<String, Tally> misses = new LinkedHashMap<>();

  private final Map<String, ScrubRule> missedRules = new HashMap<>();

  /** One cluster's (or one rule's misses') evidence. */
  private static final class Tally {
    long denials;
    BigDecimal dollars = BigDecimal.ZERO;
    final TreeSet<String> claims = new TreeSet<>();
    long shortestDelay = Long.MAX_VALUE;

    void add(String claimRef, BigDecimal amount, long delay) {
      denials++;
      dollars = dollars.add(amount);
      claims.add(claimRef); // the three smallest kept as examples
      if (claims.size() > 3) {
        claims.pollLast();
      }
      if (delay >= 0) {
        shortestDelay = Math.min(shortestDelay, delay);
      }
    }
  }

  /**
   * @param active the rule set in force (what is covered, what missed)
   * @param minDenials denials a cluster needs to be suggested
   * @param minRate denial rate (0 to 1) a cluster needs to be suggested
   */
  public RuleSuggestions(ScrubRules active, int minDenials, double minRate) {
    this.active = Objects.requireNonNull(active, "active rules");
    if (minDenials < 1 || minRate < 0 || minRate > 1) {
      throw new IllegalArgumentException("at least one denial, a rate from 0 to 1");
    }
    this.minDenials = minDenials;
    this.minRate = minRate;
  }

  /** {@code count} service lines of {@code procedure} submitted to {@code payer}. */
  public void lines(String payer, String procedure, long count) {
    lines.merge(norm(payer) + "|" + norm(procedure), count, Long::sum);
  }

  /** {@code count} claims submitted to {@code payer}. */
  public void claims(String payer, long count) {
    claims.merge(norm(payer), count, Long::sum);
  }

  /**
   * One denial: of one line ({@code procedures} its procedure) or of a whole claim ({@code
   * procedures} every line's), with the CARCs the payer gave (patient-responsibility groups left
   * out) and the dollars denied.
   *
   * @param filingDelayDays days from the claim's first service to its submission, -1 when unknown
   */
  public void denied(
      String payer,
      String claimRef,
      List<String> procedures,
      Set<String> carcs,
      BigDecimal dollars,
      long filingDelayDays) {
    String p = norm(payer);
    String ref = claimRef.strip();
    Set<String> denied = new TreeSet<>();
    procedures.forEach(x -> denied.add(norm(x)));
    for (String carc : carcs) {
      if (AUTHORIZATION_CARCS.contains(carc)) {
        for (String procedure : denied) {
          clusters
              .computeIfAbsent(p + "|" + carc + "|" + procedure, k -> new Tally())
              .add(ref, dollars, -1);
        }
      } else if (carc.equals(TIMELY_CARC)) {
        clusters
            .computeIfAbsent(p + "|" + carc + "|*", k -> new Tally())
            .add(ref, dollars, filingDelayDays);
      }
    }
    for (ScrubRule r : covering(p, denied, carcs)) {
      missedRules.putIfAbsent(r.id(), r);
      misses.computeIfAbsent(r.id(), k -> new Tally()).add(ref, dollars, -1);
    }
  }

  /** The active rules that cover a denial of these procedures with these CARCs. */
  private List<ScrubRule> covering(String payer, Set<String> procedures, Set<String> carcs) {
    List<ScrubRule> out = new ArrayList<>();
    for (RuleKind kind : RuleKind.values()) {
      for (ScrubRule r : active.rules(kind)) {
        boolean carc =
            carcs.contains(r.carc())
                || (kind == RuleKind.AUTHORIZATION_REQUIRED
                    && carcs.stream().anyMatch(AUTHORIZATION_CARCS::contains));
        if (!carc) {
          continue;
        }
        boolean covers =
            switch (kind) {
              case DUPLICATE -> true;
              case UNITS_LIMIT -> procedures.stream().anyMatch(x -> active.unitLimit(x) != null);
              default ->
                  kind.payerRule()
                      && r.appliesToPayer(payer)
                      && (r.procedureFrom().isEmpty()
                          || procedures.stream().anyMatch(r::appliesToProcedure));
            };
        if (covers) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** The suggested rules, none already covered by an active rule, in payer, CARC, code order. */
  public List<SuggestedRule> suggestions() {
    List<SuggestedRule> out = new ArrayList<>();
    for (Map.Entry<String, Tally> e : clusters.entrySet()) {
      String[] k = e.getKey().split("\\|", -1);
      String payer = k[0];
      String carc = k[1];
      String procedure = k[2];
      Tally c = e.getValue();
      if (c.denials < minDenials) {
        continue;
      }
      boolean timely = procedure.equals("*");
      long volume =
          timely ? claims.getOrDefault(payer, 0L) : lines.getOrDefault(payer + "|" + procedure, 0L);
      double rate = volume == 0 ? 1 : Math.min(1, (double) c.denials / volume);
      if (rate < minRate) {
        continue;
      }
      RuleKind kind = timely ? RuleKind.TIMELY_FILING : RuleKind.AUTHORIZATION_REQUIRED;
      if (covered(kind, payer, procedure)) {
        continue;
      }
      if (timely && (c.shortestDelay == Long.MAX_VALUE || c.shortestDelay < 2)) {
        continue; // no filing delay known to set a window by
      }
      List<String> examples = List.copyOf(c.claims);
      String evidence =
          String.format(
              Locale.ROOT,
              "Suggested from %d denial(s) CARC %s of %s %d %s (%.0f%%), %s denied; e.g. %s",
              c.denials,
              carc,
              timely ? "payer " + payer + "'s" : procedure + " to payer " + payer + ",",
              volume,
              timely ? "claims" : "lines",
              rate * 100,
              c.dollars.setScale(2, RoundingMode.HALF_UP).toPlainString(),
              String.join(" ", examples));
      String id =
          (timely ? "SUGGESTED-TIMELY-" + payer : "SUGGESTED-AUTH-" + payer + "-" + procedure)
              .toUpperCase(Locale.ROOT)
              .replaceAll("[^A-Z0-9-]", "-");
      ScrubRule rule =
          new ScrubRule(
              id,
              kind,
              payer,
              timely ? "" : procedure,
              timely ? "" : procedure,
              timely ? String.valueOf(c.shortestDelay - 1) : "",
              carc,
              "",
              Severity.HARD_STOP,
              evidence);
      out.add(new SuggestedRule(rule, c.denials, volume, rate, c.dollars, examples));
    }
    return List.copyOf(out);
  }

  /** The active rules that missed denials they cover, most denials first. */
  public List<RuleMiss> misses() {
    List<RuleMiss> out = new ArrayList<>();
    misses.forEach(
        (id, t) ->
            out.add(
                new RuleMiss(missedRules.get(id), t.denials, t.dollars, List.copyOf(t.claims))));
    out.sort(
        (a, b) ->
            a.denials() != b.denials()
                ? Long.compare(b.denials(), a.denials())
                : a.rule().id().compareTo(b.rule().id()));
    return List.copyOf(out);
  }

  /** The suggestions as {@code payer-rules.csv}: the header, then one row each. */
  public static List<String> csv(List<SuggestedRule> suggestions) {
    List<String> out = new ArrayList<>();
    out.add(SuggestedRule.csvHeader());
    suggestions.forEach(s -> out.add(s.csvRow()));
    return List.copyOf(out);
  }

  private boolean covered(RuleKind kind, String payer, String procedure) {
    for (ScrubRule r : active.rules(kind)) {
      if (r.appliesToPayer(payer) && (procedure.equals("*") || r.appliesToProcedure(procedure))) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
  }
}
